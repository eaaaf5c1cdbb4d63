"""Who found someone hurt is not who hurt them (issue 11, ninth round).

"Farmers found the herder wounded": the parser reads "the herder wounded" as a small clause whose
subject is "the herder", so the participle's subject was taken for the attacker. A participle
predicated of what a verb of finding found is done *to* it: the found one is the target, and neither
the finder nor the found one is the attacker.

All texts are fictional, written for these tests.
"""

from __future__ import annotations


def _named(article, ids):
    return [article.entity(i).name for i in ids]


def test_the_one_found_wounded_is_the_target_not_the_attacker(analyze_text):
    article = analyze_text("Two farmers found Tomas Ekwueme wounded beside the irrigation canal on Friday.")
    for event in article.events:
        assert "Tomas Ekwueme" not in _named(article, event.source), event
    assaults = [e for e in article.events if e.type == "ASSAULT"]
    assert all("Tomas Ekwueme" in _named(article, e.target) for e in assaults), assaults


def test_the_finder_is_not_the_attacker_either(analyze_text):
    article = analyze_text("Officers of the Lakemoor Police found Greta Hollis stabbed in her kitchen.")
    for event in article.events:
        assert "Lakemoor Police" not in _named(article, event.source), event


def test_a_participle_with_its_own_agent_keeps_it(analyze_text):
    # the other side: a stated attacker still attacks
    article = analyze_text("Villagers said Dario Mbeki was attacked by soldiers of the Vandor Army near the ford.")
    assaults = [e for e in article.events if e.type == "ASSAULT"]
    assert any("Dario Mbeki" in _named(article, e.target) for e in assaults), assaults
