"""Organisations: the intergovernmental ones (never a country's actor) and the country an
organisation is named after ("Nigerian Union of Teachers" -> NGA)."""

from __future__ import annotations

from .gazetteer import get_gazetteer
from .lexicon import ORG_KIND_NAME_WORDS, WORKER_UNION_HEADS

__all__ = ["IGO_NAMES", "is_igo_name", "named_country", "organisation_kinds", "without_leading_country"]

IGO_NAMES = frozenset(
    x.lower()
    for x in (
        "NATO",
        "European Union",
        "EU",
        "United Nations",
        "UN",
        "U.N.",
        "OSCE",
        "World Health Organization",
        "WHO",
        "International Monetary Fund",
        "IMF",
        "World Bank",
        "African Union",
        "ASEAN",
        "OPEC",
        "G7",
        "G-7",
        "G20",
        "G-20",
        "Arab League",
        "Security Council",
        "UN Security Council",
        "WTO",
        "World Trade Organization",
        "IAEA",
        "Interpol",
        "European Commission",
        "European Council",
        "OAS",
        "ECOWAS",
        "Council of Europe",
        "APEC",
        "Asia-Pacific Economic Cooperation",
        "Organization of American States",
        "Gulf Cooperation Council",
        "GCC",
        "International Criminal Court",
        "ICC",
        "European Parliament",
        "Commonwealth",
        "SCO",
        "CSTO",
    )
)


def is_igo_name(names: list[str]) -> bool:
    """Whether any of an organisation's names is an intergovernmental organisation's."""
    return any(n.lower() in IGO_NAMES for n in names)


def named_country(name: str) -> str | None:
    """The country an organisation is named after: a leading nationality or country ("Nigerian Union of
    Teachers", "Kenya Anti-Corruption Commission") or a closing "of <country>" ("... Independence of Angola")."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2:
        return None
    gaz = get_gazetteer()

    def country_of(text: str) -> str | None:
        found = {p.country for p in gaz.lookup(text) if p.kind in ("country", "nationality") and p.country}
        if len(found) == 1 and not any(
            p.kind not in ("country", "nationality") and p.notable for p in gaz.lookup(text)[:1]
        ):
            return next(iter(found))
        return None

    for n in (2, 1):
        if len(words) > n:
            c = country_of(" ".join(words[:n]))
            if c:
                return c
    lowered = [w.lower() for w in words]
    if "of" in lowered:
        tail = words[len(lowered) - 1 - lowered[::-1].index("of") + 1 :]
        if tail and len(tail) <= 3:
            return country_of(" ".join(tail))
    return None


def without_leading_country(name: str) -> str:
    """``name`` without a leading country or nationality of one or two words ("Canadian Fisheries
    Protection Service" -> "Fisheries Protection Service"); ``name`` itself when it has none."""
    words = name.split()
    gaz = get_gazetteer()
    for n in (2, 1):
        if len(words) > n + 1 and any(p.kind in ("country", "nationality") for p in gaz.lookup(" ".join(words[:n]))):
            return " ".join(words[n:])
    return name


def organisation_kinds(name: str) -> frozenset[str]:
    """The kinds of organisation a name tells (``lexicon.ORG_KIND_NAME_WORDS``): "Harbour Foods Ltd" ->
    {"business"}, "Ministry of Transport" -> {"government"}; empty when the name tells none ("Acme").  An
    intergovernmental organisation is none of them (the World Bank is no business, the European Union no
    trade union)."""
    if is_igo_name([name]):
        return frozenset()
    words = [w.strip(".,()'’").lower() for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return frozenset()
    kinds = frozenset(
        kind
        for kind, names, last_only in ORG_KIND_NAME_WORDS
        if (words[-1] in names if last_only else names & set(words))
    )
    head = words[: words.index("of")] if "of" in words[1:] else words  # "... Workers of Canada"
    if head[-1] in WORKER_UNION_HEADS:
        kinds |= {"union"}
    # a party is no trade union, whatever its name says of workers ("Workers Party")
    return kinds - {"union"} if "party" in kinds else kinds
