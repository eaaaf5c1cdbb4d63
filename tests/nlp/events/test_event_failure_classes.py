"""Issue 11 event failure classes (docs/failure-classes.md), on sentences written for these tests."""

from __future__ import annotations


def test_a_match_and_a_storm_are_no_political_events(analyze_text):
    # "beat", "shot", "hit" are PLOVER triggers; no political or social actor is on either side
    article = analyze_text(
        "Lowmarsh Rovers beat the visitors 3-0 on Saturday and the striker shot past the keeper twice. "
        "A storm hit the coast of Valdoria on Monday."
    )
    assert article.events == []


def test_a_trigger_with_no_actor_makes_no_event(analyze_text):
    assert analyze_text("Sanctions were imposed on Monday. An attack took place near the border.").events == []


def test_a_past_event_reported_today_takes_no_date_of_the_report(analyze_text):
    # the date belongs to the saying; the resignation happened at a time the text does not give
    article = analyze_text(
        "On Tuesday the historian Ana Ruiz said that Tomas Revilla had resigned the presidency under pressure "
        "from the army.",
        published="2024-05-07",
    )
    (resignation,) = [e for e in article.events if e.trigger.text == "resigned"]
    assert resignation.date is None


def test_denying_one_charge_does_not_negate_the_next_act(analyze_text):
    # "deny" negates what it governs ("denied attacking"), not a verb coordinated with it (sixth round)
    article = analyze_text("Morvania denied the accusation and expelled Caldera's ambassador on Tuesday.")
    (expel,) = [e for e in article.events if e.trigger.text == "expelled"]
    assert expel.modality == "asserted"


def test_a_plea_in_court_is_no_request(analyze_text):
    # "plead" is REQUEST when someone pleads with someone; a plea of guilty or not guilty asks nothing (sixth round)
    article = analyze_text(
        "Former minister Karl Brandt pleaded guilty to fraud on Monday. "
        "His deputy, Anna Kovac, pleaded not guilty to bribery charges."
    )
    assert [e for e in article.events if e.trigger.text == "pleaded"] == []
    pleading = analyze_text("Anna Kovac pleaded with the government to release her son.")
    assert [e.type for e in pleading.events if e.trigger.text == "pleaded"] == ["REQUEST"]


def test_a_firm_described_by_its_nationality_is_the_target_not_its_country(analyze_text):
    # "Danish rival X": the adjective describes the rival; the firm bought is X, not Denmark (sixth round)
    article = analyze_text("Norvella Foods agreed on Wednesday to buy Danish rival Skovgaard Group for $3.4 billion.")
    (agree,) = [e for e in article.events if e.trigger.text == "agreed"]
    assert [article.entity(t).name for t in agree.target] == ["Skovgaard Group"]


def test_responding_by_an_act_is_no_report_of_it(analyze_text):
    # "respond" is a verb of saying, but "responded by closing" tells what was done (sixth round)
    article = analyze_text("Veloria expelled the envoy, and Tarsania responded by closing the border on Monday.")
    (closing,) = [e for e in article.events if e.trigger.text == "closing"]
    assert (closing.modality, closing.speaker) == ("asserted", None)


def test_a_win_by_a_score_is_no_assault(analyze_text):
    # "X beat Y 3-1" between two clubs was an ASSAULT at 0.87 (sixth round); a date range is no score
    article = analyze_text("Lowmarsh Rovers beat Kelton United 3-1 at Fenwick Park on Saturday.")
    assert [e.type for e in article.events] == []
    beating = analyze_text("Police beat protesters in Kestrava on 12-13 May, the opposition said.")
    assert [e.type for e in beating.events] == ["ASSAULT"]
    # a range of victims after the verb is a count, not a score: the killing stays an event
    killing = analyze_text("Gunmen killed 10-15 villagers near Dravosk on Sunday, the army said.")
    assert [e.type for e in killing.events] == ["ASSAULT"]


def test_a_score_must_follow_the_verbs_object(analyze_text):
    # a range right after the verb, after an age or inside a prepositional phrase is no match score: the
    # killing, the beating and the clash stay events (review of the sixth round); a score after the object
    # ("trounced the visitors 4 - 0") is still a match
    for text in (
        "Gunmen killed 12-20 in Ostrany on Sunday.",
        "Police beat marchers aged 16-18 in the plaza.",
        "Protesters clashed with police on Route 7-2 on Sunday.",
    ):
        assert [e.type for e in analyze_text(text).events] in (["ASSAULT"], ["FIGHT"]), text
    match = analyze_text("Harbury Athletic thrashed the visitors 4 - 0 at home on Sunday.")
    assert [e.type for e in match.events] == []


# -- seventh round: found on articles of our own ------------------------------------------------


def test_releasing_a_document_or_an_advert_is_no_release_of_captives(analyze_text):
    # "release" is RETREAT when captives go free; a campaign that releases a video or a report lets no one go
    article = analyze_text(
        "On Friday the Norden campaign released an attack advert accusing Mara Feldhusen of lying. "
        "The ministry of Castria released a report on prison conditions on Monday."
    )
    assert [e for e in article.events if e.type == "RETREAT"] == []


def test_releasing_people_is_still_a_release(analyze_text):
    # the false-positive side: captives and named people set free stay RETREAT
    article = analyze_text(
        "Rebels in Castria released three aid workers on Friday. The army of Castria released Jonas Pellander."
    )
    assert [e.type for e in article.events if e.trigger.text == "released"] == ["RETREAT", "RETREAT"]


def test_a_group_from_an_organisation_acts_for_the_organisation(analyze_text):
    # "officers from X arrested": the officers are X's; their organisation is the source
    article = analyze_text(
        "Officers from Dunmere Constabulary arrested Callum Reith at his home on Friday. "
        "A column of trucks from the World Food Programme delivered food and medicine to Sorvik on Monday."
    )
    (arrest,) = [e for e in article.events if e.trigger.text == "arrested"]
    assert [article.entity(s).name for s in arrest.source] == ["Dunmere Constabulary"]
    (delivery,) = [e for e in article.events if e.trigger.text == "delivered"]
    assert [article.entity(s).name for s in delivery.source] == ["World Food Programme"]


def test_one_person_from_an_organisation_is_not_the_organisation(coded):
    # the false-positive side: a single man from a firm does not act for the firm, while the officers he
    # attacks are their constabulary's (the coder's log holds the attack whatever its confidence)
    ((article, attack, _features),) = coded(
        "A man from Harlow Freight Ltd attacked police officers from the Dunmere Constabulary on Friday.", "ASSAULT"
    )
    assert "Harlow Freight Ltd" not in [article.entity(s).name for s in attack.source]
    assert [article.entity(s).name for s in attack.target] == ["Dunmere Constabulary"]


def test_people_who_only_belong_to_an_organisation_do_not_act_for_it(coded):
    # the false-positive side: a club's fans or a university's students are not sent by it; only a group an
    # organisation sends or commands (officers, troops, experts, a convoy) acts for it
    ((article, attack, _features),) = coded(
        "Fans from Brackenford Rovers attacked officers from the Dunmere Constabulary outside the ground on Saturday.",
        "ASSAULT",
    )
    assert "Brackenford Rovers" not in [article.entity(s).name for s in attack.source]
    assert [article.entity(s).name for s in attack.target] == ["Dunmere Constabulary"]
    ((article, protest, _features),) = coded(
        "Students from Pellham University protested against the new fees in Dunmere on Tuesday.", "PROTEST"
    )
    assert "Pellham University" not in [article.entity(s).name for s in protest.source]


def test_a_name_in_apposition_to_the_subject_s_title_is_the_source(analyze_text):
    # "Former prime minister X on Saturday endorsed Y": the parser heads the subject with the title and hangs
    # the name on it; the person named is the one who acts, not a possessor before the title
    article = analyze_text(
        "Former prime minister Oriana Valdstein on Saturday endorsed Petra Quist for the party leadership. "
        "Quist's rival, Tomas Brandtvik, on Monday accused the Velmar government of hiding the figures."
    )
    (endorse,) = [e for e in article.events if e.trigger.text == "endorsed"]
    assert [article.entity(s).name for s in endorse.source] == ["Oriana Valdstein"]
    (accuse,) = [e for e in article.events if e.trigger.text == "accused"]
    assert [article.entity(s).name for s in accuse.source] == ["Tomas Brandtvik"]


def test_a_description_in_apposition_names_no_one_it_mentions(analyze_text):
    # the false-positive side: "a close ally of X" in apposition is no name of the subject
    article = analyze_text("The minister, a close ally of Oriana Valdstein, on Monday accused Velmar of lying.")
    (accuse,) = [e for e in article.events if e.trigger.text == "accused"]
    assert "Oriana Valdstein" not in [article.entity(s).name for s in accuse.source]


def test_a_name_in_apposition_deep_inside_an_object_is_no_target(analyze_text):
    # the false-positive side: the council rejects the motion, not the leader the motion is about
    article = analyze_text(
        "Harwick District Council on Monday rejected a motion demanding the removal of its leader, "
        "Councillor Edwin Harrowgate, after a long debate."
    )
    (reject,) = [e for e in article.events if e.trigger.text == "rejected"]
    assert "Edwin Harrowgate" not in [article.entity(t).name for t in reject.target]


def test_the_attribution_between_two_parts_of_a_quote_is_the_reporters_words(analyze_text):
    # '"...," said X, who ordered Y. "..."': the relative clause between the quoted parts is told by the
    # article, not reported from the speaker (seventh round)
    article = analyze_text(
        '"We had no choice," said Interior Minister Ivo Marsk, who ordered the arrest of opposition leader '
        'Dana Kiel on Friday. "The law applies to everyone in Veltria."'
    )
    (order,) = [e for e in article.events if e.trigger.text == "ordered"]
    assert (order.modality, order.speaker) == ("asserted", None)


def test_an_act_inside_the_quotation_marks_stays_the_speakers_claim(analyze_text):
    # the false-positive side: the words inside the marks are the speaker's
    article = analyze_text(
        '"We had no choice," said Interior Minister Ivo Marsk of Veltria. '
        '"We arrested Dana Kiel because she broke the law," he added.'
    )
    (arrest,) = [e for e in article.events if e.trigger.text == "arrested"]
    assert arrest.modality == "reported"


def test_the_act_someone_is_accused_of_is_no_act_the_article_asserts(analyze_text):
    # "X accused Y of deliberately shelling Z": an adverb makes the parser hang "of" on Y; the shelling is
    # still the content of the accusation, as without the adverb, and no asserted attack (seventh round)
    for text in (
        "The Harvel Front accused Velmarian troops of deliberately shelling homes in Ostrin on Sunday.",
        "The Harvel Front blamed Velmarian troops for repeatedly attacking homes in Ostrin on Sunday.",
    ):
        article = analyze_text(text)
        assert [e for e in article.events if e.type == "ASSAULT" and e.modality == "asserted"] == []


def test_the_accusation_itself_stays_asserted(analyze_text):
    # the false-positive side: the article asserts that the accusation was made
    article = analyze_text("The Harvel Front accused Velmarian troops of shelling homes in Ostrin on Sunday.")
    (accusation,) = [e for e in article.events if e.trigger.text == "accused"]
    assert (accusation.type, accusation.modality) == ("ACCUSE", "asserted")


def test_a_title_naming_a_country_keeps_the_country_as_the_actor(analyze_text):
    # the false-positive side: "the Velmarian defence minister, X," is coded by the country the title names
    # (as event coders do), not by a person whose country is unknown
    article = analyze_text(
        "The Velmarian defence minister, Oriana Valdstein, on Monday condemned the arrest of Petra Quist."
    )
    (condemn,) = [e for e in article.events if e.trigger.text == "condemned"]
    assert [article.entity(s).name for s in condemn.source] == ["Velmarian"]


def test_every_paragraph_of_a_quote_over_several_paragraphs_is_reported(analyze_text):
    # a quote running over paragraphs reopens each one with a mark and leaves the last unclosed: the middle
    # paragraph is still inside the quote, not the reporter's words between two parts
    article = analyze_text(
        "Mara Quillon spoke to reporters in Dunmere on Tuesday.\n\n"
        '"Gunmen reached the farms before sunrise.\n\n'
        '"Militiamen attacked the clinic and burned the school.\n\n'
        '"Nobody came to help us," Quillon said.'
    )
    middle = [e for e in article.events if e.trigger.text in ("attacked", "burned")]
    assert middle
    for event in middle:
        assert event.modality == "reported"
        assert article.entity(event.speaker).name == "Mara Quillon"
