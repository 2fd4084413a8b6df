"""Selectors and the four re-anchoring steps, one behaviour at a time; the matcher against a plain DP."""

from __future__ import annotations

import random
import time

from hypothesis import given
from hypothesis import strategies as st

from app.anchoring import CONTEXT, anchor_at, myers_distances, reanchor
from app.model import Anchor

from tests.unit.app.anchoring_cases import VOCABULARY

TEXT = (
    "1. Apologies were received from Cllr Patel and Cllr Osei.\n"
    "2. The Clerk reported that the precept for 2026 would rise by 3 per cent.\n"
    "3. Resolved: to approve the budget as presented, subject to the audit.\n"
    "4. The Clerk reported that the footpath at Mill Lane had been repaired.\n"
)


def _edit_distances(pattern: str, text: str, anchored: bool) -> list[tuple[int, int]]:
    """Textbook dynamic programme, column by column, for checking the bit-parallel matcher."""
    column = list(range(len(pattern) + 1))
    found = []
    for j, char in enumerate(text, start=1):
        previous, column = column, [j if anchored else 0]
        for i, wanted in enumerate(pattern, start=1):
            column.append(min(previous[i] + 1, column[i - 1] + 1, previous[i - 1] + (wanted != char)))
        found.append((j, column[-1]))
    return found


@given(st.text("abc ", min_size=1, max_size=70), st.text("abcd ", max_size=60), st.booleans())
def test_bit_parallel_matcher_agrees_with_dynamic_programming(
    pattern: str, text: str, anchored: bool
) -> None:
    assert list(myers_distances(pattern, text, anchored=anchored)) == _edit_distances(pattern, text, anchored)


def test_selectors_hold_quote_and_64_characters_each_side() -> None:
    start = TEXT.index("approve the budget")
    anchor = anchor_at(TEXT, start, start + len("approve the budget"), page=3)
    assert anchor.quote == "approve the budget" and anchor.page == 3
    assert len(anchor.prefix) == len(anchor.suffix) == CONTEXT
    assert TEXT[start - CONTEXT : start] == anchor.prefix


def test_unchanged_text_keeps_position() -> None:
    start = TEXT.index("precept")
    placement = reanchor(anchor_at(TEXT, start, start + 7), TEXT)
    assert placement.state == "anchored" and placement.anchor.start == start


def test_repeated_quote_follows_its_own_context_when_text_moves() -> None:
    second = TEXT.index("The Clerk reported", 100)
    anchor = anchor_at(TEXT, second, second + len("The Clerk reported"))
    new = "0. Chair's welcome.\n" + TEXT.replace("Cllr Osei", "Cllr Osei and Cllr Brown")
    placement = reanchor(anchor, new)
    assert placement.state == "anchored"
    assert placement.anchor.start == new.index("The Clerk reported", 100)
    assert "footpath" in placement.anchor.suffix


def test_short_quote_without_its_context_is_not_guessed() -> None:
    start = TEXT.index("Mill Lane")
    anchor = anchor_at(TEXT, start, start + 4)  # "Mill"
    new = "Item: Mill Road closure noted.\n" + TEXT[: TEXT.index("4.")]
    assert reanchor(anchor, new).state == "orphaned"


def test_reworded_passage_is_moved_and_reads_the_new_words() -> None:
    start = TEXT.index("the precept for 2026 would rise by 3 per cent")
    anchor = anchor_at(TEXT, start, start + len("the precept for 2026 would rise by 3 per cent"))
    new = TEXT.replace("would rise by 3 per cent", "would rise by 3.5 per cent")
    placement = reanchor(anchor, new)
    assert placement.state == "moved"
    assert placement.anchor.quote == "the precept for 2026 would rise by 3.5 per cent"


def test_deleted_passage_is_an_orphan_that_keeps_its_words() -> None:
    start = TEXT.index("Resolved")
    anchor = anchor_at(TEXT, start, TEXT.index("\n", start))
    placement = reanchor(anchor, TEXT.replace(TEXT[start - 3 : TEXT.index("\n", start) + 1], ""))
    assert placement.state == "orphaned"
    assert (placement.anchor.start, placement.anchor.end) == (None, None)
    assert placement.anchor.quote.startswith("Resolved: to approve")


def test_a_deleted_passage_is_not_moved_onto_its_old_neighbours() -> None:
    # Found by the re-anchoring rates' generator: once the passage and a few words around it are
    # cut, the words that close in on the gap ("…meeting. maintenance. should") resemble the quote
    # within its error allowance; they are its old context, so the note is orphaned, not moved.
    old = (
        "litter: seconded; recommend. meeting. drainage assessment district. consider maintenance "
        "police meeting the \n1974. minutes deferred meeting. maintenance. should each, all; drainage."
    )
    new = (
        "litter: seconded; recommend. meeting. drainage assessment diutes deferred meeting. "
        "maintenance. to co-option website; police from. is speed session."
    )
    start = old.index("sider maintenance po")
    placement = reanchor(anchor_at(old, start, start + 20), new)
    assert placement.state == "orphaned"
    assert placement.anchor.quote == "sider maintenance po"


def test_an_orphan_finds_its_passage_when_it_comes_back() -> None:
    start = TEXT.index("approve the budget")
    anchor = anchor_at(TEXT, start, start + len("approve the budget"))
    orphan = reanchor(anchor, "Nothing to see.").anchor
    placement = reanchor(orphan, TEXT)
    assert placement.state == "anchored" and placement.anchor.start == start


def test_whole_document_note_follows_the_document() -> None:
    placement = reanchor(Anchor(None, None), TEXT)
    assert placement.state == "anchored" and placement.anchor.start is None


def test_fuzzy_search_in_a_long_paper_stays_quick() -> None:
    long_text = (TEXT * 900)[:-200] + "\n9. The chair thanked the volunteers who cleared the pond."
    start = long_text.index("thanked the volunteers")
    anchor = anchor_at(long_text, start, start + len("thanked the volunteers who cleared"))
    new = long_text.replace("who cleared the pond", "who had cleaned the pond")
    began = time.perf_counter()
    placement = reanchor(anchor, new)
    assert time.perf_counter() - began < 2.0
    assert placement.state == "moved" and placement.anchor.quote == "thanked the volunteers who had cleaned"


def test_letters_inside_a_longer_word_are_not_the_same_words() -> None:
    start = TEXT.index("approve the budget")
    anchor = anchor_at(TEXT, start, start + len("approve the budget"))
    placement = reanchor(anchor, TEXT.replace("the budget as", "the budgets as"))
    assert placement.state == "moved" and placement.anchor.quote == "approve the budgets"


def test_a_long_highlight_with_an_insertion_is_found_quickly() -> None:
    words = random.Random(7).choices(VOCABULARY, k=30_000)
    long_text = " ".join(words)
    start = len(long_text) // 2
    anchor = anchor_at(long_text, start, start + 4000)
    new = long_text[: start + 1500] + "(text added in the approved version) " + long_text[start + 1500 :]
    began = time.perf_counter()
    placement = reanchor(anchor, new)
    assert time.perf_counter() - began < 3.0
    assert placement.state == "moved"
    assert "(text added in the approved version)" in placement.anchor.quote
