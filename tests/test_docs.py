"""The docs say what the code does: the schema's fields, the error codes, the paths they name."""

from __future__ import annotations

import dataclasses
import inspect
import re
from pathlib import Path

import pytest

from newsgraph import errors
from newsgraph.model import article as article_model

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SCHEMA = (DOCS / "schema.md").read_text(encoding="utf-8")
RELIABILITY = (DOCS / "reliability.md").read_text(encoding="utf-8")

MODEL_CLASSES = {
    name: cls
    for name, cls in inspect.getmembers(article_model, dataclasses.is_dataclass)
    if cls.__module__ == article_model.__name__
}
# Span and Mention have no section of their own: they are written inline as `{start, end, text}`.
INLINE_CLASSES = {"Span", "Mention"}
# Keys of the JSON that are not dataclass fields: Article.to_dict() adds them.
EXTRA_KEYS = {"Article": {"schema_version"}}


def field_names(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def sections(markdown: str) -> dict[str, str]:
    """Heading text (first word, e.g. "Descriptor" for "### Descriptor (framing)") -> the text under it."""
    parts = re.split(r"^#{2,3} +(.+)$", markdown, flags=re.MULTILINE)
    return {heading.split()[0]: body for heading, body in zip(parts[1::2], parts[2::2], strict=True)}


def braces(text: str) -> list[set[str]]:
    """Each inline ``{a, b, c}`` field list in ``text``, as a set of names."""
    return [{name.strip() for name in group.split(",")} for group in re.findall(r"`\{([^}`]+)\}`", text)]


def documented_fields(section: str) -> set[str]:
    """Field names a schema section documents: a table's first column, or a leading ``{a, b, c}``."""
    rows = [line for line in section.splitlines() if line.startswith("|")]
    if rows:
        names: set[str] = set()
        for row in rows[2:]:  # after the header and the |---| line
            first_cell = row.split("|")[1]
            names |= set(re.findall(r"`([a-z_]+)`", first_cell))
        return names
    found = braces(section)
    return found[0] if found else set()


SCHEMA_SECTIONS = sections(SCHEMA)


def test_every_model_class_has_its_schema_section():
    assert set(MODEL_CLASSES) - INLINE_CLASSES <= set(SCHEMA_SECTIONS)


@pytest.mark.parametrize("name", sorted(set(MODEL_CLASSES) - INLINE_CLASSES))
def test_schema_section_documents_exactly_the_model_fields(name):
    expected = field_names(MODEL_CLASSES[name]) | EXTRA_KEYS.get(name, set())
    assert documented_fields(SCHEMA_SECTIONS[name]) == expected


def test_inline_spans_in_the_schema_are_the_span_and_mention_fields():
    span_fields = field_names(MODEL_CLASSES["Span"])
    mention_fields = field_names(MODEL_CLASSES["Mention"])
    assert mention_fields == span_fields | {"nested"}
    inline = [
        (section, row.split("|")[1].strip(), group)
        for section, body in SCHEMA_SECTIONS.items()
        for row in body.splitlines()
        if row.startswith("| `")
        for group in braces(row.split("|")[2])
    ]
    # an entity's mentions are Mentions (a place inside a longer name is flagged); every other inline list is Spans
    assert ("Entity", "`mentions`", mention_fields) in inline, inline
    others = [group for section, name, group in inline if (section, name) != ("Entity", "`mentions`")]
    assert others and all(group == span_fields for group in others), others


def test_schema_names_the_model_module_where_it_is():
    named = re.findall(r"`(src/newsgraph/[\w/]+\.py)`", SCHEMA)
    assert "src/newsgraph/model/article.py" in named
    assert all((ROOT / path).is_file() for path in named), named


# -- error codes ------------------------------------------------------------------

CODES = {name: template for name, template in vars(errors.E).items() if re.fullmatch(r"E\d{3}", name)}


def error_code_table() -> dict[str, str]:
    """Code -> message from the "## Error codes" table of reliability.md."""
    body = sections(RELIABILITY)["Error"]
    table = {}
    for row in body.splitlines():
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        code_span = re.fullmatch(r"(`+) ?(.*?) ?\1", cells[1]) if len(cells) > 1 else None
        if re.fullmatch(r"E\d{3}", cells[0]) and code_span:
            table[cells[0]] = code_span.group(2)
    return table


def test_every_error_code_is_documented_with_its_message():
    assert error_code_table() == CODES


def test_the_docs_name_no_error_code_that_does_not_exist():
    texts = [path.read_text(encoding="utf-8") for path in [*DOCS.glob("*.md"), ROOT / "README.md"]]
    mentioned = {code for text in texts for code in re.findall(r"\bE\d{3}\b", text)}
    assert mentioned - set(CODES) == set()


def test_reliability_names_tests_that_exist():
    """Each test file and test named in a guarantee's "Backed by" cell exists."""
    test_files = {path.name: path for path in (ROOT / "tests").rglob("test_*.py")}
    missing = []
    for cell in re.findall(r"^\| G\d+ \|.*\| (.*) \|$", RELIABILITY, flags=re.MULTILINE):
        for ref in re.findall(r"`([^`]+)`", cell):
            file_name, _, test_name = ref.partition("::")
            if file_name.endswith(".py"):
                if file_name not in test_files:
                    missing.append(ref)
                elif test_name and f"def {test_name.split('[')[0]}(" not in test_files[file_name].read_text():
                    missing.append(ref)
            elif file_name.startswith("test_"):
                name = file_name.split("[")[0]
                if not any(f"def {name}(" in path.read_text() for path in test_files.values()):
                    missing.append(ref)
    assert missing == []


def test_paths_the_docs_name_exist():
    """A backticked ``src/…``, ``tests/…`` (optionally ``::test_name``) or similar path in the docs exists."""
    texts = [path.read_text(encoding="utf-8") for path in [*DOCS.glob("*.md"), ROOT / "README.md"]]
    named = {ref for text in texts for ref in re.findall(r"`((?:src|tests|bench|scripts|examples)/[^`\s]+)`", text)}
    missing = []
    for ref in sorted(named):
        path, _, test_name = ref.partition("::")
        if not (ROOT / path).exists():
            missing.append(ref)
        elif test_name and f"def {test_name.split('[')[0]}(" not in (ROOT / path).read_text(encoding="utf-8"):
            missing.append(ref)
    assert named and missing == []
