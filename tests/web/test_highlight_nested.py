"""The reader highlights a place nested in a longer name ("Dallas" in "Dallas Mavericks") inside
the longer name's highlight, and both stay reachable from the entity list."""

from __future__ import annotations

import re

from newsgraph.model import Article, Entity, Mention, Paragraph
from newsgraph.web.highlight import article_facts, render_paragraphs

TEXT = "The Dallas Mavericks beat the visitors."


def nested_article() -> Article:
    team = Entity("E1", "Dallas Mavericks", "ORG", [Mention(4, 20, "Dallas Mavericks")])
    city = Entity("E2", "Dallas", "GPE", [Mention(4, 10, "Dallas", nested="E1")], lat=32.78, lon=-96.81)
    return Article(id="t", text=TEXT, paragraphs=[Paragraph(0, len(TEXT), "body")], entities=[team, city])


def segments(markup) -> list[tuple[set[str], str, str]]:
    found = re.findall(r'<span class="hl [^"]+" data-facts="([^"]+)" title="([^"]*)"[^>]*>([^<]*)</span>', str(markup))
    return [(set(tokens.split()), title, text) for tokens, title, text in found]


def test_a_nested_mention_is_highlighted_inside_the_longer_name():
    art = nested_article()
    ((_, markup),) = render_paragraphs(art)
    segs = segments(markup)
    assert [(tokens, text) for tokens, _, text in segs] == [({"e0", "e1"}, "Dallas"), ({"e0"}, " Mavericks")]
    for fact in article_facts(art):  # each fact's pieces spell exactly its mention
        assert "".join(text for tokens, _, text in segs if fact.token in tokens) == TEXT[fact.start : fact.end]
    assert re.sub(r"<[^>]+>", "", str(markup)) == TEXT  # the text itself is untouched
    assert "Dallas (GPE) · in the name Dallas Mavericks" in segs[0][1]


def test_both_entities_keep_an_anchor_for_the_entity_list():
    ((_, markup),) = render_paragraphs(nested_article())
    ids = re.findall(r'id="(f-[^"]+)"', str(markup))
    assert sorted(ids) == ["f-e0", "f-e1"]
