"""How do I add my own articles and claims, check them, and save a dataset?

Loads ``new-article.json`` (a small fictional example beside this script) on top of the
bundled data: it adds a local monitor's "at least 38" to the 31 August 2019 camp strike,
with its quote checked against ``articles/example-0001.txt``. The new claim is a fourth
account of the toll; "at least 38" agrees with the Syrian Observatory's 40, so the toll
stays 40+ with a best estimate of 40 (not 38-40+: a lower floor that agrees never lowers
it). Then loads ``broken-article.json``, which has six mistakes, and prints every problem
the loader finds at once. Finally writes a dataset out with ``isk.dump`` / ``isk.dumps``
and loads it back equal.
"""

import os
import tempfile
import textwrap
from pathlib import Path

import idlibstrikes as isk

HERE = Path(__file__).resolve().parent


def span(low, high):
    """A figure as text: "40", "25-49", or "38+" for "at least 38"."""
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}-{high}"


# -- your own file beside the bundled data -------------------------------------------------
bundled = isk.load(sources="articles")  # the five articles; isk.load() adds the lists
mine = isk.load(HERE / "new-article.json", articles=HERE / "articles", sources="articles")
print(f"bundled: {bundled!r}")
print(f"mine:    {mine!r}")

camp_id = "2019-08-31-idlib-training-camp"
before, after = bundled.strike(camp_id), mine.strike(camp_id)
print(f"\n{camp_id}: {len(before.claims)} claims bundled, {len(after.claims)} with mine")
for claim in after.claims:
    if claim not in before.claims:
        high = "None (an 'at least': a lower bound)" if claim.high is None else claim.high
        print(f"  added: low {claim.low}, high {high}")
        print(f"    claimant: {claim.claimant.name}; source: {claim.source.id}")
        print(f"    quote: {claim.quote!r}")
print(f"  whole toll, bundled: {bundled.casualties([before])}")
toll = mine.casualties([after])
print(f"  whole toll, mine:    {toll}")
one = toll.per_strike[0]
print(f"  best estimate {one.best}, disputed {one.disputed}; the accounts:")
for a in one.accounts:
    print(f"    {span(a.low, a.high):>4}  {a.who:<36} {a.basis.value:<7} {a.source.id}")
same = bundled is isk.load(sources="articles")
print(f"  the bundled dataset is unchanged: {same}, {len(before.claims)} claims")

# -- a broken file: every problem at once ----------------------------------------------------
try:
    isk.load(HERE / "broken-article.json", articles=HERE / "articles", sources="articles")
except isk.DataError as err:
    print(f"\nbroken-article.json: DataError with {len(err.problems)} problems")
    for problem in err.problems:
        # problem.file is the path as given; show it relative to this folder
        line = str(problem).removeprefix(str(HERE) + os.sep)
        print(
            textwrap.fill(
                line,
                width=88,
                initial_indent="  ",
                subsequent_indent="    ",
                break_on_hyphens=False,
            )
        )

# -- write it out, load it back -------------------------------------------------------------
out = Path(tempfile.mkdtemp())
path = isk.dump(mine, out / "everything.json")
print(f"\ndump -> {path.name}; loads back equal: {isk.load(path, bundled=False) == mine}")

text = isk.dumps(mine)  # the same text, as a string
(out / "copy.json").write_text(text, encoding="utf-8")
print(
    f"dumps -> {len(text.splitlines())} lines; same as the file: {text == path.read_text('utf-8')}"
)
print(f"  loads back equal: {isk.load(out / 'copy.json', bundled=False) == mine}")

print("dumps of one record:")
lines = isk.dumps([mine.group("local monitoring group")]).splitlines()
print("\n".join("  " + line for line in lines[:7]) + "\n  ...")
