"""Reading coreference in tests: which entity each resolved word stands for."""

from __future__ import annotations


def references(nlp, text: str, *, last: bool = False) -> dict[str, str]:
    """Each word coreference resolved -> the name of the entity it stands for; of several words of one
    spelling, the first (or with ``last``, the last)."""
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.ng_entities}
    out: dict[str, str] = {}
    for i, eid in sorted(doc._.ng_coref.items()):
        if last or doc[i].text not in out:
            out[doc[i].text] = names[eid]
    return out
