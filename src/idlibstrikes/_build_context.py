"""Building the context of the strikes: ceasefires, developments and figures.

``ContextBuilder`` builds the ceasefires (their end bounded by their parties' existence
and by the last day a dated report shows them holding), the developments of the war
(offensives, changes of control), both dated by their periods, and the figures of the
wider war (a low not above its high).
"""

from __future__ import annotations

from ._build_records import BaseRecordsBuilder
from ._builder import articles_of
from ._models import Ceasefire, Development, Figure
from ._summary import ceasefire_end, parties_end

__all__ = ["ContextBuilder"]


class ContextBuilder(BaseRecordsBuilder):
    """Builds the ceasefires, developments and figures, on the records they name."""

    def build_ceasefires(self) -> None:
        by_subject = self.announcements_by_subject()
        for record in self.raw.records["ceasefires"]:
            f, ident = self.fields(record, self.shapes["ceasefire"].keys)
            if not self.unique(f, ident, self.ceasefires, "ceasefire"):
                continue
            v = self.read(f, self.shapes["ceasefire"])
            starts, ends, parties = v["start_claims"], v["end_claims"], v["parties"]
            start, end = self.period(f, ident, "ceasefire", starts, ends, parties_end(parties))
            sources = articles_of(
                [
                    *(c.source for c in (*starts, *ends)),
                    *(c.source for c in v["citations"]),
                    *(s for a in by_subject.get(ident or "", ()) for s in a.sources),
                ]
            )
            if start is not None and not f.failed:
                # the whole rule, now that its reports are known: no earlier than the last
                # day a dated report shows it holding (period() checked the parties' bound)
                end = ceasefire_end(start, ends, self.facts_on(ident, "end"), parties, sources)
            ceasefire = self.make(
                f,
                Ceasefire,
                v,
                id=ident,
                start=start,
                end=end,
                sources=sources,
                references=self.references_for(ident),
            )
            if ceasefire is not None and ident is not None:
                self.ceasefires[ident] = ceasefire

    def build_developments(self) -> None:
        for record in self.raw.records["developments"]:
            f, ident = self.fields(record, self.shapes["development"].keys)
            if not self.unique(f, ident, self.developments, "development"):
                continue
            v = self.read(f, self.shapes["development"])
            starts, ends = v["start_claims"], v["end_claims"]
            start, end = self.period(f, ident, "development", starts, ends)
            development = self.make(
                f,
                Development,
                v,
                id=ident,
                start=start,
                end=end,
                sources=articles_of(
                    [*(c.source for c in (*starts, *ends)), *(c.source for c in v["citations"])]
                ),
                references=self.references_for(ident),
            )
            if development is not None and ident is not None:
                self.developments[ident] = development

    def build_figures(self) -> None:
        for record in self.raw.records["figures"]:
            f, ident = self.fields(record, self.shapes["figure"].keys)
            if not self.unique(f, ident, self.figures, "figure"):
                continue
            v = self.read(f, self.shapes["figure"])
            low, high = v["low"], v["high"]
            if low is not None and high is not None and low > high:
                f.fail(
                    "high",
                    f"low ({low}) is greater than high ({high})",
                    found=str(high),
                    expected=f"at least {low}, or null for no upper bound",
                )
            figure = self.make(f, Figure, v, id=ident)
            if figure is not None and ident is not None:
                self.figures[ident] = figure
