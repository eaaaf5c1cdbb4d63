"""The outlet's home country, read from what a document carries about its source (issue 12).

A national or local outlet writes mostly about its own country, so where the article's text leaves
a place open ("Millbrook", with no state or country named), the outlet's home is the reader's guess.
It is read, in order, from:

1. the country-code top-level domain of the document's URL, or of a source that is a host name:
   ``.gy`` -> Guyana, ``.co.uk`` -> United Kingdom, ``.com.au`` -> Australia.  Generic domains
   (``.com``, ``.org``, ``.news``) say nothing, nor do country codes sold as generic names
   (``.tv``, ``.io``, ``.co``, ``.fm`` ...) unless under a second level (``eltiempo.com.co``);
2. a country, a people, a first-level region or a city of a million named in the outlet's name
   (``og:site_name``, ``--source``) or in what its web page calls the site on its home link
   ("The First Daily Paper of Belize"): "Jamaica Observer", "The Irish Times", "Texas
   Tribune", "Los Angeles Times".  Two different countries named, or none, say nothing.

No list of outlets: only the codes of ISO 3166 (from pycountry) and the gazetteer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from .lexicon import collapse_spaces

__all__ = ["country_of_domain", "country_of_outlet_name", "outlet_country"]

# ccTLDs that differ from the ISO 3166 alpha-2 code of their country
_TLD_EXCEPTIONS = {"uk": "GB"}
# ccTLDs mostly sold as generic names: a country only under a second level ("x.com.co", "x.gov.tv")
_GENERIC_USE = frozenset("ac ad ai am cc cd cf co dj fm ga gg gq io la ly me ml ms nu sh so st tk to tv vc ws".split())
_SECOND_LEVELS = frozenset("ac co com edu gob gov govt net news nic or org".split())
# not countries: the European Union, the former Soviet Union
_NOT_COUNTRIES = frozenset({"eu", "su"})
_OUTLET_KINDS = ("country", "nationality", "admin1")
_BIG_CITY = 1_000_000
_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")


def _host(value: str) -> str | None:
    """The host name of a URL ("https://www.x.co.uk/a" -> "www.x.co.uk") or of a bare host name."""
    value = value.strip().lower()
    host = urlsplit(value).hostname if "://" in value else value.split("/")[0].split(":")[0]
    return host if host and _HOST.match(host) else None


@lru_cache(maxsize=512)
def country_of_domain(url_or_host: str | None) -> str | None:
    """ISO 3166 alpha-3 of the country whose top-level domain ``url_or_host`` is under, or None."""
    host = _host(url_or_host or "")
    if host is None:
        return None
    labels = host.split(".")
    tld = labels[-1]
    if len(tld) != 2 or tld in _NOT_COUNTRIES:
        return None
    if tld in _GENERIC_USE and not (len(labels) >= 3 and labels[-2] in _SECOND_LEVELS):
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=_TLD_EXCEPTIONS.get(tld, tld).upper())
    return country.alpha_3 if country is not None else None


def country_of_outlet_name(name: str | None, gazetteer) -> str | None:
    """ISO alpha-3 of the one country the outlet's name places it in ("Jamaica Observer"), or None."""
    if not name or gazetteer is None or _host(name) is not None and "." in name:
        return None
    words = [re.sub(r"['’]s$", "", w) for w in re.split(r"[^\w'’]+", collapse_spaces(name))]  # "Guyana's"
    words = [w for w in words if w.strip("'’")]
    found: set[str] = set()
    i = 0
    while i < len(words):
        for n in range(min(4, len(words) - i), 0, -1):  # the longest name first: "New York" before "York"
            phrase = " ".join(words[i : i + n])
            if not phrase[:1].isupper():
                continue
            place = next(
                (
                    p for p in gazetteer.lookup(phrase, include_alternate=False)[:3]
                    if p.country and (p.kind in _OUTLET_KINDS or p.kind == "city" and p.population >= _BIG_CITY)
                ),
                None,
            )  # fmt: skip
            if place is not None:
                found.add(place.country)
                i += n - 1
                break
        i += 1
    return found.pop() if len(found) == 1 else None


def outlet_country(url: str | None, source: str | None, gazetteer) -> str | None:
    """The outlet's home country (ISO alpha-3): its domain's country, else its name's; see the module."""
    return country_of_domain(url) or country_of_domain(source) or country_of_outlet_name(source, gazetteer)
