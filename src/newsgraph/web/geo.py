"""Country codes for the maps: the vendored world atlas keys countries by ISO
3166-1 numeric code, the store by alpha-3."""

from __future__ import annotations

from functools import lru_cache

import pycountry

__all__ = ["country_name", "numeric_code"]


@lru_cache(maxsize=512)
def _country(alpha3: str):
    try:
        return pycountry.countries.get(alpha_3=alpha3.upper())
    except (KeyError, LookupError, AttributeError):
        return None


def country_name(alpha3: str | None) -> str | None:
    """Common name for an alpha-3 code, or the code itself when unknown."""
    if not alpha3:
        return None
    c = _country(alpha3)
    if c is None:
        return alpha3
    return getattr(c, "common_name", None) or c.name


def numeric_code(alpha3: str | None) -> str | None:
    """ISO numeric code ("643" for RUS) as the atlas spells it, or None."""
    if not alpha3:
        return None
    c = _country(alpha3)
    return c.numeric if c is not None else None
