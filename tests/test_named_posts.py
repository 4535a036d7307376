"""The post a named person holds, read beside the name (search_api/named_posts.py)."""

from __future__ import annotations

import pytest

from search_api.answer import answer_question
from search_api.named_posts import asked_person, post_of, restates


@pytest.mark.parametrize(
    "question, person",
    [
        ("What job did Mary Harpley hold before becoming GLA Chief Officer?", "Mary Harpley"),
        ("Which position does Tunde Olayinka have?", "Tunde Olayinka"),
        ("What was Philippa Hird’s role?", "Philippa Hird"),
        ("What is the job title of Debbie Jackson?", "Debbie Jackson"),
        # The job someone was doing, or the role they performed, is the post they held.
        ("What job was Mary Harpley doing when she was picked as Chief Officer?", "Mary Harpley"),
        ("What role was Philippa Hird performing at the time?", "Philippa Hird"),
        # Not a named person's post: the record's question, and a post asked of a programme.
        ("What post did the person who approved ADD2793 hold?", None),
        ("What role does the London Food Board play?", None),
    ],
)
def test_the_person_whose_post_is_asked(question, person):
    assert asked_person(question) == person


def _post(text: str, person: str) -> str | None:
    found = post_of(text, person)
    return text[found[0] : found[1]] if found else None


def test_the_post_is_what_the_page_sets_beside_the_name():
    # corpus/gla MD2306: the post runs to ", as …", past the word "currently".
    md2306 = (
        "they wish to appoint Mary Harpley, currently Chief Executive of the London Borough of Hounslow, "
        "as the Greater London Authority’s (GLA) Chief Officer"
    )
    assert _post(md2306, "Mary Harpley") == "Chief Executive of the London Borough of Hounslow"
    # A sign-off line: the post with its portfolio, to the line's end.
    assert _post("Decision by: Philip Graham, Executive Director, Good Growth\n", "Philip Graham") == (
        "Executive Director, Good Growth"
    )
    # MD3298: "a former" leads in; the post ends at ", was appointed".
    md3298 = "Philippa Hird, a former Chair of the NHS Pay Review Body, was appointed to undertake a review"
    assert _post(md3298, "Philippa Hird") == "Chair of the NHS Pay Review Body"
    # Words after a name that hold no word of office are no post.
    assert _post("a grant to Mary Harpley, Hounslow and Brent", "Mary Harpley") is None


def test_a_named_person_s_post_is_answered_from_the_page(full_index, full_settings):
    found = answer_question(
        full_index, "What was Mary Harpley's job before she became the GLA's Chief Officer?", full_settings
    )
    assert found.answer == "Chief Executive of the London Borough of Hounslow"
    assert found.citations and "Mary Harpley, currently" in found.citations[0].quote
    performing = answer_question(
        full_index,
        "What role was Mary Harpley performing when the Mayor appointed her Chief Officer?",
        full_settings,
    )
    assert performing.answer == found.answer and performing.citations[0].ref == "MD2306"


def test_the_post_the_question_names_is_not_its_answer(full_index, full_settings):
    # MD2306 names one post of Mary Harpley's, "Chief Executive of the London Borough of Hounslow":
    # asked the post she held before that one, the page has nothing to say.
    assert restates("Which post did she hold before she was Chief Executive of Hounslow?",
                    "Chief Executive of the London Borough of Hounslow")  # fmt: skip
    assert not restates("What job did she hold before becoming GLA Chief Officer?",
                        "Chief Executive of the London Borough of Hounslow")  # fmt: skip
    found = answer_question(
        full_index,
        "What post did Mary Harpley hold before she was Chief Executive of Hounslow?",
        full_settings,
    )
    assert not found.answered and "Mary Harpley" in found.explanation
