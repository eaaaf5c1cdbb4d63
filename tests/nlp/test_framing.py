"""newsgraph_framing_v1: descriptors per actor, their constructions, offsets and tone.

Every sentence here is made up for these tests (fictional people and places).  Most
tests set the entities by hand, so they check framing and not the small model's NER;
a few run the whole pipeline.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import Entity, Mention
from newsgraph.nlp.framing import ACTOR_TYPES, FramingReader, descriptor_tone, load_tone_lexicon
from newsgraph.nlp.pipeline import our_component_names


@pytest.fixture(scope="module")
def frame(nlp):
    """``frame(text, {"Name": "TYPE", ...}) -> (doc, {name: entity id})`` with hand-set entities."""
    ours = our_component_names(nlp)

    def run(text: str, names: dict[str, str]):
        doc = nlp(text, disable=ours)
        entities, spans, ids = [], [], {}
        for i, (name, label) in enumerate(names.items(), 1):
            eid = ids[name] = f"E{i}"
            found = [Mention(m.start(), m.end(), name) for m in re.finditer(re.escape(name), text)]
            entities.append(Entity(eid, name, label, found))
            spans += [(m.start, m.end, eid) for m in found]
        doc._.ng_entities = entities
        doc._.ng_entity_spans = sorted(spans)
        doc._.ng_entity_meta = {e.id: {"type": e.type} for e in entities}
        return FramingReader()(doc), ids

    return run


def by_text(doc, eid):
    return {d.text: d for d in doc._.ng_framing if d.entity == eid}


def test_apposition(frame):
    doc, ids = frame("Marko Velic, a veteran diplomat from Ostrava, arrived on Tuesday.", {"Marko Velic": "PERSON"})
    d = by_text(doc, ids["Marko Velic"])["a veteran diplomat from Ostrava"]
    assert d.construction == "apposition" and d.tone > 0


def test_number_apposition_and_dates_are_no_descriptors(frame):
    text = "Marko Velic, 54, reached Ostrava on Tuesday, March 3, with columnist Anna Brell."
    doc, ids = frame(text, {"Marko Velic": "PERSON", "Anna Brell": "PERSON", "Ostrava": "GPE"})
    assert by_text(doc, ids["Marko Velic"]) == {} and by_text(doc, ids["Ostrava"]) == {}
    assert by_text(doc, ids["Anna Brell"])["columnist"].construction == "compound"


def test_adjectives_on_the_name_and_on_its_actor_noun(frame):
    doc, ids = frame("The reckless Marko Velic spoke for an hour.", {"Marko Velic": "PERSON"})
    assert by_text(doc, ids["Marko Velic"])["reckless"].construction == "adjective"
    doc, ids = frame("The semi-delusional Tarvos junta held a parade.", {"Tarvos": "PERSON"})
    got = by_text(doc, ids["Tarvos"])
    assert got["semi-delusional"].construction == "adjective" and got["semi-delusional"].tone < 0
    assert got["junta"].construction == "compound" and got["junta"].tone < 0


def test_adjective_and_compound_around_the_name_stay_apart(frame):
    doc, ids = frame("The criminal Kremlin oligarchy is not legitimate.", {"Kremlin": "ORG"})
    got = by_text(doc, ids["Kremlin"])
    assert got["criminal"].construction == "adjective" and got["oligarchy"].construction == "compound"
    assert got["not legitimate"].construction == "predicate"


def test_compound_is_neutral_unless_the_lexicon_scores_it(frame):
    doc, ids = frame("Critics blame the Velic administration for the shortages.", {"Velic": "PERSON"})
    d = by_text(doc, ids["Velic"])["administration"]
    assert d.construction == "compound" and d.tone == 0.0
    doc, ids = frame("Few trust the Velic regime.", {"Velic": "PERSON"})
    assert by_text(doc, ids["Velic"])["regime"].tone < 0


def test_nouns_that_describe_something_else_are_skipped(frame):
    doc, ids = frame("Velish citizens crossed Ostland territory by train.", {"Velish": "NORP", "Ostland": "GPE"})
    assert doc._.ng_framing == []


def test_predicate_nominal(frame):
    doc, ids = frame("Tarvia is a brutal dictatorship.", {"Tarvia": "GPE"})
    d = by_text(doc, ids["Tarvia"])["a brutal dictatorship"]
    assert d.construction == "predicate" and d.tone < -0.5
    doc, ids = frame("Anna Brell became an unusually brave critic of the council.", {"Anna Brell": "PERSON"})
    d = by_text(doc, ids["Anna Brell"])["an unusually brave critic of the council"]
    assert d.construction == "predicate" and d.tone > 0


def test_predicate_adjective_on_an_actor_noun(frame):
    doc, ids = frame("The Velish oligarchy is criminal.", {"Velish": "NORP"})
    got = by_text(doc, ids["Velish"])
    assert got["criminal"].construction == "predicate" and got["criminal"].tone == pytest.approx(-0.9)
    assert got["oligarchy"].construction == "compound"


def test_long_predicate_is_cut_after_its_first_prepositional_phrase(frame):
    text = "The Velic regime is utterly incapable of answering the charges brought by the auditors last year."
    doc, ids = frame(text, {"Velic": "PERSON"})
    preds = [d for d in doc._.ng_framing if d.construction == "predicate"]
    assert [d.text for d in preds] == ["utterly incapable of answering the charges"]
    assert preds[0].tone < 0


def test_relative_clause_role_verb(frame):
    text = "Karl Obermann, who has long functioned as a loyal mouthpiece of the Velish regime, stayed silent."
    doc, ids = frame(text, {"Karl Obermann": "PERSON", "Velish": "NORP"})
    d = by_text(doc, ids["Karl Obermann"])["a loyal mouthpiece of the Velish regime"]
    assert d.construction == "predicate" and d.tone < 0
    assert by_text(doc, ids["Velish"])["regime"].construction == "compound"


def test_labels_go_to_the_labelled_actor_not_to_the_speaker(frame):
    doc, ids = frame("Karl Obermann described Ostland as a threat.", {"Karl Obermann": "PERSON", "Ostland": "GPE"})
    assert by_text(doc, ids["Karl Obermann"]) == {}
    assert by_text(doc, ids["Ostland"])["a threat"].tone < 0


def test_negation_flips_tone(frame):
    doc, ids = frame("Ostland's brave government is never reckless.", {"Ostland": "GPE"})
    got = by_text(doc, ids["Ostland"])
    assert got["brave"].tone > 0 and got["never reckless"].tone > 0
    doc, ids = frame("Marko Velic is no hero.", {"Marko Velic": "PERSON"})
    assert by_text(doc, ids["Marko Velic"])["no hero"].tone < 0


def test_tone_of_words(nlp):
    def tone(text):
        return descriptor_tone(nlp.make_doc(text))

    assert tone("a brave and honest leader") > 0
    assert tone("a corrupt tyrant") < 0
    assert tone("a tall person") == 0.0
    assert tone("not brave") == pytest.approx(-tone("brave"))
    assert tone("so-called leader") == pytest.approx(load_tone_lexicon()["so-called"])


def test_lexicon():
    lex = load_tone_lexicon()
    assert len(lex) >= 300 and all(-1.0 <= v <= 1.0 for v in lex.values())
    assert lex["imperialist"] < 0 < lex["heroic"] and "minister" not in lex
    assert load_tone_lexicon() is lex  # cached


def test_framing_leaves_the_entity_meta_alone(frame):
    doc, ids = frame(
        "The reckless Marko Velic spoke first. Marko Velic, a respected veteran of the council, then left.",
        {"Marko Velic": "PERSON"},
    )
    tones = [d.tone for d in doc._.ng_framing if d.entity == ids["Marko Velic"]]
    assert len(tones) == 2
    # framing assigns ng_framing only: linking's per-entity facts are not rewritten
    assert doc._.ng_entity_meta == {ids["Marko Velic"]: {"type": "PERSON"}}


def test_full_pipeline(analyze_text):
    article = analyze_text(
        "Ostrava, Tuesday.\n\nThe criminal Kremlin oligarchy is not legitimate, said Anna Brell, "
        "a respected columnist from Ostrava.\n\nMarko Velic, a veteran diplomat, disagreed."
    )
    names = {e.id: e.name for e in article.entities}
    got = {(names[d.entity], d.text) for d in article.framing}
    assert ("Kremlin", "criminal") in got and ("Kremlin", "oligarchy") in got
    assert ("Marko Velic", "a veteran diplomat") in got
    assert article.to_dict()["framing"]


def check_descriptors(article):
    ents = {e.id: e for e in article.entities}
    keys = set()
    for d in article.framing:
        assert article.text[d.start : d.end] == d.text
        ent = ents[d.entity]
        assert ent.type in ACTOR_TYPES
        assert d.construction in ("apposition", "adjective", "predicate", "compound")
        assert -1.0 <= d.tone <= 1.0
        assert not any(m.start < d.end and d.start < m.end for m in ent.mentions)
        assert (d.entity, d.start, d.end) not in keys
        keys.add((d.entity, d.start, d.end))


NAMES = ["Marko Velic", "Anna Brell", "Karl Obermann", "the Velish government", "Ostland", "the Kremlin"]
WORDS = ["brutal", "respected", "reckless", "brave", "corrupt", "cautious", "legitimate", "tall"]
TEMPLATES = [
    "{n}, a {w} envoy from {m}, arrived.",
    "The {w} {n} met {m}.",
    "{n} is {w}.",
    "{n} is not a {w} partner of {m}.",
    "{n}, who served as a {w} adviser to {m}, resigned.",
    "Critics call {n} a {w} ally of {m}.",
    "The {n} regime is {w}.",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.sampled_from(TEMPLATES), st.sampled_from(NAMES), st.sampled_from(WORDS), st.sampled_from(NAMES)),
        min_size=1,
        max_size=6,
    )
)
def test_descriptors_match_text_and_point_at_entities(analyze_text, parts):
    sentences = [t.format(n=n, w=w, m=m) for t, n, w, m in parts]
    text = " ".join(s[0].upper() + s[1:] for s in sentences)
    check_descriptors(analyze_text(text))


def test_sample_article(shared_dir):
    """The real sample: loaded descriptors for its main actors (read only, never copied)."""
    from newsgraph import analyze

    path = shared_dir / "samples" / "kaliningrad.txt"
    if not path.exists():
        pytest.skip("no sample article")
    article = analyze(path)
    check_descriptors(article)
    by_name: dict[str, list] = {}
    for d in article.framing:
        by_name.setdefault(article.entity(d.entity).name, []).append(d)

    def has(name, word, negative=True):
        return any(word in d.text and (d.tone < 0 or not negative) for d in by_name.get(name, []))

    assert has("Vladimir Putin", "regime") and has("Vladimir Putin", "incapable")
    assert has("Sergei Karaganov", "mouthpiece")
    assert has("Russian", "oligarchy")
    assert has("Biden", "administration", negative=False)
