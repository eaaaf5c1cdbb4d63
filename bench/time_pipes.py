"""CPU seconds per pipe of ``build_pipeline()`` over ``make bench``'s generated articles.

Process (CPU) time, so a machine shared with other jobs changes the figures little.
The model's pipes run over the same batches ``analyze_documents`` makes (each pipe over
a whole batch before the next pipe starts); our components then run per article, as
``analyze_documents`` runs them.  Run it at two commits on the same articles to see
where the per-word cost moved:

    PYTHONPATH=src python bench/time_pipes.py --articles 300 [--repeat 2] [--profile NAME]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.bench import generate_corpus
from newsgraph.model import Document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", help="a pipe's name, or 'ours' for all our components: print its cProfile")
    parser.add_argument("--callers", help="print the callers of functions matching this pattern")
    parser.add_argument("--sort", default="cumulative", help="the profile's order: cumulative or tottime")
    args = parser.parse_args()

    from newsgraph.nlp.language import detect_language
    from newsgraph.nlp.pipeline import (
        AnalysisOptions,
        analyze_document,
        batches_by_size,
        build_pipeline,
        doc_to_article,
        our_component_names,
        split_into_chunks,
    )
    from newsgraph.readers import ReadOptions, document_from_text, iter_documents

    with tempfile.TemporaryDirectory() as tmp:
        corpus = generate_corpus(Path(tmp) / "generated.jsonl", n=args.articles)
        documents = [d for d in iter_documents([str(corpus)], ReadOptions()) if isinstance(d, Document)]
    nlp = build_pipeline()
    warm = document_from_text(
        "Officials in Paris said on Monday that talks would resume.", path=None, fmt="text", options=ReadOptions()
    )
    analyze_document(nlp, warm)
    options = AnalysisOptions()
    ours = our_component_names(nlp)
    model = [(name, proc) for name, proc in nlp.pipeline if name not in ours]
    words = sum(len(d.text.split()) for d in documents)
    totals: dict[str, float] = {}
    profiler = cProfile.Profile() if args.profile else None

    def timed(name, fn, *a, **kw):
        profiled = profiler is not None and (name == args.profile or (args.profile == "ours" and name in ours))
        if profiled:
            profiler.enable()
        start = time.process_time()
        result = fn(*a, **kw)
        totals[name] = totals.get(name, 0.0) + time.process_time() - start
        if profiled:
            profiler.disable()
        return result

    for _ in range(args.repeat):
        chunks = []
        for i, document in enumerate(documents):
            timed("language detection", detect_language, document.text)
            chunks.extend((c, i) for c in split_into_chunks(document.text, options.chunk_chars))
        chunk_docs: dict[int, list] = {}
        for batch in batches_by_size(chunks, options.batch_size, options.batch_chars):
            docs = timed("make_doc", lambda b: [nlp.make_doc(text) for text, _ in b], batch)
            for name, proc in model:
                if hasattr(proc, "pipe"):
                    docs = timed(name, lambda p, d: list(p.pipe(d, batch_size=len(d))), proc, docs)
                else:
                    docs = timed(name, lambda p, d: [p(x) for x in d], proc, docs)
            for doc, (_, i) in zip(docs, batch):
                chunk_docs.setdefault(i, []).append(doc)
        for i, document in enumerate(documents):
            doc = chunk_docs[i][0]
            doc._.ng_published = document.published
            if doc.has_extension("ng_url"):  # not at older commits
                doc._.ng_url = document.url
                doc._.ng_source = document.source
            doc._.ng_paragraphs = list(document.paragraphs)
            for name in ours:
                doc = timed(name, nlp.get_pipe(name), doc)
            article = timed("doc_to_article", doc_to_article, doc, document)
            timed("Article.to_dict", article.to_dict)

    n = args.repeat
    model_names = ["make_doc"] + [name for name, _ in model]
    print(f"{len(documents)} articles, {words:,} words, {n} run(s); CPU s per run, per 1,000 words")
    groups = (
        ("model", model_names),
        ("ours", ours),
        ("rest", ["language detection", "doc_to_article", "Article.to_dict"]),
    )
    for label, names in groups:
        group = sum(totals.get(x, 0.0) for x in names) / n
        print(f"{label:28s} {group:8.2f}  {1000 * group / words:.4f}")
        for name in names:
            value = totals.get(name, 0.0) / n
            print(f"  {name:26s} {value:8.2f}  {1000 * value / words:.4f}")
    total = sum(totals.values()) / n
    print(f"{'all':28s} {total:8.2f}  {1000 * total / words:.4f}")
    if profiler:
        stats = pstats.Stats(profiler).sort_stats(args.sort)
        stats.print_stats(40)
        if args.callers:
            stats.print_callers(args.callers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
