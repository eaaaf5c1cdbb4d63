"""Time and peak memory of analysing one very long article.

    python bench/bench_long_text.py [--mb 1] [--max-words N] [--profile]

Builds one article of ``--mb`` megabytes from distinct generated news paragraphs
(varied people, places, organisations, quotes, figures and dates, so entity
linking and quote attribution have real work), then runs ``newsgraph.api.analyze``
on it in this process and prints the seconds, the peak resident memory of the
process (model included) and what was found.  ``--max-words`` is passed to
``ReadOptions.max_words``: above it the article is refused at read time (E022),
which this prints as one line with the time it took.  Figures are in
docs/performance.md, "Long texts".
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsgraph.errors import InputError  # noqa: E402

FIRST = ["Amina", "Jonas", "Li", "Maria", "Omar", "Priya", "Tomas", "Sofia", "Kwame", "Elena", "Rafael", "Ingrid"]
LAST = ["Haddad", "Keller", "Wei", "Santos", "Okafor", "Lindqvist", "Novak", "Mendes", "Tanaka", "Brennan", "Adeyemi"]
PLACES = ["Geneva", "Nairobi", "Lima", "Manila", "Cairo", "Dhaka", "Oslo", "Quito", "Hanoi", "Accra", "Tbilisi"]
ORGS = ["Red Cross", "World Bank", "Interior Ministry", "Harbour Authority", "United Nations", "Finance Ministry"]
VERBS = ["said", "told reporters", "added", "warned", "confirmed"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def news_paragraph(rng: random.Random, i: int) -> str:
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    place, org = rng.choice(PLACES), rng.choice(ORGS)
    day = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2024)}"
    amount = rng.randint(2, 9000)
    return (
        f"Officials of the {org} in {place} said on {day} that {amount} people had been moved "
        f"from the flooded districts near the river, report {i} showed. "
        f'"We are doing what we can, but the roads are still closed," {person} {rng.choice(VERBS)}. '
        f"The {org} has asked for {rng.randint(2, 90)} million dollars to rebuild schools and clinics, "
        f"and talks with the government of {rng.choice(PLACES)} will resume next week."
    )


def long_article(megabytes: float, seed: int = 1) -> str:
    rng = random.Random(seed)
    paragraphs, size, i = ["Floods leave thousands waiting for help"], 0, 0
    while size < megabytes * 1_000_000:
        paragraphs.append(news_paragraph(rng, i))
        size += len(paragraphs[-1]) + 2
        i += 1
    return "\n\n".join(paragraphs) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of the article in megabytes")
    parser.add_argument("--max-words", type=int, default=None, help="ReadOptions.max_words (default: its default)")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of the analysis")
    args = parser.parse_args()

    from newsgraph.api import analyze, default_pipeline
    from newsgraph.readers import ReadOptions

    options = ReadOptions() if args.max_words is None else ReadOptions(max_words=args.max_words)
    text = long_article(args.mb)
    default_pipeline()  # load the model before timing
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(text, encoding="utf-8")
        print(f"{len(text.encode()) / 1e6:.2f} MB, {len(text.split()):,} words, max_words={options.max_words:,}")
        started = time.monotonic()
        try:
            if args.profile:
                import cProfile
                import pstats

                profiler = cProfile.Profile()
                article = profiler.runcall(analyze, path, read_options=options)
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
            else:
                article = analyze(path, read_options=options)
        except InputError as err:
            print(f"refused after {time.monotonic() - started:.2f} s: {err.line()}")
            return
        seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"analysed in {seconds:.1f} s, peak RSS {peak_mb:.0f} MB; {len(article.entities)} entities, "
        f"{len(article.quotes)} quotes, {len(article.events)} events, {len(article.amounts)} amounts"
    )


if __name__ == "__main__":
    main()
