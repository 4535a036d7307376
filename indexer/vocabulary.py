"""The index's own words as written, with how many texts use each: the source of "Did you mean …?".

FTS5 can list its terms (the fts5vocab table), but the porter tokenizer stores stems
("commun", "engag"), which are not words to offer anyone. So the words are counted here,
lowercased and as spelt, when a generation is written; a suggestion is then always a word
some decision really uses.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Iterable

VOCABULARY_SCHEMA = "CREATE TABLE vocabulary (word TEXT PRIMARY KEY, texts INTEGER) WITHOUT ROWID;"
# Letters only, 3 to 30 of them: numbers, codes and stray initials are never misspelt words.
_WORD = re.compile(r"(?<![\w])[^\W\d_]{3,30}(?![\w])")


def words_of(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def count_words(texts: Iterable[str]) -> Counter:
    """word → how many of the texts use it (once per text, so a word repeated in one table counts once)."""
    counts: Counter = Counter()
    for text in texts:
        counts.update(words_of(text))
    return counts


def write_vocabulary(db: sqlite3.Connection, texts: Iterable[str]) -> None:
    db.execute(VOCABULARY_SCHEMA)
    db.executemany("INSERT INTO vocabulary VALUES (?, ?)", sorted(count_words(texts).items()))
