"""Hand-made sample Articles for the web reader's tests, demos and benchmark.

No spaCy: every fact is placed with :class:`Builder`, which finds the text and
records exact offsets, so ``text[start:end] == span.text`` holds by construction.
``synthetic_article(i)`` makes cheap varied articles for a large benchmark corpus.
"""

from __future__ import annotations

import random

from newsgraph.model import (
    Amount,
    Article,
    DateMention,
    Descriptor,
    Document,
    Entity,
    Event,
    Mention,
    OffsetMap,
    Paragraph,
    Quote,
    Span,
    article_id,
)

__all__ = ["Builder", "sample_articles", "synthetic_article", "html_document", "graded_article"]


class Builder:
    """Assemble an article's text paragraph by paragraph, then place facts in it."""

    def __init__(self) -> None:
        self.text = ""
        self.paragraphs: list[Paragraph] = []

    def para(self, text: str, kind: str = "body") -> Builder:
        if self.text:
            self.text += "\n\n"
        start = len(self.text)
        self.text += text
        self.paragraphs.append(Paragraph(start, len(self.text), kind))
        return self

    def find(self, needle: str, nth: int = 0) -> tuple[int, int, str]:
        pos = -1
        for _ in range(nth + 1):
            pos = self.text.find(needle, pos + 1)
            if pos < 0:
                raise ValueError(f"{needle!r} (occurrence {nth}) not in the text")
        return pos, pos + len(needle), needle

    def span(self, needle: str, nth: int = 0) -> Span:
        return Span(*self.find(needle, nth))

    def mentions(self, *needles: str | tuple[str, int]) -> list[Mention]:
        out = []
        for n in needles:
            needle, nth = n if isinstance(n, tuple) else (n, 0)
            out.append(Mention(*self.find(needle, nth)))
        return out

    def quote(self, needle: str, kind: str, speaker: str | None, cue: str | None = None,
              written: tuple[str, int] | None = None) -> Quote:  # fmt: skip
        """``written``: the speaker as written where attributed, as (text, nth occurrence)."""
        return Quote(
            *self.find(needle),
            kind=kind,
            speaker=speaker,
            cue=self.span(cue) if cue else None,
            speaker_span=self.span(*written) if written else None,
        )

    def amount(self, needle: str, value: float | None, unit: str | None = None, currency: str | None = None,
               qualifier: str | None = None) -> Amount:  # fmt: skip
        return Amount(*self.find(needle), value=value, unit=unit, currency=currency, qualifier=qualifier)

    def date(self, needle: str, value: str | None) -> DateMention:
        return DateMention(*self.find(needle), value=value)

    def article(self, title: str, **fields) -> Article:
        return Article(id=article_id(self.text), text=self.text, title=title, paragraphs=self.paragraphs, **fields)


def html_document(article: Article, path: str = "sample.html") -> Document:
    """A Document whose source is HTML around each paragraph, with a true offset map,
    so the source view's span mapping is exercised (source offsets != clean offsets)."""
    source: list[str] = ["<html><body>\n"]
    positions: list[int] = []
    length = len(source[0])
    starts = {p.start: p for p in article.paragraphs}
    closing = {p.end: "</blockquote>" if p.kind == "blockquote" else "</p>" for p in article.paragraphs}
    for i, ch in enumerate(article.text + "\0"):
        if i in closing:
            source.append(closing[i])
            length += len(closing[i])
        if i == len(article.text):
            break
        if i in starts:
            tag = "<blockquote>" if starts[i].kind == "blockquote" else "<p>"
            source.append(tag)
            length += len(tag)
        positions.append(length)
        source.append(ch)
        length += 1
    source.append("\n</body></html>\n")
    source_text = "".join(source)
    return Document(
        text=article.text,
        source_text=source_text,
        offsets=OffsetMap.from_positions(positions, len(source_text)),
        paragraphs=list(article.paragraphs),
        title=article.title,
        published=article.published,
        path=path,
        format="html",
    )


def _geneva() -> Article:
    b = Builder()
    b.para("Ceasefire talks resume in Geneva", "title")
    b.para(
        "GENEVA — United Nations envoy Maria Lopez reopened talks between Ukraine and Russia on Tuesday, "
        "offering $2.5 billion in reconstruction aid if both sides hold a ceasefire for 30 days."
    )
    b.para(
        '"We are closer than we have been in months, and Ukraine knows it," Lopez told reporters, '
        "adding that about 300 delegates had arrived in Geneva."
    )
    b.para("Nobody leaves this room until the guns fall silent across the whole front.", "blockquote")
    b.para(
        "Russian officials said Kyiv had shelled a depot near Donetsk on March 10, a claim Ukraine denied. "
        "Lopez, a veteran diplomat, said the talks would continue on Thursday."
    )
    ents = [
        Entity("E1", "Maria Lopez", "PERSON", b.mentions("Maria Lopez", ("Lopez", 1), ("Lopez", 2)),
               aliases=["Lopez"], titles=["envoy"]),
        Entity("E2", "United Nations", "ORG", b.mentions("United Nations"), aliases=["UN"]),
        Entity("E3", "Ukraine", "GPE", b.mentions("Ukraine", ("Ukraine", 1), ("Ukraine", 2)), country="UKR",
               lat=49.0, lon=32.0, gazetteer_id="iso3166:UKR"),
        Entity("E4", "Russia", "GPE", b.mentions("Russia", "Russian"), country="RUS", lat=60.0, lon=90.0,
               gazetteer_id="iso3166:RUS"),
        Entity("E5", "Geneva", "GPE", b.mentions("Geneva", "GENEVA", ("Geneva", 1)),
               country="CHE", lat=46.2022, lon=6.1457, gazetteer_id="geonames:2660646"),
        Entity("E6", "Kyiv", "GPE", b.mentions("Kyiv"), country="UKR", lat=50.45, lon=30.52,
               gazetteer_id="geonames:703448"),
        Entity("E7", "Donetsk", "GPE", b.mentions("Donetsk"), country="UKR", lat=48.0, lon=37.8,
               gazetteer_id="geonames:709717"),
    ]  # fmt: skip
    quotes = [
        b.quote(
            "We are closer than we have been in months, and Ukraine knows it,", "direct", "E1", "told", ("Lopez", 1)
        ),
        b.quote("Nobody leaves this room until the guns fall silent across the whole front.", "block", "E1"),
    ]
    events = [
        Event("CONSULT", b.span("reopened talks"), source=["E2"], target=["E3", "E4"], location="E5",
              date="2024-03-12", modality="asserted"),
        Event("AID", b.span("offering"), source=["E2"], target=["E3"], date="2024-03-12", modality="hypothetical",
              mode="economic"),
        Event("ASSAULT", b.span("shelled"), source=["E6"], target=["E7"], location="E7", date="2024-03-10",
              modality="reported", speaker="E4", mentions=[b.span("a claim Ukraine denied")]),
    ]  # fmt: skip
    return b.article(
        "Ceasefire talks resume in Geneva",
        published="2024-03-12",
        source="Example Wire",
        url="https://example.org/geneva-talks",
        entities=ents,
        quotes=quotes,
        events=events,
        amounts=[
            b.amount("$2.5 billion", 2.5e9, "money", "USD"),
            b.amount("30 days", 30, "duration"),
            b.amount("about 300 delegates", 300, "delegates", qualifier="about"),
        ],
        dates=[b.date("Tuesday", "2024-03-12"), b.date("March 10", "2024-03-10"), b.date("Thursday", "2024-03-14")],
        framing=[
            Descriptor("E1", *b.find("a veteran diplomat"), construction="apposition", tone=0.4),
            Descriptor("E1", *b.find("envoy"), construction="compound"),
        ],  # fmt: skip
    )


def _dhaka() -> Article:
    b = Builder()
    b.para("Floods displace thousands in Dhaka", "title")
    b.para(
        "DHAKA — Monsoon floods have forced more than 12,000 families from their homes in Bangladesh, "
        "the Red Cross said on Monday, appealing for $40 million in emergency funds."
    )
    b.para(
        '"The water is still rising," said Ahmed Karim, a Red Cross spokesman in Dhaka. '
        "Maria Lopez of the United Nations pledged support."
    )
    ents = [
        Entity("E1", "Bangladesh", "GPE", b.mentions("Bangladesh"), country="BGD", lat=24.0, lon=90.0),
        Entity("E2", "Dhaka", "GPE", b.mentions("DHAKA", "Dhaka"), country="BGD", lat=23.81, lon=90.41,
               gazetteer_id="geonames:1185241"),
        Entity("E3", "Red Cross", "ORG", b.mentions("Red Cross", ("Red Cross", 1))),
        Entity("E4", "Ahmed Karim", "PERSON", b.mentions("Ahmed Karim"), titles=["spokesman"]),
        Entity("E5", "Maria Lopez", "PERSON", b.mentions("Maria Lopez")),
        Entity("E6", "United Nations", "ORG", b.mentions("United Nations")),
    ]  # fmt: skip
    return b.article(
        "Floods displace thousands in Dhaka",
        published="2024-03-04",
        source="Example Wire",
        entities=ents,
        quotes=[b.quote("The water is still rising,", "direct", "E4", "said")],
        events=[
            Event("AID", b.span("appealing"), source=["E3"], target=["E1"], location="E2", date="2024-03-04"),
            Event("AID", b.span("pledged support"), source=["E6"], target=["E1"], date="2024-03-04"),
        ],
        amounts=[
            b.amount("more than 12,000 families", 12000, "families", qualifier="more than"),
            b.amount("$40 million", 4e7, "money", "USD"),
        ],
        dates=[b.date("Monday", "2024-03-04")],
        framing=[Descriptor("E4", *b.find("a Red Cross spokesman"), construction="apposition")],
    )


def _nairobi() -> Article:
    b = Builder()
    b.para("Protests in Nairobi over fuel prices", "title")
    b.para(
        "NAIROBI — Thousands marched through Nairobi on February 20 to protest a 15% rise in fuel prices. "
        "Police fired tear gas, witnesses said, and Kenya's interior ministry promised an inquiry."
    )
    ents = [
        Entity("E1", "Nairobi", "GPE", b.mentions("NAIROBI", "Nairobi"), country="KEN", lat=-1.286, lon=36.817),
        Entity("E2", "Kenya", "GPE", b.mentions("Kenya"), country="KEN", lat=0.5, lon=37.9),
        Entity("E3", "Police", "ORG", b.mentions("Police"), country="KEN"),
    ]
    return b.article(
        "Protests in Nairobi over fuel prices",
        published="2024-02-20",
        source="Other Times",
        entities=ents,
        events=[
            Event("PROTEST", b.span("marched"), location="E1", date="2024-02-20"),
            Event(
                "ASSAULT",
                b.span("fired tear gas"),
                source=["E3"],
                location="E1",
                date="2024-02-20",
                modality="reported",
            ),
        ],  # fmt: skip
        amounts=[b.amount("15%", 15, "percent")],
        dates=[b.date("February 20", "2024-02-20")],
    )


def sample_articles() -> list[Article]:
    """Three small wire stories with overlapping facts of every kind."""
    return [_geneva(), _dhaka(), _nairobi()]


def graded_article() -> Article:
    """A story whose facts carry confidences on both sides of MIN_CONFIDENCE (0.5):
    a sure quote and a doubtful one, a sure event and a doubtful one, a doubtful place."""
    b = Builder()
    b.para("Port Verde council votes on the ferry", "title")
    b.para(
        'Councillor Rosa Ibarra said "the ferry keeps this island alive" before the vote. '
        'As she concluded "the debate", workers picketed the ferry office in Port Verde.'
    )
    ents = [
        Entity("E1", "Rosa Ibarra", "PERSON", b.mentions("Rosa Ibarra"), titles=["Councillor"], confidence=0.9),
        Entity("E2", "Port Verde", "GPE", b.mentions("Port Verde"), country="CPV", confidence=0.15),
    ]
    sure = b.quote("the ferry keeps this island alive", "direct", "E1", cue="said")
    sure.confidence = 0.92
    doubtful = b.quote("the debate", "direct", "E1", cue="concluded")
    doubtful.confidence = 0.2
    return b.article(
        "Port Verde council votes on the ferry",
        published="2024-05-02",
        source="Island Post",
        entities=ents,
        quotes=[sure, doubtful],
        events=[
            Event("PROTEST", b.span("picketed"), source=["E1"], date="2024-05-02", confidence=0.85),
            Event("ASSAULT", b.span("concluded"), source=["E1"], target=["E2"], date="2024-05-02", confidence=0.1),
        ],
    )


_PLACES = [
    ("Geneva", "CHE", 46.2, 6.14), ("Kyiv", "UKR", 50.45, 30.52), ("Dhaka", "BGD", 23.81, 90.41),
    ("Nairobi", "KEN", -1.29, 36.82), ("Lima", "PER", -12.05, -77.04), ("Jakarta", "IDN", -6.2, 106.85),
    ("Ottawa", "CAN", 45.42, -75.7), ("Cairo", "EGY", 30.04, 31.24), ("Manila", "PHL", 14.6, 120.98),
]  # fmt: skip
_PEOPLE = ["Ana Silva", "John Okafor", "Li Wei", "Fatima Noor", "Pavel Orlov", "Grace Mensah", "Omar Haddad"]
_ORGS = ["Red Cross", "United Nations", "World Bank", "Interior Ministry", "Harbour Authority"]
_TYPES = ["PROTEST", "ASSAULT", "AID", "CONSULT", "ACCUSE", "COOPERATE", "THREATEN", "MOBILIZE"]
_WORDS = ("officials report that the situation remains tense while negotiators weigh further steps and "
          "residents wait for news about supplies roads power and schools across the region").split()  # fmt: skip


def synthetic_article(i: int, paragraphs: int = 8) -> Article:
    """A varied ~500-word article with entities, a quote, events, figures and dates."""
    rng = random.Random(i)
    place, country, lat, lon = rng.choice(_PLACES)
    person, org, etype = rng.choice(_PEOPLE), rng.choice(_ORGS), rng.choice(_TYPES)
    day = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    b = Builder()
    b.para(f"Report {i}: {org} and {person} in {place}", "title")
    b.para(f"{place.upper()} — {org} said on {day} that {rng.randint(2, 900)} people had gathered in {place}.")
    b.para(f'"We will not stop until this is settled," {person} said, as the {etype.lower()} continued.')
    for _ in range(paragraphs - 3):
        b.para(" ".join(rng.choice(_WORDS) for _ in range(60)).capitalize() + f" in {place}.")
    n_place = b.text.count(place)
    start = b.find(f"the {etype.lower()} continued")[0] + 4
    trigger = Span(start, start + len(etype), etype.lower())
    ents = [
        Entity("E1", place, "GPE", b.mentions(*[(place, k) for k in range(n_place)]), country=country, lat=lat,
               lon=lon),
        Entity("E2", org, "ORG", b.mentions(org, (org, 1))),
        Entity("E3", person, "PERSON", b.mentions(person, (person, 1))),
    ]  # fmt: skip
    return b.article(
        f"Report {i}: {org} and {person} in {place}",
        published=day,
        source=rng.choice(["Example Wire", "Other Times", "Daily Sample"]),
        entities=ents,
        quotes=[b.quote("We will not stop until this is settled,", "direct", "E3", "said")],
        events=[Event(etype, trigger, source=["E2"], target=["E3"], location="E1", date=day)],
        amounts=[b.amount(b.text.split(" that ")[1].split(" had")[0], None, "people")],
        dates=[b.date(day, day)],
    )
