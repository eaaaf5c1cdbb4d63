"""An actor who announces its own act does it ("X announced her resignation"): the event is asserted,
not X's claim; what X announces of someone else stays reported.

All texts are fictional, written for these tests.
"""

from __future__ import annotations

from support.events import events_of_type


def test_announcing_one_s_own_resignation_is_asserted(analyze_text):
    art = analyze_text("Senator Maria Ellwood announced her resignation on Thursday evening.")
    ev = events_of_type(art, "RETREAT")[0]
    assert [art.entity(i).name for i in ev.source] == ["Maria Ellwood"]
    assert ev.modality == "asserted"


def test_announcing_another_s_act_stays_reported(analyze_text):
    art = analyze_text("Senator Maria Ellwood announced that Governor Alan Dorsey had resigned.")
    ev = events_of_type(art, "RETREAT")[0]
    assert ev.modality == "reported"
