"""newsgraph_events_v1: PLOVER events with evidence.  All texts are fictional wire copy."""

from __future__ import annotations

import pytest

from newsgraph.nlp.events.dictionary import get_dictionary, parse_dictionary


def _name(article, eid):
    ent = article.entity(eid)
    return ent.name if ent else None


def _names(article, ids):
    return sorted(_name(article, i) for i in ids)


def _events(article, type_=None):
    return [e for e in article.events if type_ is None or e.type == type_]


def _only(article, type_):
    evs = _events(article, type_)
    assert len(evs) == 1, [(e.type, e.trigger.text, e.modality) for e in article.events]
    return evs[0]


# -- modality -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, modality",
    [
        ("Brazilian troops attacked Paraguay on Monday.", "asserted"),
        ("Brazilian troops did not attack Paraguay on Monday.", "negated"),
        ("Brazilian troops never attacked Paraguay, the minister insisted.", "negated"),
        ("Brazilian troops could attack Paraguay within days.", "hypothetical"),
        ("If talks fail, Brazilian troops would attack Paraguay.", "hypothetical"),
        ("Brazilian troops tried to attack Paraguay on Monday.", "attempted"),
        ("Brazil sought to attack Paraguay before the rains.", "attempted"),
    ],
)
def test_modality_of_an_attack(analyze_text, text, modality):
    art = analyze_text(text)
    ev = _only(art, "ASSAULT")
    assert ev.modality == modality
    assert _names(art, ev.target) == ["Paraguay"]


def test_future_visit_is_an_agree_with_future_modality(analyze_text):
    # PLOVER codes a promised meeting as AGREE (manual, CONSULT ambiguities); the modality keeps the tense
    art = analyze_text("Chilean President Ana Vidal will visit Argentina next month.")
    ev = art.events[0]
    assert (ev.type, ev.modality) == ("AGREE", "future")


def test_planned_sanctions_are_a_threat(analyze_text):
    art = analyze_text("Colombia plans to impose sanctions on Venezuela, officials said.")
    ev = _only(art, "THREATEN")
    assert ev.modality == "future"
    assert _names(art, ev.source) == ["Colombia"] and _names(art, ev.target) == ["Venezuela"]


def test_attempted_ban_with_compound_actors(analyze_text):
    art = analyze_text("Chile and Peru tried to ban fish imports from Ecuador last year.")
    ev = _only(art, "SANCTION")
    assert ev.modality == "attempted"
    assert _names(art, ev.source) == ["Chile", "Peru"]
    assert _names(art, ev.target) == ["Ecuador"]


def test_reported_inside_a_quote_has_the_speaker(analyze_text):
    text = (
        "Chilean Foreign Minister Ana Soto spoke to reporters on Friday.\n\n"
        "“Bolivian soldiers attacked our border post in Colchane and we will respond,” Soto said."
    )
    art = analyze_text(text)
    ev = _only(art, "ASSAULT")
    assert ev.modality == "reported"
    assert _name(art, ev.speaker) == "Ana Soto"
    assert _name(art, ev.location) == "Colchane"


# -- actors ---------------------------------------------------------------------------------
def test_compound_source_actors(analyze_text):
    art = analyze_text("Chile and Peru imposed sanctions on Bolivia on Tuesday.")
    ev = _only(art, "SANCTION")
    assert _names(art, ev.source) == ["Chile", "Peru"]
    assert _names(art, ev.target) == ["Bolivia"]
    assert ev.modality == "asserted"


def test_event_noun_with_possessive_source(analyze_text):
    art = analyze_text("Brazil's invasion of Paraguay shocked the region.")
    ev = _only(art, "ASSAULT")
    assert ev.trigger.text == "invasion"
    assert _names(art, ev.source) == ["Brazil"] and _names(art, ev.target) == ["Paraguay"]


def test_nationality_stands_for_its_country(analyze_text):
    art = analyze_text("Peru protested on Monday. Later, Peruvian forces shelled Ecuador near the river.")
    ev = _only(art, "ASSAULT")
    assert _names(art, ev.source) == ["Peru"]
    assert ev.source_sector == "military"


def test_pronoun_subject_takes_the_latest_person(analyze_text):
    art = analyze_text("Argentine President Luis Ortega arrived in Lima on Sunday. He met Peruvian leaders on Monday.")
    ev = next(e for e in art.events if e.trigger.text == "met")
    assert _name(art, ev.source[0]) == "Luis Ortega"  # a meeting: the leaders met are actors too


@pytest.mark.parametrize(
    "text, source_sector, target_sector",
    [
        ("Police arrested dozens of protesters in Quito on Sunday.", "police", "civilian"),
        ("Colombian soldiers killed three rebels near the border with Venezuela.", "military", "rebel"),
    ],
)
def test_sectors(analyze_text, text, source_sector, target_sector):
    art = analyze_text(text)
    ev = art.events[0]
    assert (ev.source_sector, ev.target_sector) == (source_sector, target_sector)


def test_igo_sector(analyze_text):
    art = analyze_text("The European Union imposed sanctions on Belarus on Monday.")
    ev = _only(art, "SANCTION")
    assert ev.source_sector == "igo"


# -- places and dates -------------------------------------------------------------------------
def test_location_from_a_prepositional_phrase_not_the_dateline(analyze_text):
    art = analyze_text("LIMA, March 3 (Wire) - Police arrested twenty protesters in Cusco on Tuesday.")
    ev = _only(art, "COERCE")
    assert _name(art, ev.location) == "Cusco"
    assert all(_name(art, i) != "Lima" for i in ev.source + ev.target)


def test_dateline_is_never_the_location(analyze_text):
    art = analyze_text("SANTIAGO, May 2 (Wire) - Argentina and Uruguay signed a trade agreement on Friday.")
    ev = art.events[0]
    assert ev.type == "SUPPORT"  # signing an agreement (PLOVER manual)
    assert ev.location is None
    assert _names(art, ev.source) == ["Argentina", "Uruguay"]


def test_a_dateline_after_a_headline_and_a_byline_is_still_no_actor(analyze_text):
    # the dateline opens the third paragraph, not the text: it is still a dateline
    art = analyze_text(
        "Chile recalls ambassador after border clash with neighbour\n\nBy Staff Reporter\n\n"
        "SANTIAGO — Chile recalled its ambassador to Bolivia on Friday after soldiers exchanged fire, "
        "the foreign ministry said."
    )
    for ev in art.events:
        assert all(_name(art, i) != "Santiago" for i in ev.source + ev.target), (ev.type, ev.source, ev.target)


def test_date_comes_from_the_clause_not_the_publication(analyze_text):
    art = analyze_text("Chile imposed sanctions on Bolivia on 3 March 2021.", published="2021-03-10")
    assert _only(art, "SANCTION").date == "2021-03-03"
    art = analyze_text("Chile imposed sanctions on Bolivia.", published="2021-03-10")
    assert _only(art, "SANCTION").date is None


def test_visit_to_a_city_is_a_place_not_a_target(analyze_text):
    art = analyze_text("Brazilian President Joana Lima visited Rosario on Thursday.")
    ev = _only(art, "CONSULT")
    assert ev.mode == "visit"
    assert _names(art, ev.source) == ["Joana Lima"]
    assert _name(art, ev.location) == "Rosario"


# -- one event, one row ------------------------------------------------------------------------
def test_one_event_reported_twice_is_one_row(analyze_text):
    text = (
        "Chile imposed sanctions on Bolivia on Monday.\n\n"
        "Trade between the two countries fell sharply.\n\n"
        "The sanctions imposed by Chile on Bolivia were the first in a decade."
    )
    art = analyze_text(text)
    ev = _only(art, "SANCTION")
    assert len(ev.mentions) == 1
    assert ev.mentions[0].start > ev.trigger.start


def test_a_bare_definite_noun_joins_the_earlier_event(analyze_text):
    text = "Brazilian troops invaded Paraguay in May.\n\nThe invasion was condemned by Chile."
    art = analyze_text(text)
    assault = _only(art, "ASSAULT")
    assert [m.text for m in assault.mentions] == ["invasion"]


def test_different_attacks_stay_apart(analyze_text):
    text = "Peru launched an offensive against Ecuador.\n\nPeruvian jets also bombed a bridge in Ecuador."
    art = analyze_text(text)
    assert len(_events(art, "ASSAULT")) == 2


# -- precision ------------------------------------------------------------------------------------
def test_opinion_words_are_not_events(analyze_text):
    text = (
        "The war is a tragedy, and the threat of escalation worries many observers.\n\n"
        "Critics say the conflict has no end in sight and the talks are a distraction."
    )
    assert analyze_text(text).events == []


def test_every_trigger_and_mention_matches_the_text(analyze_text):
    texts = [
        "LIMA, March 3 (Wire) - Police arrested twenty protesters in Cusco on Tuesday.\n\n"
        "“Bolivian soldiers attacked our border post,” Soto said.\n\nThe attack was condemned by Chile.",
        "Chile imposed sanctions on Bolivia on Monday.\n\nThe sanctions imposed by Chile on Bolivia hurt trade.",
        "Brazil's invasion of Paraguay shocked the region. Argentina demanded a ceasefire.",
    ]
    for text in texts:
        art = analyze_text(text)
        assert art.events
        for ev in art.events:
            for span in [ev.trigger, *ev.mentions]:
                assert art.text[span.start : span.end] == span.text
            for eid in ev.source + ev.target + [ev.location, ev.speaker]:
                assert eid is None or art.entity(eid) is not None


# -- the dictionary ------------------------------------------------------------------------------
def test_dictionary_loads_and_is_large():
    d = get_dictionary()
    assert len(d) >= 400
    assert "invade" in d and "counteroffensive" in d


def test_dictionary_rejects_bad_rows():
    with pytest.raises(ValueError, match="unknown PLOVER type"):
        parse_dictionary("attack\tV\t-\tFIGHT\t-\n")
    with pytest.raises(ValueError, match="bad condition"):
        parse_dictionary("attack\tV\tfoo:bar\tASSAULT\t-\n")


def test_dictionary_is_read_lazily(nlp):
    pipe = nlp.get_pipe("newsgraph_events_v1")
    assert pipe._dictionary is None or pipe._dictionary is get_dictionary()


# -- actor countries: leaders, recipients in clauses, reciprocal events, institutions --------------
_FICTIONAL_LEADERS = """name\tsurname\taliases\tcountry\trole\tyears
Aldo Varenko\tVarenko\tAldo Varenkov\tBOL\tpresident\t2001-2009
Omar al-Fazari\tFazari\t-\tPRY\tpresident\t1990-1999
Lina Fazari\tFazari\t-\tURY\tforeign minister\t2010-2014
Teodor Brankovitch\tBrankovitch\t-\tCHL\tdefence minister\t1995-1997
Jon Smithe\t-\t-\tECU\tprime minister\t2003-2005
Kemal Smithe\tSmithe\t-\tECU\tspeaker\t2006-2008
"""


@pytest.fixture
def fictional_leaders(monkeypatch):
    from newsgraph.nlp.knowledge import leaders

    table = leaders._Table(leaders._read_rows(_FICTIONAL_LEADERS))
    monkeypatch.setattr(leaders, "_table", lambda: table)
    return leaders


@pytest.mark.parametrize(
    "name, country",
    [
        ("Aldo Varenko", "BOL"),
        ("President Aldo Varenko's", "BOL"),  # title and possessive ignored
        ("Varenko", "BOL"),  # a bare surname, unambiguous in the table
        ("Aldo Varenkov", "BOL"),  # an alias
        ("Omar Hassan al-Fazari", "PRY"),  # first and last words, particle and middle name ignored
        ("Omar El Fazari", "PRY"),
        ("Fazari", None),  # two countries share the surname
        ("Brankovich", "CHL"),  # one letter off a long surname
        ("Teodor Brankowitch", "CHL"),
        ("Smithe", None),  # the table marks one Smithe's bare surname as too common
        ("Maria Varenko", None),  # another given name: somebody else
        ("", None),
    ],
)
def test_leader_lookup(fictional_leaders, name, country):
    assert fictional_leaders.leader_country(name) == country


def test_leader_table_is_large_and_uses_country_codes():
    import pycountry

    from newsgraph.nlp.knowledge.leaders import leader_country, leaders

    rows = leaders()
    assert len(rows) > 500
    assert {r.country for r in rows if pycountry.countries.get(alpha_3=r.country) is None} == set()
    assert leader_country("Putin") == "RUS" and leader_country("Kim") is None


def test_a_leader_the_article_does_not_place_gets_the_table_country(analyze_text, fictional_leaders):
    art = analyze_text("President Aldo Varenko accused Paraguay of aggression on Monday.")
    ev = _only(art, "ACCUSE")
    ent = art.entity(ev.source[0])
    assert ent.name == "Aldo Varenko" and ent.country == "BOL"
    assert _names(art, ev.target) == ["Paraguay"]


@pytest.mark.parametrize(
    "text, type_, target",
    [
        # the complement's subject receives a demand
        ("Brazil demanded on Monday that Paraguay withdraw its troops from the border.", "REQUEST", ["Paraguay"]),
        # the condition's subject receives a threat
        ("Uruguay threatened to halt the talks if Chile refused the offer.", "THREATEN", ["Chile"]),
        # a prepositional object of the trigger's object
        ("Bolivia announced a suspension of flights with Ecuador on Tuesday.", "SANCTION", ["Ecuador"]),
    ],
)
def test_recipient_inside_a_clause_or_phrase(analyze_text, text, type_, target):
    art = analyze_text(text)
    ev = next(e for e in art.events if e.type == type_)
    assert _names(art, ev.target) == target


def test_two_groups_of_one_nationality_are_actor_and_recipient(analyze_text):
    art = analyze_text("Chilean police confiscated weapons from Chilean armed groups on Friday.")
    ev = _only(art, "COERCE")
    ent_s, ent_t = art.entity(ev.source[0]), art.entity(ev.target[0])
    assert ent_s.country == ent_t.country == "CHL"


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("Brazil held talks with Argentina on Monday.", ["Argentina", "Brazil"], []),
        ("Brazil and Argentina met in Montevideo on Monday.", ["Argentina", "Brazil"], []),
        ("Peru signed an agreement with Chile on Tuesday.", ["Chile", "Peru"], []),
        # a visit keeps its host as the recipient (PLOVER: the visitor acts, the host receives)
        ("Brazil's foreign minister visited Argentina on Monday.", ["Brazil"], ["Argentina"]),
    ],
)
def test_reciprocal_events_make_every_party_an_actor(analyze_text, text, source, target):
    art = analyze_text(text)
    ev = art.events[0]
    assert _names(art, ev.source) == source and _names(art, ev.target) == target


@pytest.mark.parametrize(
    "text, country",
    [
        ("The Bolivian foreign ministry accused Chile of spying on Monday.", "BOL"),
        ("Ecuadorian troops attacked Peru near the river.", "ECU"),
        ("Rebels in Colombia attacked a police post on Sunday.", "COL"),
        ("The Paraguayan Union of Teachers accused Brazil of interference.", "PRY"),
    ],
)
def test_institutions_and_groups_take_their_country(analyze_text, text, country):
    art = analyze_text(text)
    ev = art.events[0]
    assert {art.entity(i).country for i in ev.source} == {country}


def test_a_state_attacking_a_place_in_its_own_country_attacks_that_place(analyze_text):
    article = analyze_text("Syrian government troops launched an offensive to retake Aleppo on Monday.")
    event = _only(article, "ASSAULT")
    assert _names(article, event.target) == ["Aleppo"]
    assert _name(article, event.location) == "Aleppo"


def test_a_visit_to_a_city_of_ones_own_country_has_no_recipient(analyze_text):
    article = analyze_text("Kenyan President William Ruto visited Mombasa on Tuesday.")
    event = _only(article, "CONSULT")
    assert event.target == [] and _name(article, event.location) == "Mombasa"
