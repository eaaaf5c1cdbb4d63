"""Words that say who someone is: gendered first names and titles, spelled-out abbreviations.

Used by :mod:`newsgraph.nlp.quotes.attribution` to pick "she"'s antecedent and to match
"the senator" to the entity whose titles include "Sen.".
"""

from __future__ import annotations

__all__ = ["guess_gender", "description_words", "PRONOUN_GENDER"]

_ABBREVIATIONS = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "gen": "general",
    "pres": "president",
    "lt": "lieutenant",
    "col": "colonel",
    "adm": "admiral",
    "dr": "doctor",
    "prof": "professor",
    "sec": "secretary",
    "amb": "ambassador",
    "capt": "captain",
    "cmdr": "commander",
}


# A bonus for pronoun resolution ("she said" should not pick Donald): common first names and
# gendered title words.  Unknown names stay candidates for either pronoun.
_FEMALE = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
    sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
    sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
    katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
    joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
    jacqueline frances gloria ann teresa kathryn sara janice jean alice julia judy grace denise amber
    marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis
    hillary melania ivanka kellyanne michele condoleezza madeleine nikki sheryl oprah elena sonia loretta
    huma debbie tulsi kamala jill chelsea tiffany ursula giorgia jacinda sanna mette annalena liz yulia
    olena irina svetlana natalia tatiana olga valentina ekaterina anastasia marine ines hanna anne""".split()
)
_MALE = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher daniel matthew
    anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
    jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
    gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas
    zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl sean
    arthur lawrence jesse bryan joe billy bruce albert willie gabriel alan juan wayne roy ralph randy
    eugene vincent russell louis philip bobby johnny bradley barack bill mike mitt bernie ted marco chris
    newt rudy jeb rand mitch harry tim reince sergei vladimir dmitry sergey alexei volodymyr petro viktor
    emmanuel olaf boris rishi recep narendra antony lloyd jake hunter tobias rolf tomas""".split()
)
_FEMALE_WORDS = frozenset(
    """mrs ms miss madam lady queen princess dame sister mother wife daughter woman widow actress
    chairwoman spokeswoman congresswoman businesswoman grandmother girlfriend""".split()
)
_MALE_WORDS = frozenset(
    """mr king prince sir lord father husband son man chairman spokesman congressman businessman
    grandfather boyfriend brother""".split()
)
PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}


def guess_gender(name: str, titles: list[str]) -> str | None:
    """ "f", "m" or None, from the first known first name, else from gendered title words."""
    for word in name.lower().split():
        if word in _FEMALE:
            return "f"
        if word in _MALE:
            return "m"
    words = description_words(titles)
    if words & _FEMALE_WORDS:
        return "f"
    if words & _MALE_WORDS:
        return "m"
    return None


def description_words(names: list[str]) -> set[str]:
    """Lowercased words of names and titles, abbreviations spelled out ("Sen." -> "senator")."""
    words = set()
    for name in names:
        for w in name.lower().replace(";", " ").split():
            w = w.strip(".,()'’")
            words.add(_ABBREVIATIONS.get(w, w))
    return words


def collapse_spaces(text: str) -> str:
    """One space between words: mentions can span a PDF line break ("Sergei\\nKaraganov")."""
    return " ".join(text.split())


# "last" as a verb ("will last", "due to last") rather than "last week": dates and figures both ask.
_VERB_LAST_CUES = {"to", "will", "would", "could", "can", "may", "might", "should", "must", "'ll", "not", "n't"}


def is_verb_last(doc, tok) -> bool:
    """Is this "last" the verb ("will last", "due to last"), which the tagger sometimes calls ADJ?"""
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return tok.pos_ in ("VERB", "AUX") or prev in _VERB_LAST_CUES
