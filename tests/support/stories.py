"""Hand-made articles about one happening told by several outlets, for the stories tests.

``wire_report`` is the original wire story (an arrest in Berlin); ``syndicated_copy``
is the same story as a client paper prints it (new headline, trimmed ending,
reflowed lines, a boilerplate paragraph, a light edit); ``rival_report`` tells the
same arrest in other words and quotes; ``same_company_results`` is another story on
the same company the same day.  No spaCy: facts are placed with the Builder.
"""

from __future__ import annotations

from newsgraph.model import Article, Descriptor, Entity, Event, Quote, article_id

from .sample import Builder

__all__ = ["wire_report", "syndicated_copy", "rival_report", "same_company_results", "story_articles"]

_LEAD = (
    "German police arrested Hans Keller, the chief executive of Acme Industries, at his home in Berlin "
    "on Monday morning over suspected fraud in the company's accounts, prosecutors said."
)
_BODY = [
    "Prosecutors said the investigation concerns payments of about 40 million euros that Acme Industries "
    "booked as sales to a distributor in Austria between 2019 and 2022, payments which auditors could "
    "not trace to any delivered goods.",
    '"We have evidence that the accounts were falsified on instruction from the top," prosecutor Maria '
    "Vogt told reporters outside the court, adding that two other managers were questioned.",
    "Acme Industries said in a statement that it was cooperating fully with the authorities and that its "
    "supervisory board would meet on Tuesday to appoint an interim chief executive.",
    "Shares of the engineering group fell 12 percent in Frankfurt trading after the news, wiping roughly "
    "800 million euros off its market value, the steepest fall since the company listed in 2011.",
    "Keller, who has led the company for nine years, denies wrongdoing, his lawyer said, and will "
    "challenge the arrest warrant before a judge later this week.",
]
_TAIL = (
    "Analysts at two banks said the arrest raised questions about governance at other mid-sized German "
    "industrial firms whose accounts were checked by the same auditing firm."
)


def _entities(b: Builder, names: list[tuple[str, str, str]]) -> list[Entity]:
    """(id, name as written, type) -> entities with every mention of that name."""
    out = []
    for eid, name, type_ in names:
        mentions, nth = [], 0
        while True:
            try:
                mentions.append(b.mentions((name, nth))[0])
            except ValueError:
                break
            nth += 1
        if mentions:
            country = "DEU" if name in ("Berlin", "Frankfurt") else None
            out.append(Entity(eid, name, type_, mentions, country=country))
    return out


_NAMES = [
    ("E1", "Hans Keller", "PERSON"),
    ("E2", "Acme Industries", "ORG"),
    ("E3", "Berlin", "GPE"),
    ("E4", "Maria Vogt", "PERSON"),
    ("E5", "Frankfurt", "GPE"),
]


def _arrest(b: Builder, trigger: str, date: str = "2024-03-04") -> Event:
    return Event("COERCE", b.span(trigger), mode="arrest", source=[], target=["E1"], location="E3", date=date)


def _article(b: Builder, title: str, source: str, published: str, url: str, **facts) -> Article:
    return Article(
        id=article_id(b.text),
        text=b.text,
        title=title,
        published=published,
        source=source,
        url=url,
        paragraphs=b.paragraphs,
        entities=_entities(b, _NAMES),
        **facts,
    )


def wire_report() -> Article:
    title = "German police arrest Acme Industries chief in fraud probe"
    b = Builder().para(title, "title").para(_LEAD)
    for para in _BODY:
        b.para(para)
    b.para(_TAIL)
    quote = Quote(
        *b.find("We have evidence that the accounts were falsified on instruction from the top"), "direct", "E4"
    )
    framing = [Descriptor("E1", *b.find("the chief executive of Acme Industries"), "apposition")]
    return _article(
        b, title, "Wire Service", "2024-03-04", "https://wire.example/acme", events=[_arrest(b, "arrested")],
        quotes=[quote], framing=framing,
    )  # fmt: skip


def syndicated_copy() -> Article:
    """The wire story as a client paper runs it."""
    title = "Acme boss held as prosecutors probe 40 million euro hole"
    lead = _LEAD.replace("on Monday morning", "on Monday")  # a light copy edit
    reflowed = [_reflow(p) for p in [lead, *_BODY[:4]]]  # the last body paragraph and the tail are cut
    b = Builder().para(title, "title")
    for para in reflowed:
        b.para(para)
    b.para("This story was provided by the Wire Service. Copyright 2024. All rights reserved.")
    framing = [Descriptor("E1", *b.find("the chief executive of Acme Industries"), "apposition")]
    return _article(
        b, title, "Daily Courier", "2024-03-04", "https://courier.example/news/acme-boss-held",
        events=[_arrest(b, "arrested")], framing=framing,
    )  # fmt: skip


def _reflow(text: str) -> str:
    """Hard line breaks where the client's layout put them (after commas here, so names stay whole)."""
    return text.replace(", ", ",\n")


def rival_report() -> Article:
    """The same arrest, told by another outlet in its own words and with its own quotes."""
    title = "Acme Industries chief executive Hans Keller detained in Berlin"
    b = (
        Builder()
        .para(title, "title")
        .para(
            "Hans Keller, the embattled boss of Acme Industries, was detained by police in Berlin on Monday, "
            "as prosecutors widened a fraud investigation into the engineering group's accounts."
        )
        .para(
            'Keller\'s lawyer called the arrest "a spectacle staged for the cameras" and said his client had '
            "always acted within the law and would be cleared."
        )
        .para(
            "Prosecutor Maria Vogt said investigators were examining payments to a distributor in Austria. "
            "Acme Industries shares slid in Frankfurt, and the fraud investigation weighed on the sector."
        )
    )
    quote = Quote(*b.find("a spectacle staged for the cameras"), "partial", None)
    framing = [Descriptor("E1", *b.find("the embattled boss of Acme Industries"), "apposition", tone=-0.4)]
    return _article(
        b, title, "Evening Ledger", "2024-03-05", "https://ledger.example/keller-detained",
        events=[_arrest(b, "detained")], quotes=[quote], framing=framing,
    )  # fmt: skip


def same_company_results() -> Article:
    """Another story on Acme the same day: its new wind turbine order, nothing about the arrest."""
    title = "Acme Industries wins Danish wind turbine order"
    b = (
        Builder()
        .para(title, "title")
        .para(
            "Acme Industries has won an order to supply gearboxes for 60 offshore wind turbines off the "
            "Danish coast, its largest contract in the renewable energy business, the company said."
        )
        .para(
            "The gearboxes will be built at the group's plant near Hamburg from next year and delivered in "
            "three batches, with the first turbines due to produce electricity in the winter of 2026."
        )
        .para(
            "The order strengthens the company's push into renewable energy equipment, which it expects to "
            "make up a third of revenue by the end of the decade, up from a tenth today."
        )
    )
    return _article(b, title, "Trade Weekly", "2024-03-04", "https://trade.example/acme-wind")


def story_articles() -> list[Article]:
    return [wire_report(), syndicated_copy(), rival_report(), same_company_results()]
