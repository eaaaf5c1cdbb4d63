"""``newsgraph_paragraph_breaks_v1``: a blank line ends a sentence, before the parser reads the text.

spaCy's parser decides sentence boundaries itself, and a headline without a full stop, a byline and
a dateline ("Peru recalls envoy\\n\\nBy Staff Reporter\\n\\nLIMA — ...") come out as one sentence whose
parse ties the headline's verb to a name in the dateline.  A paragraph break is a sentence boundary
in every news text we read, so the first token after one is marked as a sentence start; the parser
keeps boundaries that are already set and places the others.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["mark_paragraph_starts", "make_paragraph_breaks"]


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Mark the first word after a blank line (a whitespace token or trailing space holding two line
    breaks) as a sentence start."""
    after_break = False
    for tok in doc:
        if tok.is_space:
            after_break = after_break or tok.text.count("\n") >= 2
            continue
        if after_break and tok.i > 0:
            tok.is_sent_start = True
        after_break = tok.whitespace_.count("\n") >= 2
    return doc


@Language.factory("newsgraph_paragraph_breaks_v1", assigns=["token.is_sent_start"])
def make_paragraph_breaks(nlp: Language, name: str):
    return mark_paragraph_starts
