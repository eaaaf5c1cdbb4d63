"""Where an ingest's CPU time goes: the model and our components vs the store's parts.

Measures process (CPU) time, not wall time, so a machine shared with other jobs
changes the figures little.  Two steps, so the store side can be measured again
and again without paying for the model each time:

    # analyse the first N articles of `make bench`'s generated corpus once; keep the results
    PYTHONPATH=src python bench/profile_ingest.py analyse --articles 2000 --out /tmp/analysed.jsonl
    # store them into a fresh database as `run_ingest` does (50 per transaction), timing each part
    PYTHONPATH=src python bench/profile_ingest.py store --records /tmp/analysed.jsonl [--db out.db] [--profile] [--bucket 500]

``store`` reports CPU seconds per 1,000 words for the whole store side and for its parts:
fact rows (``write_facts``), near-copies (signature, candidate search, storing it),
stories and event clusters.  ``--db`` keeps the database, so two commits' stores of the
same records can be compared row for row (``compare``).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.bench import generate_corpus
from newsgraph.model import Article, Document


def analyse(articles: int, out: Path) -> None:
    from newsgraph.nlp.pipeline import AnalysisOptions, analyze_document, analyze_documents, build_pipeline
    from newsgraph.readers import ReadOptions, document_from_text, iter_documents

    with tempfile.TemporaryDirectory() as tmp:
        corpus = generate_corpus(Path(tmp) / "generated.jsonl", n=articles)
        documents = [d for d in iter_documents([str(corpus)], ReadOptions()) if isinstance(d, Document)]
    nlp = build_pipeline()
    warm = document_from_text(
        "Officials in Paris said on Monday that talks would resume.", path=None, fmt="text", options=ReadOptions()
    )
    analyze_document(nlp, warm)
    words = 0
    start = time.process_time()
    with out.open("w", encoding="utf-8") as fh:
        for document, article in analyze_documents(nlp, documents, AnalysisOptions()):
            words += len(article.text.split())
            record = {"article": article.to_dict(), "document": document.to_record()}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    seconds = time.process_time() - start  # includes writing the records: small against the model
    print(f"analysed {len(documents)} articles, {words:,} words: {seconds:.1f} CPU s, "
          f"{1000 * seconds / words:.3f} CPU s per 1,000 words")  # fmt: skip


_PARTS = {
    "fact rows (write_facts)": ("newsgraph.store.writer", "write_facts"),
    "near-copies: signature": ("newsgraph.store.writer", "signature_of"),
    "near-copies: candidates": ("newsgraph.store.writer", "find_original"),
    "near-copies: store signature": ("newsgraph.store.writer", "store_signature"),
    "stories": ("newsgraph.store.writer", "assign_story"),
    "event clusters": ("newsgraph.store.writer", "cluster_events"),
}


def _timed(totals: dict, name: str, fn):
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.process_time() - start

    return wrapper


def store(records: Path, db: Path | None, profile: bool, bucket: int = 0) -> None:
    import importlib

    from newsgraph.store import Store
    from newsgraph.store.copies import signature_of

    # Import MinHash's dependencies (datasketch, scipy: about 1.4 s) before the clock starts,
    # so a small run's per-article figure is not the import's.
    signature_of(Article(id="", text="warm up"))

    items = []
    with records.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            items.append((Article.from_dict(record["article"]), Document.from_record(record["document"])))
    words = sum(len(a.text.split()) for a, _ in items)
    totals: dict[str, float] = {}
    for name, (module, attr) in _PARTS.items():  # time each part where the writer calls it
        mod = importlib.import_module(module)
        setattr(mod, attr, _timed(totals, name, getattr(mod, attr)))
    with tempfile.TemporaryDirectory() as tmp:
        path = db or Path(tmp) / "profile.db"
        path.unlink(missing_ok=True)
        profiler = cProfile.Profile() if profile else None
        start = time.process_time()
        marks = [(0, start, {})]  # (articles stored, CPU clock, part totals) at each bucket's end
        with Store(path) as s:
            s.start_run("profile")
            if profiler:
                profiler.enable()
            for i in range(0, len(items), 50):  # run_ingest's commit_every
                s.add_many(items[i : i + 50], batch_size=50)
                stored = min(i + 50, len(items))
                if bucket and (stored % bucket == 0 or stored == len(items)):
                    marks.append((stored, time.process_time(), dict(totals)))
            if profiler:
                profiler.disable()
        seconds = time.process_time() - start
    print(f"stored {len(items)} articles, {words:,} words: {seconds:.1f} CPU s, "
          f"{1000 * seconds / words:.3f} CPU s per 1,000 words")  # fmt: skip
    for name, value in totals.items():
        print(f"  {name:32s} {value:7.2f} s  {1000 * value / words:.3f} per 1,000 words")
    rest = seconds - sum(totals.values())
    print(f"  {'rest (article row, transactions)':32s} {rest:7.2f} s  {1000 * rest / words:.3f} per 1,000 words")
    if bucket:
        _print_buckets(marks, items)
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)


def _print_buckets(marks: list, items: list) -> None:
    """CPU ms per article of each part, for the articles stored while the store grew from one
    mark to the next: a cost that grows with what is stored shows as a rising row."""
    names = [*_PARTS, "all"]
    print("\nCPU ms per article, by articles already stored:")
    print(f"  {'part':32s} " + " ".join(f"{f'{a}-{b}':>10s}" for (a, *_), (b, *_) in zip(marks, marks[1:])))
    for name in names:
        cells = []
        for (a, t0, p0), (b, t1, p1) in zip(marks, marks[1:]):
            spent = t1 - t0 if name == "all" else p1.get(name, 0.0) - p0.get(name, 0.0)
            cells.append(f"{1000 * spent / (b - a):10.2f}")
        print(f"  {name:32s} " + " ".join(cells))
    start = marks[0][1]  # and the mean over everything stored so far, as a run of that many would give
    cells = [f"{1000 * (t - start) / n:10.2f}" for n, t, _parts in marks[1:]]
    print(f"  {'all, mean since the first':32s} " + " ".join(cells))


# Everything an ingest decides, in a stable order: two stores of the same records must agree.
_COMPARE = {
    "articles": "SELECT id, seq, article_json, story_id, duplicate_of, similarity, word_count FROM articles ORDER BY id",
    "article_signatures": "SELECT article_id, minhash, keywords FROM article_signatures ORDER BY article_id",
    "minhash_bands": "SELECT band_key, article_id FROM minhash_bands ORDER BY band_key, article_id",
    "stories": "SELECT id, first_published, last_published, article_count FROM stories ORDER BY id",
    "events": "SELECT article_id, idx, type, cluster_id FROM events ORDER BY article_id, idx",
    "entities": "SELECT article_id, local_id, corpus_entity_id FROM entities ORDER BY article_id, local_id",
    "corpus_entities": "SELECT id, name, type, country, gazetteer_id, lat, lon, mention_count, article_count "
    "FROM corpus_entities ORDER BY id",
    "corpus_entity_aliases": "SELECT corpus_entity_id, alias, last_token FROM corpus_entity_aliases "
    "ORDER BY corpus_entity_id, alias",
    "entities_fts": "SELECT rowid, name, aliases FROM entities_fts ORDER BY rowid",
}


def compare(a: Path, b: Path) -> int:
    """0 when both stores hold the same analyses, copies, stories and clusters; else 1."""
    differ = 0
    with sqlite3.connect(a) as one, sqlite3.connect(b) as two:
        for table, sql in _COMPARE.items():
            rows_a, rows_b = one.execute(sql).fetchall(), two.execute(sql).fetchall()
            same = rows_a == rows_b
            differ += not same
            print(f"{table:20s} {len(rows_a):7d} rows  {'same' if same else 'DIFFERENT'}")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="step", required=True)
    one = sub.add_parser("analyse")
    one.add_argument("--articles", type=int, default=2000)
    one.add_argument("--out", type=Path, required=True)
    two = sub.add_parser("store")
    two.add_argument("--records", type=Path, required=True)
    two.add_argument("--db", type=Path)
    two.add_argument("--profile", action="store_true")
    two.add_argument("--bucket", type=int, default=0, help="also print CPU ms per article for every N stored")
    three = sub.add_parser("compare")
    three.add_argument("a", type=Path)
    three.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.step == "analyse":
        analyse(args.articles, args.out)
    elif args.step == "store":
        store(args.records, args.db, args.profile, args.bucket)
    else:
        return compare(args.a, args.b)
    return 0


if __name__ == "__main__":
    sys.exit(main())
