""" "Did you mean …?": a misspelt query word corrected to a word the index itself uses.

The words and their counts come from the catalog's `vocabulary` table (indexer/vocabulary.py),
loaded once per generation. A word is corrected only when the index never uses it (nor another
form of it: "alert" beside "alerts"), and only to a word within two edits (one for short words) that at least two texts use — a word seen
once may itself be a typo. Among the candidates, fewer edits win, then the commoner word:
"comunity" → "community", "engagment" → "engagement".

No spelling library is installed in the project (checked: no rapidfuzz, Levenshtein,
symspellpy or jellyfish), so the edit distance is a small function here.
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass, field

from decisions.words import STOPWORDS, stem
from indexer.vocabulary import words_of

from .index import LoadedIndex

MAX_EDITS = 2
# Words this long or shorter allow one edit: two edits turn "script" into "scrap".
SHORT_WORD = 7
MIN_WORD = 4  # shorter words are too ambiguous to correct
MIN_TEXTS = 2
REMEMBERED = 5_000


@dataclass
class Vocabulary:
    counts: dict[str, int]
    stems: set[str]  # "alert" is no typo when the index says "alerts"
    # Candidates by (first two letters, length): a correction keeps the opening letters, which
    # typists rarely get wrong. In a 67,000-word vocabulary (this corpus's 3,530 words grown 20-fold
    # by random one-letter changes) a misspelt word took 12–50 ms with the first letter as key, and
    # 2–17 ms with two and the banded edit distance; each word is worked out once.
    buckets: dict[tuple[str, int], list[str]]
    corrected: dict[str, str | None] = field(default_factory=dict)  # remembered, a few thousand at most


_LOADED: weakref.WeakKeyDictionary[LoadedIndex, Vocabulary] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def vocabulary(index: LoadedIndex) -> Vocabulary:
    with _LOCK:
        found = _LOADED.get(index)
        if found is None:
            counts = index.vocabulary()
            buckets: dict[tuple[str, int], list[str]] = {}
            for word, texts in counts.items():
                if texts >= MIN_TEXTS:
                    buckets.setdefault((word[:2], len(word)), []).append(word)
            stems = {stem(word) for word in counts}
            found = _LOADED[index] = Vocabulary(counts, stems, buckets)
        return found


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours is one edit), or limit + 1 once
    it must exceed `limit`. Only the band of cells within `limit` of the diagonal can stay
    under it, so only those are computed."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    over = limit + 1
    previous2: list[int] = []
    previous = [j if j <= limit else over for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [i if i <= limit else over] + [over] * len(b)
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous2[j - 2] + 1)
            current[j] = min(best, over)
        if min(current) > limit:
            return over
        previous2, previous = previous, current
    return previous[-1]


def correct_word(vocab: Vocabulary, word: str) -> str | None:
    """The index's closest frequent word to one it never uses; None when there is none near."""
    if word not in vocab.corrected:
        if len(vocab.corrected) >= REMEMBERED:
            vocab.corrected.clear()
        vocab.corrected[word] = _closest(vocab, word)
    return vocab.corrected[word]


def _closest(vocab: Vocabulary, word: str) -> str | None:
    limit = 1 if len(word) <= SHORT_WORD else MAX_EDITS
    best: tuple[int, int, str] | None = None
    for length in range(len(word) - limit, len(word) + limit + 1):
        for candidate in vocab.buckets.get((word[:2], length), ()):
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                key = (distance, -vocab.counts[candidate], candidate)
                best = key if best is None or key < best else best
    return best[2] if best else None


def _as_typed(typed: str, word: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    return word.capitalize() if typed[:1].isupper() else word


def suggest(index: LoadedIndex, query: str) -> str | None:
    """The query with each misspelt word corrected ('comunity engagment' → 'community engagement'),
    or None when every word is known or none has a near neighbour."""
    vocab = vocabulary(index)
    corrections = {}
    for word in words_of(query):
        if len(word) < MIN_WORD or word in STOPWORDS or word in vocab.counts or stem(word) in vocab.stems:
            continue
        corrected = correct_word(vocab, word)
        if corrected:
            corrections[word] = corrected
    if not corrections:
        return None
    return re.sub(
        r"[^\W\d_]+",
        lambda m: (
            _as_typed(m.group(), corrections[m.group().lower()])
            if m.group().lower() in corrections
            else m.group()
        ),
        query,
    )
