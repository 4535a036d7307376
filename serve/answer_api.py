"""The answer endpoints: POST /api/answer with a JSON body and GET /api/answer?q=, one code path.

Included by serve.app; like the rest of the HTTP layer it imports only serve.http from the server.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from decisions.settings import MAX_QUERY_CHARS
from search_api.answer import answer_question
from search_api.retrieve import SearchTooExpensive
from search_api.schemas import ErrorOut, FilterParams, Filters, PassageOut

from .http import UserError, check_query, is_staff, loaded

router = APIRouter()

EXAMPLE = "How much is the Connecting Communities London investment?"
# Documented, so that clients (and schema fuzzers) know a blank question is invalid; enforced in
# _respond rather than by pydantic, whose message ("should match pattern '\\S'") says less.
SCHEMA_WHITESPACE = " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
NOT_BLANK = {"minLength": 1, "pattern": r"\S"}
RESPONSES = {
    422: {"model": ErrorOut, "description": "The question is empty or too long, or a filter is invalid"},
    503: {"model": ErrorOut, "description": "No usable index; the message says how to build one"},
}


class AnswerRequest(FilterParams):
    """A question, and optional filters (they win over filters read from the question's words)."""

    question: str = Field(max_length=MAX_QUERY_CHARS, json_schema_extra=NOT_BLANK, examples=[EXAMPLE],
                          description="A question in plain English; filters such as 'since 2018' are read from it")  # fmt: skip

    model_config = {"json_schema_extra": {"examples": [{"question": EXAMPLE}, {
        "question": "How much has been approved for community engagement since 2018?", "type": "mayoral"}]}}  # fmt: skip


class CitationOut(BaseModel):
    ref: str | None = Field(description="Reference code of the decision; null for documents without one",
                            examples=["MD2848"])  # fmt: skip
    decision_id: str = Field(description="The decision's id in this index")
    title: str
    paragraph: str | None = Field(
        None, description="Paragraph number, when the passage has one", examples=["2.7"]
    )
    chunk_id: str = Field(description="The indexed passage the quote comes from")
    text: str = Field(description="The whole passage")
    quote: str = Field(description="The exact sentence or lines of the passage the answer comes from",
                       examples=["2.7 Connecting Communities London investment of £402,000 (across two years), …"])  # fmt: skip
    url: str = Field(
        description="Link to the passage in its decision page", examples=["/decisions/MD2848#p-2.7"]
    )


class AnswerOut(BaseModel):
    question: str
    answered: bool = Field(description="False when the decisions do not answer the question")
    answer: str = Field(description="The answer, every word of it taken from the cited quotes (empty when not "
                        "answered); a total over several decisions is stated as their sum", examples=["£402,000"])  # fmt: skip
    confidence: float = Field(ge=0.0, le=1.0, description="How sure the answerer is, from 0 to 1")
    citations: list[CitationOut] = Field(description="The passages that prove the answer")
    filters: Filters = Field(description="Filters applied, including those read from the question")
    explanation: str | None = Field(None, description="Why there is no answer, or how the answer was made")
    related: list[PassageOut] = Field(
        default_factory=list, description="When not answered: the nearest passages"
    )


def _respond(request: Request, question: str, filters: FilterParams) -> dict:
    # The schema's \S follows JSON Schema, where control characters such as U+001D are not
    # white space though Python's str.strip() removes them: refuse only what the schema refuses.
    if not question.strip(SCHEMA_WHITESPACE):
        raise UserError(
            422, "Empty question", "give a question to answer, e.g. 'How much was approved for X?'"
        )
    check_query(request, question)
    try:
        answer = answer_question(loaded(request), question, request.app.state.settings, filters=filters.chosen(),
                                 staff=is_staff(request))  # fmt: skip
    except SearchTooExpensive as exc:
        raise UserError(422, "Question too expensive", str(exc)) from exc
    return asdict(answer)


@router.post(
    "/api/answer", response_model=AnswerOut, responses=RESPONSES, summary="Answer a question, with citations"
)
def post_answer(request: Request, body: AnswerRequest):
    """Answer from the decisions, quoting the passages the answer comes from, or say it is not found."""
    return _respond(request, body.question, body)


@router.get(
    "/api/answer", response_model=AnswerOut, responses=RESPONSES, summary="Answer a question (GET form)"
)
def get_answer(
    request: Request,
    q: Annotated[
        str,
        Query(
            max_length=MAX_QUERY_CHARS,
            json_schema_extra=NOT_BLANK,
            description="The question",
            examples=[EXAMPLE],
        ),
    ],  # fmt: skip
    filters: Annotated[FilterParams, Query()],
):
    """The same answer as POST /api/answer, for links and quick use from a browser."""
    return _respond(request, q, filters)
