"""`newsgraph bench`: newsgraph end to end against bare spaCy, on the same texts and cores.

Each measurement runs in a fresh Python process, so model loading, caches and
peak memory of one run never leak into the next.  Throughput is counted from
the moment the model is loaded (both sides), in words per second, where a word
is a whitespace-separated token of the article text.

- baseline: spaCy ``en_core_web_sm`` ``nlp.pipe`` over the texts (``n_process``
  = workers), nothing else;
- newsgraph: ``run_ingest`` on the same texts as a JSONL file: read, repair,
  analyse with all our components, store in a fresh SQLite file.

Nothing is written unless asked: ``save_results`` writes the JSON where it is
told, ``update_performance_doc`` and ``write_soak`` the doc they are given
(``make bench`` passes the repository's ``bench/results`` and
``docs/performance.md``).  Measurements run in temporary folders.
"""

from __future__ import annotations

import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["generate_corpus", "run_bench", "run_soak", "save_results", "update_performance_doc", "write_soak"]

_PLACES = [
    "Kyiv",
    "Warsaw",
    "Vilnius",
    "Riga",
    "Tallinn",
    "Berlin",
    "Paris",
    "Ankara",
    "Cairo",
    "Nairobi",
    "Lagos",
    "Jakarta",
    "Manila",
    "Hanoi",
    "Seoul",
    "Tokyo",
    "Lima",
    "Bogota",
    "Caracas",
    "Havana",
]
_ACTORS = [
    "the European Union",
    "NATO",
    "the United Nations",
    "the African Union",
    "the World Bank",
    "Poland",
    "Turkey",
    "Egypt",
    "Kenya",
    "Indonesia",
    "Japan",
    "Peru",
    "Colombia",
    "Cuba",
    "Brazil",
]
_PEOPLE = [
    "Anna Kowalska",
    "Mehmet Demir",
    "Sara Haddad",
    "John Mwangi",
    "Lina Sari",
    "Kenji Sato",
    "Rosa Quispe",
    "Diego Herrera",
    "Maria Lopez",
    "Ibrahim Musa",
]
_VERBS = [
    "accused",
    "met",
    "criticised",
    "praised",
    "sanctioned",
    "warned",
    "supported",
    "visited",
    "urged",
    "threatened",
]


def _sentence(rng: random.Random) -> str:
    kind = rng.random()
    actor, other = rng.sample(_ACTORS, 2)
    if kind < 0.3:
        return (
            f'"We will not accept {rng.choice(["these terms", "the proposal", "any delay"])}," '
            f"{rng.choice(_PEOPLE)} told reporters in {rng.choice(_PLACES)} on {rng.choice(['Monday', 'Friday'])}."
        )
    if kind < 0.6:
        return (
            f"{actor.capitalize() if actor.islower() else actor} {rng.choice(_VERBS)} {other} over "
            f"{rng.choice(['trade', 'border security', 'energy prices', 'the election'])} this week."
        )
    if kind < 0.8:
        return (
            f"Officials said about {rng.randint(2, 900)} people had been affected and that the plan "
            f"would cost more than ${rng.randint(1, 90)} million."
        )
    return (
        f"The talks in {rng.choice(_PLACES)} are due to resume in {rng.choice(['March', 'June', 'October'])}, "
        f"according to {rng.choice(_PEOPLE)}."
    )


def generate_corpus(path: Path, n: int = 2000, seed: int = 7) -> Path:
    """Write ``n`` synthetic wire stories of mixed length (2 to 60 sentences) as JSONL."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            paragraphs = [
                " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
                for _ in range(rng.choice([1, 2, 3, 5, 8, 15]))
            ]
            fh.write(json.dumps({"title": f"Story {i}", "text": "\n\n".join(paragraphs)}) + "\n")
    return path


def _texts(corpus: Path, limit: int | None, min_chars: int = 1) -> list[str]:
    texts = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            if len(text.strip()) >= min_chars:
                texts.append(text)
                if limit and len(texts) >= limit:
                    break
    return texts


def _peak_rss_mb() -> float:
    """Peak RSS of this process or of its largest child (a worker), in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # ru_maxrss is in KiB on Linux


def _measure_baseline(corpus: Path, workers: int) -> dict:
    from .nlp.model_loader import load_english_model

    texts = _texts(corpus, None)
    nlp = load_english_model()
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=workers):
        pass
    return {
        "seconds": time.perf_counter() - start,
        "words": sum(len(t.split()) for t in texts),
        "articles": len(texts),
        "peak_rss_mb": _peak_rss_mb(),
    }


def _measure_newsgraph(corpus: Path, workers: int) -> dict:
    from .batch.runner import IngestOptions, run_ingest
    from .nlp.pipeline import build_pipeline

    nlp = None
    if workers == 1:
        from .nlp.pipeline import analyze_document
        from .readers import ReadOptions, document_from_text

        nlp = build_pipeline()
        # load the lazy resources (gazetteer, dictionaries) before the clock starts, as the
        # baseline's model is loaded before its clock starts
        warm = document_from_text(
            "Officials in Paris said on Monday that talks would resume.", path=None, fmt="text", options=ReadOptions()
        )
        analyze_document(nlp, warm)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        report = run_ingest([corpus], Path(tmp) / "bench.db", IngestOptions(workers=workers), nlp=nlp)
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "words": report.words, "articles": report.added, "peak_rss_mb": _peak_rss_mb()}


def _measure_warm_sample(path: Path) -> dict:
    from .api import analyze

    analyze(path)  # cold: loads the model and the gazetteer
    cpu = time.process_time()
    wall = time.perf_counter()
    analyze(path)
    return {"cpu_seconds": time.process_time() - cpu, "seconds": time.perf_counter() - wall, "file": str(path)}


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _measure_soak(corpus: Path, workers: int) -> dict:
    """Stream a large corpus through one ingest, sampling this process's RSS as it goes."""
    from .batch.runner import IngestOptions, run_ingest
    from .nlp.pipeline import build_pipeline

    samples: list[tuple[int, float]] = []
    every = 1000

    def progress(report, _path) -> None:
        # counts move in steps (a commit of 50, a duplicate, a skip): sample on crossing each mark
        done = report.added + report.duplicates + report.skipped
        if done >= every * (len(samples) + 1):
            samples.append((done, _rss_mb()))

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        report = run_ingest([corpus], Path(tmp) / "soak.db", IngestOptions(workers=workers), progress, build_pipeline())
    return {"articles": report.added, "seconds": time.perf_counter() - start, "rss_mb": samples}


_MEASURES = {"baseline": _measure_baseline, "newsgraph": _measure_newsgraph, "soak": _measure_soak}


def _in_fresh_process(kind: str, corpus: Path, workers: int) -> dict:
    code = f"import json, sys; from newsgraph.bench import run_child; run_child({kind!r}, {str(corpus)!r}, {workers})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_child(kind: str, corpus: str, workers: int) -> None:
    """The measurement run in a fresh interpreter (see ``_in_fresh_process``): prints one JSON line."""
    if kind == "sample":
        result = _measure_warm_sample(Path(corpus))
    else:
        result = _MEASURES[kind](Path(corpus), workers)
    print(json.dumps(result))


def run_soak(n: int, progress=print) -> dict:
    """Ingest ``n`` generated articles in one process; RSS after each 1,000 shows any growth."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = generate_corpus(Path(tmp) / "soak.jsonl", n=n, seed=11)
        progress(f"ingesting {n:,} generated articles, sampling memory…")
        result = _in_fresh_process("soak", corpus, 1)
    result["requested"] = n
    result["date"] = datetime.now(UTC).isoformat(timespec="seconds")
    result["section"] = "## Memory over a long ingest"
    rss = [mb for _, mb in result["rss_mb"]]
    if len(rss) >= 4:
        # growth = memory at the end against memory a quarter of the way in (after warm-up)
        result["growth_mb"] = rss[-1] - rss[len(rss) // 4]
    return result


def run_bench(
    corpus: Path | None = None,
    limit: int | None = None,
    workers: tuple[int, ...] = (1, 2),
    sample: Path | None = None,
    progress=print,
    min_chars: int = 1,
) -> dict:
    """Run every measurement; return the results as one dict (also the ``--json`` line)."""
    with tempfile.TemporaryDirectory() as tmp:
        if corpus is None:
            source = f"generated: {limit or 2000:,} synthetic articles of mixed length"
            section = "## Throughput"
            corpus_file = generate_corpus(Path(tmp) / "generated.jsonl", n=limit or 2000)
        else:
            texts = _texts(Path(corpus), limit, min_chars)
            subset = f" with at least {min_chars} characters" if min_chars > 1 else " with text"
            source = f"{Path(corpus).name}, the first {len(texts):,} articles{subset}"
            section = f"## Throughput on {Path(corpus).name}" + (
                f", articles ≥ {min_chars} chars" if min_chars > 1 else ""
            )
            corpus_file = Path(tmp) / "corpus.jsonl"
            with corpus_file.open("w", encoding="utf-8") as fh:
                for text in texts:
                    fh.write(json.dumps({"text": text}) + "\n")
        runs: dict[str, dict] = {}
        for n in workers:
            for kind in ("baseline", "newsgraph"):
                progress(f"measuring {kind} with {n} worker(s)…")
                result = _in_fresh_process(kind, corpus_file, n)
                result["words_per_s"] = result["words"] / result["seconds"]
                runs[f"{kind}_{n}"] = result
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "corpus": source,
        "section": section,
        "runs": runs,
        "baseline_words_per_s": runs["baseline_1"]["words_per_s"],
        "words_per_s": runs["newsgraph_1"]["words_per_s"],
        "ratio": runs["newsgraph_1"]["words_per_s"] / runs["baseline_1"]["words_per_s"],
        "peak_rss_mb": max(r["peak_rss_mb"] for k, r in runs.items() if k.startswith("newsgraph")),
    }
    if 2 in workers and 1 in workers:
        results["speedup_2_workers"] = runs["newsgraph_2"]["words_per_s"] / runs["newsgraph_1"]["words_per_s"]
        results["baseline_speedup_2_workers"] = runs["baseline_2"]["words_per_s"] / runs["baseline_1"]["words_per_s"]
        results["ratio_2_workers"] = runs["newsgraph_2"]["words_per_s"] / runs["baseline_2"]["words_per_s"]
    if sample is not None and Path(sample).exists():
        progress(f"measuring warm analysis of {sample}…")
        results["sample"] = _in_fresh_process("sample", Path(sample), 1)
    return results


def _git_commit() -> str | None:
    # Asked where this package lives, not in the current folder, which may be another repository.
    here = Path(__file__).resolve().parent
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True, cwd=here
        )
    except (OSError, subprocess.CalledProcessError):
        return None  # not a git checkout: the results say so
    return done.stdout.strip()


def save_results(results: dict, out: Path) -> Path:
    """Write the results as JSON to ``out``; to ``<date>-<section>.json`` inside it if ``out`` is a folder."""
    out = Path(out)
    if out.is_dir():
        slug = results["section"].removeprefix("## ").lower().replace(" ", "-").replace(",", "").replace("≥", "min")
        out = out / f"{results['date'][:10]}-{slug}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return out


def update_performance_doc(results: dict, doc: Path) -> Path:
    """Rewrite the results' throughput section of ``doc`` (the project's docs/performance.md)."""
    from .markdown import replace_section

    runs = results["runs"]
    lines = [
        f"Measured {results['date'][:10]} at commit `{results['commit']}` on {results['machine']}, "
        f"corpus: {results['corpus']}. Reproduce with `make bench` "
        "(or `make bench -- --corpus ../shared/corpus/reuters21578.jsonl --limit 2000`).",
        "",
        "| run | workers | articles | words | seconds | words/s | vs bare spaCy | peak RSS MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for key, run in runs.items():
        kind, n = key.rsplit("_", 1)
        base = runs.get(f"baseline_{n}")
        ratio = f"{run['words_per_s'] / base['words_per_s']:.2f}×" if base else ""
        lines.append(
            f"| {kind} | {n} | {run['articles']} | {run['words']:,} | {run['seconds']:.1f} | "
            f"{run['words_per_s']:,.0f} | {ratio} | {run['peak_rss_mb']:.0f} |"
        )
    lines += [
        "",
        "| measure | target | measured |",
        "|---|---|---|",
        f"| end-to-end throughput vs bare spaCy, 1 worker | ≥ 0.7× | {results['ratio']:.2f}× |",
    ]
    if "speedup_2_workers" in results:
        lines.append(
            f"| 2 workers vs 1 (newsgraph) | ≥ 1.7× | {results['speedup_2_workers']:.2f}× "
            f"(bare spaCy: {results['baseline_speedup_2_workers']:.2f}×) |"
        )
    lines.append(f"| peak memory per worker | ≤ 1 GB | {results['peak_rss_mb']:.0f} MB |")
    if "sample" in results:
        lines.append(f"| the sample article analysed warm | < 0.5 s CPU | {results['sample']['cpu_seconds']:.2f} s |")
    replace_section(doc, results["section"], "\n".join(lines))
    return doc


def write_soak(result: dict, doc: Path) -> Path:
    """Rewrite the memory section of ``doc`` (the project's docs/performance.md)."""
    from .markdown import replace_section

    rss = result["rss_mb"]
    lines = [
        f"Measured {result['date'][:10]} at commit `{_git_commit()}`: one process ingested "
        f"{result['articles']:,} generated articles in {result['seconds']:.0f} s "
        f"(`newsgraph bench --soak {result.get('requested', result['articles'])}`; the rest repeated earlier "
        "texts). Resident memory after every 1,000 articles:",
        "",
        "| articles | RSS MB |",
        "|---|---|",
        *[f"| {n:,} | {mb:.0f} |" for n, mb in rss],
    ]
    if "growth_mb" in result:
        lines += ["", f"Growth from a quarter of the way in to the end: {result['growth_mb']:+.0f} MB."]
    replace_section(doc, result["section"], "\n".join(lines))
    return doc
