"""The domain model: immutable, typed records for strikes and everything around them.

The records are defined by concept in ``_vocabularies`` (the closed vocabularies),
``_records`` (sources, claims, places, people, groups), ``_strikes`` (strikes and who
struck) and ``_context`` (ceasefires, developments, figures); this module is the model
layer's one name for them all.

Maintainer's note: records refer to each other by object, never by id, so a user can
write ``strike.targets[0].affiliations[0].other.name``. Frozen objects cannot form a
cycle, so the graph is kept acyclic on purpose: sources < places < people < groups <
strikes, ceasefires. The two places where a back-reference would be natural use ids
instead: ``Role.group_id`` (a person's role in a group that lists them as leader)
and ``Announcement.about`` (an announcement about a strike the strike lists).

Records have no ``__weakref__`` slot (``weakref_slot=False``): they are values, nothing
here holds them weakly, and the slot costs 8 bytes on each of the dozen objects a strike
is made of. A quick read (``_builder``) puts records together through their slots, after
checking what their validators check; a field is added to the format's description
(``_format``) and to the record class, and nowhere else.
"""

from __future__ import annotations

from ._announcements import Announcement
from ._context import (
    Ceasefire,
    Development,
    Figure,
    StatusSpan,
)
from ._records import (
    Affiliation,
    CasualtyClaim,
    Citation,
    Coordinates,
    DateClaim,
    Group,
    Person,
    Place,
    PlaceReference,
    ReferenceFact,
    Role,
    Source,
    StrengthEstimate,
)
from ._strikes import (
    Attribution,
    Strike,
)
from ._vocabularies import (
    CeasefireKind,
    CeasefireStatus,
    Confidence,
    DevelopmentKind,
    GroupKind,
    Outcome,
    PlaceKind,
    Relation,
    Scope,
    SourceKind,
    Stance,
    StrikeKind,
    Victims,
)

__all__ = [
    "Affiliation",
    "Announcement",
    "Attribution",
    "CasualtyClaim",
    "Ceasefire",
    "CeasefireKind",
    "CeasefireStatus",
    "Citation",
    "Confidence",
    "Coordinates",
    "DateClaim",
    "Development",
    "DevelopmentKind",
    "Figure",
    "Group",
    "GroupKind",
    "Outcome",
    "Person",
    "Place",
    "PlaceKind",
    "PlaceReference",
    "ReferenceFact",
    "Relation",
    "Role",
    "Scope",
    "Source",
    "SourceKind",
    "Stance",
    "StatusSpan",
    "StrengthEstimate",
    "Strike",
    "StrikeKind",
    "Victims",
]
