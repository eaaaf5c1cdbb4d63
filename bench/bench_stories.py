"""Near-copies, stories and their cost, measured on the shared Reuters-21578 corpus.

    python bench/bench_stories.py syndication [--pairs 600]
    python bench/bench_stories.py stories [--articles 240]
    python bench/bench_stories.py cost [--articles 300]
    python bench/bench_stories.py memory [--memory-articles 20000]

Nothing of the corpus is copied into the repository: every test set is generated at
run time from ../shared/corpus/reuters21578.jsonl with a fixed seed (SEED).  The
rules that make them are written in bench/README.md ("Stories and near-copies").
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from itertools import combinations
from pathlib import Path

from newsgraph.model import Article, Entity, Mention, Paragraph, article_id
from newsgraph.store import Store

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "reuters21578.jsonl"
SEED = 15
TAG = re.compile(r"<([^<>\n]{2,60})>")

# -- the corpus ---------------------------------------------------------------------


def load_corpus(path: Path = CORPUS) -> list[dict]:
    out = []
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        if not record.get("text"):
            continue
        try:
            when = datetime.strptime(record["date"].split(".")[0].strip(), "%d-%b-%Y %H:%M:%S")
        except (ValueError, KeyError):
            continue
        record["day"] = when.date().isoformat()
        record["tags"] = sorted({t.strip() for t in TAG.findall(record["text"])})
        out.append(record)
    return out


def bare_article(title: str, body: str, published: str, source: str, with_entities: bool = False) -> Article:
    """An Article without the model: the title and body paragraphs, and (``with_entities``)
    its <Company> tags as ORG entities, which is what Reuters marks companies with."""
    text = f"{title}\n\n{body}" if title else body
    paragraphs = [Paragraph(0, len(title), "title")] if title else []
    start = len(title) + 2 if title else 0
    paragraphs.append(Paragraph(start, len(text), "body"))
    entities = []
    if with_entities:
        for i, tag in enumerate(sorted({t.strip() for t in TAG.findall(text)})):
            at = text.find(tag)
            entities.append(Entity(f"E{i + 1}", tag, "ORG", [Mention(at, at + len(tag), tag)]))
    return Article(article_id(text), text, title, published, None, source, paragraphs=paragraphs, entities=entities)


# -- syndication ------------------------------------------------------------------------

BOILERPLATE = [
    "This story has been published from a wire agency feed without modifications to the text.",
    "Copyright 1987 Reuters. All rights reserved. Republication or redistribution is prohibited.",
    "For more business news, subscribe to our daily newsletter and follow us on social media.",
    "Additional reporting by our staff. Editing by the business desk. Contact the newsroom with corrections.",
]
EDITS = [("said", "says"), ("percent", "per cent"), ("pct", "percent"), ("mln", "million"), ("dlrs", "dollars"),
         ("company", "firm"), ("U.S.", "US"), ("billion", "bln")]  # fmt: skip


def syndicate(record: dict, rng: random.Random) -> tuple[str, str]:
    """(headline, body) of the copy a client paper would print of this wire story."""
    body = record["text"].replace("\nReuter", "").strip()
    sentences = re.split(r"(?<=[.!?])\s+", body)
    if len(sentences) > 3:  # trimmed ending: a client cuts the last 10-40% of the sentences
        keep = max(2, round(len(sentences) * rng.uniform(0.6, 0.9)))
        sentences = sentences[:keep]
    words = " ".join(sentences).split()
    house_style = rng.sample(EDITS, 2)  # light copy-editing: two house-style rules, a word dropped here and there
    for i in range(len(words)):
        for old, new in house_style:
            if words[i] == old:
                words[i] = new
        if rng.random() < 0.01:
            words[i] = ""
    width = rng.randint(40, 90)  # reflowed lines
    lines, line = [], ""
    for w in filter(None, words):
        if line and len(line) + len(w) + 1 > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    copy = "\n".join(lines)
    if rng.random() < 0.7:
        copy += "\n\n" + rng.choice(BOILERPLATE)
    first_words = " ".join(record["title"].title().split()[:4])
    headline = rng.choice([f"{first_words}: what we know", f"Markets: {first_words}", f"{first_words} update"])
    return headline, copy


def _resent(a: dict, b: dict) -> bool:
    """Reuters itself re-sent and corrected stories: such a pair is one story twice, not a negative.
    Told apart by the titles and the opening, never by the measure under test."""
    ta, tb = set(a["title"].split()), set(b["title"].split())
    same_title = len(ta & tb) / max(min(len(ta), len(tb)), 1) >= 0.5
    corrected = "CORRECTED" in a["title"] or "CORRECTED" in b["title"]
    opening = " ".join(a["text"].split()[:30]) == " ".join(b["text"].split()[:30])
    return same_title or corrected or opening


def hard_negatives(corpus: list[dict], rng: random.Random, n: int) -> list[tuple[dict, dict]]:
    """Different articles on the same company (a shared <tag>) or, failing that, the same topic
    and country word in the title, published the same day."""
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for r in corpus:
        for tag in r["tags"]:
            by_key[("tag", r["day"], tag)].append(r)
        for topic in r.get("topics") or []:
            by_key[("topic", r["day"], topic)].append(r)
    pairs, seen = [], set()
    keys = sorted(by_key)
    rng.shuffle(keys)
    keys.sort(key=lambda k: k[0] != "tag")  # company pairs first, then same-topic pairs
    for key in keys:
        group = by_key[key]
        for a, b in combinations(group[:6], 2):
            if a["id"] == b["id"] or _resent(a, b):
                continue
            pair = tuple(sorted((a["id"], b["id"])))
            if pair not in seen:
                seen.add(pair)
                pairs.append((a, b))
        if len(pairs) >= n:
            break
    return pairs[:n]


def run_syndication(pairs: int) -> dict:
    rng = random.Random(SEED)
    corpus = load_corpus()
    long = [r for r in corpus if len(r["text"]) >= 500]
    originals = rng.sample(long, pairs)
    negatives = hard_negatives([r for r in corpus if len(r["text"]) >= 300], rng, pairs)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "syndication.db"
        started = time.perf_counter()
        with Store(db) as store:
            # The negatives first: each pair's two articles are both originals.
            neg_ids = []
            for a, b in negatives:
                ra = store.add(bare_article(a["title"], a["text"], a["day"], "Reuters"))
                rb = store.add(bare_article(b["title"], b["text"], b["day"], "Reuters"))
                neg_ids.append((ra.id, rb.id))
            orig_ids = [store.add(bare_article(r["title"], r["text"], r["day"], "Reuters")).id for r in originals]
            copies = []
            for r in originals:
                headline, body = syndicate(r, rng)
                copies.append(store.add(bare_article(headline, body, r["day"], "Client Paper")))
            conn = store.connection
            root = dict(conn.execute("SELECT id, coalesce(duplicate_of, id) FROM articles").fetchall())
            dup = dict(conn.execute("SELECT id, duplicate_of FROM articles").fetchall())
            titles = dict(conn.execute("SELECT id, title FROM articles").fetchall())
            similarity = dict(conn.execute("SELECT id, similarity FROM articles").fetchall())
        seconds = time.perf_counter() - started
    tp = sum(1 for c, o in zip(copies, orig_ids) if c.copy_of is not None and c.copy_of == root[o])
    wrong = sum(1 for c, o in zip(copies, orig_ids) if c.copy_of is not None and c.copy_of != root[o])
    fp_neg = sum(
        1 for a, b in neg_ids if dup.get(a) == b or dup.get(b) == a or (dup.get(b) and dup.get(b) == dup.get(a))
    )
    precision = tp / max(tp + wrong + fp_neg, 1)
    partner = {a: b for a, b in neg_ids} | {b: a for a, b in neg_ids}
    others = {x for x in partner if dup.get(x) and dup[x] != partner[x] and dup.get(partner[x]) != dup[x]}
    recall = tp / len(copies)
    return {
        "positive_pairs": len(copies), "hard_negative_pairs": len(neg_ids), "true_positives": tp,
        "wrong_original": wrong, "false_positive_negatives": fp_neg, "precision": round(precision, 4),
        "recall": round(recall, 4), "articles_stored": len(root), "seconds": round(seconds, 1),
        # Reuters re-sent some stories itself: negatives marked a copy of an article outside their pair
        "other_negatives_marked_copies": len(others),
        "other_examples": [f"{titles[x]} | copy of | {titles[dup[x]]} ({similarity[x]})" for x in sorted(others)[:8]],
    }  # fmt: skip


# -- stories -----------------------------------------------------------------------------


def gold_stories(corpus: list[dict], rng: random.Random, n_articles: int) -> list[tuple[dict, int]]:
    """Articles with a gold story label.  Rule: two articles are in one story when they share their
    first topic label and a <Company> tag and were published at most 2 days apart; stories are
    the connected components of that relation.  Stories of 2+ articles are taken whole, then
    articles of the same days that are in no such story are added as stories of one."""
    tagged = [r for r in corpus if r["tags"] and r.get("topics")]
    by_tag: dict[tuple, list[dict]] = defaultdict(list)
    for r in tagged:
        for tag in r["tags"]:
            by_tag[(r["topics"][0], tag)].append(r)
    parent = {r["id"]: r["id"] for r in tagged}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for group in by_tag.values():
        for a, b in combinations(group, 2):
            if abs((datetime.fromisoformat(a["day"]) - datetime.fromisoformat(b["day"])).days) <= 2:
                parent[find(a["id"])] = find(b["id"])
    comps: dict[int, list[dict]] = defaultdict(list)
    for r in tagged:
        comps[find(r["id"])].append(r)
    multi = [c for c in comps.values() if 2 <= len(c) <= 8]
    rng.shuffle(multi)
    chosen: list[tuple[dict, int]] = []
    for label, comp in enumerate(multi):
        if len(chosen) >= n_articles * 0.7:
            break
        chosen += [(r, label) for r in comp]
    days = {r["day"] for r, _ in chosen}
    singles = [c[0] for c in comps.values() if len(c) == 1 and c[0]["day"] in days]
    rng.shuffle(singles)
    for i, r in enumerate(singles[: max(0, n_articles - len(chosen))]):
        chosen.append((r, 100_000 + i))
    rng.shuffle(chosen)
    chosen.sort(key=lambda rl: rl[0]["date"])  # articles arrive in publication order
    return chosen


def bcubed(gold: dict[str, int], pred: dict[str, str]) -> tuple[float, float]:
    by_gold, by_pred = defaultdict(set), defaultdict(set)
    for a, g in gold.items():
        by_gold[g].add(a)
        by_pred[pred[a]].add(a)
    p = sum(len(by_gold[gold[a]] & by_pred[pred[a]]) / len(by_pred[pred[a]]) for a in gold) / len(gold)
    r = sum(len(by_gold[gold[a]] & by_pred[pred[a]]) / len(by_gold[gold[a]]) for a in gold) / len(gold)
    return round(p, 4), round(r, 4)


def _write_jsonl(records: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(
                json.dumps({"title": r["title"].title(), "text": r["text"], "date": r["day"], "source": "Reuters"})
                + "\n"
            )


def _replay(analysed: Path, db: Path) -> None:
    """Store the analysed articles of ``analysed`` again, in the same order, into ``db``: stories are
    decided afresh without running the model (for trying thresholds)."""
    from newsgraph.model import Article

    with Store(analysed) as source:
        rows = source.connection.execute("SELECT article_json FROM articles ORDER BY seq").fetchall()
    with Store(db) as store:
        store.add_many((Article.from_dict(json.loads(r[0])) for r in rows), batch_size=50)


def run_stories(n_articles: int, analysed: Path | None = None, seed: int = SEED) -> dict:
    """B-cubed of the stories.  ``analysed``: keep the ingested store there, or, if it exists,
    replay its articles instead of running the model again."""
    from newsgraph.batch.runner import run_ingest

    rng = random.Random(seed)
    chosen = gold_stories(load_corpus(), rng, n_articles)
    with tempfile.TemporaryDirectory() as tmp:
        src, db = Path(tmp) / "stories.jsonl", Path(tmp) / "stories.db"
        _write_jsonl([r for r, _ in chosen], src)
        if analysed is not None and analysed.exists():
            _replay(analysed, db)
        else:
            run_ingest([src], analysed or db)
            if analysed is not None:
                _replay(analysed, db)
        with Store(db) as store:
            rows = store.connection.execute("SELECT text, story_id FROM articles").fetchall()
    story_of = {article_id(text): story for text, story in rows}
    gold, pred = {}, {}
    for r, label in chosen:
        text = f"{r['title'].title()}\n\n{r['text']}"
        aid = next((i for i in (article_id(text), article_id(r["text"])) if i in story_of), None)
        if aid is not None:
            gold[aid], pred[aid] = label, story_of[aid]
    precision, recall = bcubed(gold, pred)
    return {
        "articles": len(gold), "gold_stories": len(set(gold.values())), "predicted_stories": len(set(pred.values())),
        "bcubed_precision": precision, "bcubed_recall": recall,
    }  # fmt: skip


# -- cost -----------------------------------------------------------------------------------


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_cost(n_articles: int) -> dict:
    from newsgraph.api import default_pipeline
    from newsgraph.batch.runner import IngestOptions, run_ingest

    rng = random.Random(SEED)
    corpus = load_corpus()
    sample = rng.sample(corpus, n_articles)
    nlp = default_pipeline()
    out: dict = {"articles": n_articles}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cost.jsonl"
        _write_jsonl(sample, src)
        run_ingest([src], Path(tmp) / "warm.db", IngestOptions(stories=False), nlp=nlp)  # warm the model
        for rnd in range(2):  # alternate, twice: the machine is shared
            for stories in (False, True):
                db = Path(tmp) / f"cost-{stories}-{rnd}.db"
                started = time.perf_counter()
                report = run_ingest([src], db, IngestOptions(stories=stories), nlp=nlp)
                rate = report.words / (time.perf_counter() - started)
                key = "words_per_s_stories_on" if stories else "words_per_s_stories_off"
                out[key] = max(out.get(key, 0), round(rate))
        out["ratio_on_off"] = round(out["words_per_s_stories_on"] / out["words_per_s_stories_off"], 3)
    return out


def run_memory(memory_articles: int) -> dict:
    """The store side alone (no model) over many articles, stories on, RSS sampled as it goes."""
    corpus = load_corpus()
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "memory.db"
        records = [corpus[i % len(corpus)] for i in range(memory_articles)]
        samples = []
        started = time.perf_counter()
        with Store(db) as store:
            for i in range(0, len(records), 500):
                batch = []
                for j, r in enumerate(records[i : i + 500], start=i):
                    # past the corpus's end the articles repeat with a marker: new texts, same words
                    body = r["text"] if j < len(corpus) else f"{r['text']}\n\nRepeat {j}."
                    batch.append(bare_article(r["title"], body, r["day"], "Reuters", with_entities=True))
                store.add_many(batch, batch_size=100)
                if (i + 500) % 2000 == 0:
                    samples.append((i + 500, round(_rss_mb()), round(time.perf_counter() - started, 1)))
                    print(samples[-1], file=sys.stderr, flush=True)  # articles, RSS MB, seconds
        out["memory_articles"] = memory_articles
        out["store_seconds"] = round(time.perf_counter() - started, 1)
        out["rss_mb_by_articles"] = samples
        out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["syndication", "stories", "cost", "memory"])
    parser.add_argument("--pairs", type=int, default=600)
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--memory-articles", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=SEED, help="stories: another seed draws a held-out set")
    parser.add_argument(
        "--analysed", type=Path, help="stories: keep the analysed store here, or replay it if it exists"
    )
    args = parser.parse_args(argv)
    if args.what == "syndication":
        result = run_syndication(args.pairs)
    elif args.what == "stories":
        result = run_stories(args.articles, args.analysed, args.seed)
    elif args.what == "cost":
        result = run_cost(args.articles)
    else:
        result = run_memory(args.memory_articles)
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
