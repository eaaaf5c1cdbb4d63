"""A generated corpus of short, distinct wire stories, for batch, crash and resume tests."""

from __future__ import annotations

import json
from pathlib import Path

CITIES = ["Lagos", "Accra", "Dakar", "Nairobi", "Kampala", "Lusaka", "Harare", "Maputo", "Luanda", "Kigali"]
PEOPLE = ["Amara Okafor", "Kwame Mensah", "Fatou Diop", "Grace Wanjiru", "Joseph Okello"]


def make_corpus(path: Path, n: int) -> Path:
    """``n`` distinct short wire stories in one JSONL file."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            city, other, person = CITIES[i % 10], CITIES[(i + 3) % 10], PEOPLE[i % 5]
            text = (
                f"{city} and {other} signed a transport agreement on day {i} of the summit. "
                f'"This road will carry {i + 2} thousand lorries a year," said {person}, the trade minister. '
                f"The project will cost about ${i + 5} million, officials in {city} said."
            )
            fh.write(json.dumps({"text": text, "title": f"Transport deal {i}"}) + "\n")
    return path
