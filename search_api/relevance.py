"""Which retrieved decisions really match: the relevance floor behind honest counts.

The semantic list always returns neighbours, however unrelated, so counting every decision
it touches reports the whole index for "xyzzy qwertyuiop". A decision counts only when one
of its chunks holds a telling query word (as FTS5 matches it, stems included) or sits at
least SEMANTIC_FLOOR near the query's meaning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from decisions.words import keyword_tokens
from storage.base import Filters

from .index import LoadedIndex
from .retrieve import keyword_ranking, vector_scores

if TYPE_CHECKING:
    from .search import Ranked

# A decision counts as found when one of its chunks holds a query word (via FTS) or, failing
# that, sits at least this near the query's meaning (cosine of the best chunk, all-MiniLM-L6-v2).
# Measured on the whole corpus/ (147 decisions, 1,010 chunks): 20 nonsense, hostile and
# off-topic queries reach at most 0.34 ("kjhsdf 8723 kjh" 0.343, "football transfer rumours"
# 0.329, "xyzzy qwertyuiop" 0.212, "<script>alert(1)</script>" 0.135); misspellings the model
# half-reads 0.25–0.48 ("comunity engagment" 0.393, "communty engagemnt" 0.475); paraphrases of
# real topics with no shared word 0.45–0.69 ("money for local voluntary groups" → MD2848 0.450,
# "art on a plinth in a square" → MD2815 0.690). Every gold decision of the 72 tuning questions
# with references had keyword evidence, so the floor only decides semantic-only neighbours.
SEMANTIC_FLOOR = 0.42


def telling(token: str) -> bool:
    """A word that can show a decision matches: not a lone letter or a one- or two-digit number
    ("1" of "alert(1)" is in every numbered paragraph)."""
    return len(token) >= 2 and not (token.isdigit() and len(token) < 3)


def keyword_evidence(
    index: LoadedIndex, keyword_text: str, keyword_ranked: list[int], filters: Filters
) -> set[int]:
    """The keyword candidates that hold a telling query word (as FTS matches it: stems too)."""
    tokens = keyword_tokens(keyword_text)
    words = [t for t in tokens if telling(t)]
    held = [t for t in words if index.term_rows(t) > 0]
    if not held:
        return set()
    if len(words) == len(tokens):
        return set(keyword_ranked)
    # Rare: the query also has a lone digit or letter; rank once more without it.
    return set(keyword_ranking(index, " ".join(held), filters))


def matching(ranked: list[Ranked], evidence: set[int]) -> list[Ranked]:
    """Only decisions with a chunk that holds a query word or sits near the query's meaning."""
    return [r for r in ranked if not evidence.isdisjoint(r.chunk_scores)]


def semantic_evidence(index: LoadedIndex, vector: np.ndarray, nearest: list[int]) -> set[int]:
    """The nearest chunks that are near enough to count."""
    return {
        rowid for rowid, score in vector_scores(index, vector, nearest).items() if score >= SEMANTIC_FLOOR
    }
