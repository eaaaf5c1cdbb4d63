"""Component contracts: every factory declares what it reads and writes, the full pipeline's
declarations are satisfied in order, and each component runs with only what it declares."""

from __future__ import annotations

import importlib
import tomllib

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.model_loader import load_english_model
from newsgraph.nlp.pipeline import COMPONENTS
from support import REPO

ARTICLE = (
    "KYIV, March 3 - Ukrainian President Volodymyr Zelensky accused Russia of shelling Kharkiv on "
    "24 February 2022, he told reporters. The president said Ukraine would need $2 billion in aid.\n\n"
    "“We will not give up,” Zelensky said. The attack killed 12 people, according to the Ukrainian army."
)
NAMES = [name for name, _ in COMPONENTS]
PARSER_FREE = ("newsgraph_figures_v1", "newsgraph_dates_v1")


def _meta(name: str):
    importlib.import_module(dict(COMPONENTS)[name])
    return spacy.blank("en").get_factory_meta(name)


def _needed(name: str) -> list[str]:
    """``name`` and, in pipeline order, every component of ours it needs through its ``requires``."""
    assigned_by = {attr: n for n in NAMES for attr in _meta(n).assigns}
    wanted, todo = {name}, [name]
    while todo:
        for attr in _meta(todo.pop()).requires:
            provider = assigned_by.get(attr)
            if provider is not None and provider not in wanted:
                wanted.add(provider)
                todo.append(provider)
    return [n for n in NAMES if n in wanted]


def test_components_list_has_the_coref_step_between_linking_and_quotes():
    assert NAMES.index("newsgraph_linking_v1") < NAMES.index("newsgraph_coref_v1") < NAMES.index("newsgraph_quotes_v1")


@pytest.mark.parametrize("name", NAMES)
def test_every_factory_declares_what_it_assigns(name):
    meta = _meta(name)
    assert meta.assigns, name
    assert all(a.startswith(("doc.", "token.")) for a in [*meta.assigns, *meta.requires])


def test_the_full_pipeline_has_no_unmet_requirement(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    assert [n for n in nlp.pipe_names if n in NAMES] == NAMES


@pytest.mark.parametrize("name", PARSER_FREE)
def test_a_parser_free_component_runs_alone_on_a_blank_pipeline(name):
    nlp = spacy.blank("en")
    nlp.add_pipe(name)  # registers the extensions it writes: no E046 on the first call
    doc = nlp(ARTICLE)
    for attr in _meta(name).assigns:
        assert getattr(doc._, attr.removeprefix("doc._.")), attr


@pytest.mark.parametrize("name", [n for n in NAMES if n not in PARSER_FREE])
def test_each_component_runs_with_only_what_it_declares(name):
    nlp = load_english_model()
    for needed in _needed(name):
        nlp.add_pipe(needed)
    assert nlp.analyze_pipes(pretty=False)["problems"][name] == []
    doc = nlp(ARTICLE)
    for attr in _meta(name).assigns:
        if attr.startswith("doc._."):
            assert getattr(doc._, attr.removeprefix("doc._.")) is not None, attr
    assert isinstance(doc, Doc)


def test_every_declared_extension_is_registered_by_adding_the_component():
    nlp = spacy.blank("en")
    for name in NAMES:
        nlp.add_pipe(name)
        meta = _meta(name)
        for attr in [*meta.requires, *meta.assigns]:
            if attr.startswith("doc._."):
                assert Doc.has_extension(attr.removeprefix("doc._.")), (name, attr)


def test_factories_are_entry_points():
    table = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["entry-points"]["spacy_factories"]
    assert sorted(table) == sorted(NAMES)
    for name, target in table.items():
        module, _, function = target.partition(":")
        registered = spacy.registry.factories.get(Language.get_factory_name(name))
        assert getattr(importlib.import_module(module), function) is registered, name


def test_an_entity_is_the_same_with_and_without_the_events_component(analyze_with):
    text = "The Nigerian Union of Teachers accused the government of lying. President Vladimir Putin attacked Ukraine."
    without = analyze_with(tuple(n for n in NAMES if n != "newsgraph_events_v1"))(text)
    full = analyze_with(tuple(NAMES))(text)
    assert full.events
    assert [(e.name, e.country) for e in without.entities] == [(e.name, e.country) for e in full.entities]
    assert {e.name: e.country for e in full.entities}["Nigerian Union of Teachers"] == "NGA"


def test_events_read_dates_from_the_dates_component(analyze_with):
    text = "Russian forces attacked Kharkiv on 24 February 2022."
    with_dates = analyze_with(tuple(NAMES))(text)
    without = analyze_with(tuple(n for n in NAMES if n != "newsgraph_dates_v1"))(text)
    assert [e.date for e in with_dates.events] == ["2022-02-24"]
    assert [e.date for e in without.events] == [None]  # never recomputed behind the pipeline's back
