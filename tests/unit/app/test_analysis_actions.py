"""Agreed actions and their owners."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import ingest
from app.analysis import analyze
from app.model import Action

from tests.unit.app.minutes_truth import analysed, cases, key, norm, phrase, truth


def _actions(tmp_path: Path, text: str) -> list[Action]:
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    return [action for item in analyze(ingest.load(path)).items for action in item.actions]


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.stem)
def test_agreed_actions_of_each_fixture_are_found_under_their_item(case: Path) -> None:
    # Numbers may repeat (a part restarting at 1, lettered sub-items): items pair up in order.
    for item, want in zip(analysed(case).items, truth(case)["items"], strict=True):
        assert key(item.number) == key(want["number"])
        texts = [norm(action.text) for action in item.actions]
        for sentence in want.get("actions", []):
            assert any(phrase(sentence) in text for text in texts), (sentence, texts)


def test_owners_are_read_from_names_initials_and_labels(tmp_path: Path) -> None:
    actions = _actions(
        tmp_path,
        "1. Playground\n\nThe swings are worn.\nTerri Hacking will provide a quote for new chains.\n"
        "NO to draft a response to the residents.\n\n"
        "2. Footpaths\n\nThe path by the green is flooded. Report to County Highways. Action: Clerk\n\n"
        "3. Hall\n\nIt was agreed that:\n· Cllr Patel will contact the caretaker\n· new blinds be ordered\n\n"
        "4. Close\n\nThe report will be published next week.\n",
    )
    assert [(action.owner, action.text.split()[0]) for action in actions] == [
        ("Terri Hacking", "Terri"),
        ("NO", "NO"),
        ("Clerk", "The"),
        ("Cllr Patel", "·"),
        (None, "·"),
    ]


def test_actions_have_offsets_into_the_text(tmp_path: Path) -> None:
    text = "1. Trees\n\nAM & BM to inspect the churchyard trees before winter.\n"
    (action,) = _actions(tmp_path, text)
    assert action.owner == "AM & BM"
    assert text[action.start : action.end] == action.text


def test_tasks_agreed_in_a_sentence(tmp_path: Path) -> None:
    actions = _actions(
        tmp_path,
        "5. Car Park\n\nThe surface is poor. It was agreed that the Clerk would obtain two quotes. "
        "It was agreed that the report be noted.\n",
    )
    assert [(action.text, action.owner) for action in actions] == [
        ("It was agreed that the Clerk would obtain two quotes.", "the Clerk")
    ]


def test_an_indefinite_pronoun_is_no_owner(tmp_path: Path) -> None:
    actions = _actions(
        tmp_path,
        "6. Working groups\n\na) Woodland group\nNothing to report\nb) Footpaths group\n"
        "Everyone to note the new stile. RB to repair the gate.\n",
    )
    assert [(action.text, action.owner) for action in actions] == [("RB to repair the gate.", "RB")]


def test_a_hard_wrapped_action_runs_to_its_full_stop(tmp_path: Path) -> None:
    actions = _actions(
        tmp_path,
        "4. Planning applications\n\n"
        "The application for six flats on Quarry Lane was discussed at length, and\n"
        "members objected to the loss of parking. Treasurer to send the objection to\n"
        "the planning authority by 30th April. Members were concerned. The Vice-Chair\n"
        "agreed to speak to the ward councillor about the verges.\n\n"
        "5. Grants\n\nA motion by Cllr Ames to award the grant to the village hall for new\n"
        "Playgroup to Open Days was carried.\n",
    )
    assert [(action.text, action.owner) for action in actions] == [
        ("Treasurer to send the objection to\nthe planning authority by 30th April.", "Treasurer"),
        ("The Vice-Chair\nagreed to speak to the ward councillor about the verges.", "The Vice-Chair"),
    ]


def test_undertakings_requests_and_directions_are_actions(tmp_path: Path) -> None:
    actions = _actions(
        tmp_path,
        "7. Roads\n\nThe Head of Transport Planning undertook to publish the survey results. "
        "Mr. Kerr agreed to check the culvert. Members asked for the gritting routes to be reviewed. "
        "A resident asked Council to repaint the crossing.\n\n"
        "8. Library\n\nThe librarian reported on visitor numbers. She will bring the opening hours "
        "review to the next meeting. By consensus, the Commission directed staff to seek quotes. "
        "Cllr Hale asked the Clerk to write to the owner.\n",
    )
    assert [(action.text, action.owner) for action in actions] == [
        ("The Head of Transport Planning undertook to publish the survey results.",
         "The Head of Transport Planning"),
        ("Mr. Kerr agreed to check the culvert.", "Mr. Kerr"),
        ("Members asked for the gritting routes to be reviewed.", None),
        ("She will bring the opening hours review to the next meeting.", None),
        ("By consensus, the Commission directed staff to seek quotes.", "staff"),
        ("Cllr Hale asked the Clerk to write to the owner.", "the Clerk"),
    ]


def test_numbered_action_labels_and_an_action_column(tmp_path: Path) -> None:
    actions = _actions(
        tmp_path,
        "2. Matters arising\n\nAction updates:\n  B12  Bin store lighting - done.\n\n"
        "3. Waste contract\n\nACTION 24-07: PT to issue the tender by the end of May.\n"
        "The panel asked about the depot lease, which ends next year and will\n"
        "need a decision before the budget is set.                    JW / PT\n",
    )
    assert [(action.text, action.owner) for action in actions] == [
        ("ACTION 24-07: PT to issue the tender by the end of May.", "PT"),
        ("The panel asked about the depot lease, which ends next year and will\n"
         "need a decision before the budget is set.", "JW / PT"),
    ]


def test_initials_that_spell_a_word_own_a_task_and_a_new_line_is_not_run_on(tmp_path: Path) -> None:
    actions = _actions(
        tmp_path,
        "3. Playground\n\nJuly24.02\nAS to ask the school about the gate.\nAction: IN to chase the quote\n"
        "Anne Lee reported a broken bench.\n",
    )
    assert [(action.text, action.owner) for action in actions] == [
        ("AS to ask the school about the gate.", "AS"),
        ("Action: IN to chase the quote", "IN"),
    ]


def test_a_post_in_title_case_owns_the_task_agreed_for_it(tmp_path: Path) -> None:
    actions = _actions(
        tmp_path,
        "4. Footways\n\nAfter discussion it was agreed that the Senior Assistant Engineer would survey "
        "Mill Lane.\n"
        "It was agreed that the Deputy Parish Clerk would obtain three quotes.\n"
        "The Principal Planning Officer will circulate the appeal decision.\n",
    )
    assert [action.owner for action in actions] == [
        "the Senior Assistant Engineer", "the Deputy Parish Clerk", "The Principal Planning Officer",
    ]


def test_a_motion_or_a_gerund_owns_no_task(tmp_path: Path) -> None:
    actions = _actions(
        tmp_path,
        "6. Procedure\n\nMotion to waive the notice period for the urgent item.\n"
        "Responding to and working to prevent fly-tipping has been a priority for the district.\n",
    )
    assert actions == []


def test_a_request_that_someone_act_is_an_action_and_a_rejected_option_is_none(tmp_path: Path) -> None:
    actions = _actions(
        tmp_path,
        "8. Budget Monitoring\n\nThe Committee asked that the Director of Finance circulate the reserves "
        "forecast.\n"
        "Councillor Imrie requested that the vacancy figures be reported each quarter.\n"
        "Alternative options considered\nNot to consult on the proposals: rejected.\n",
    )
    assert [(action.owner, action.text.split()[1]) for action in actions] == [
        ("Director of Finance", "Committee"), (None, "Imrie"),
    ]
