"""Find in a document's text: every case-insensitive occurrence of a few words, any spacing between them."""

from __future__ import annotations

import re

MAX_HITS = 10_000  # beyond this a search term is too common to be worth marking each time


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every `(start, end)` of `query` in `text`, ignoring case; a space matches any run of spacing."""
    words = query.split()
    if not words:
        return []
    # Text keeps its source's line breaks: "planning  application" across a line still matches.
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)
    hits = []
    for match in pattern.finditer(text):
        hits.append(match.span())
        if len(hits) >= MAX_HITS:
            break
    return hits
