"""The Milvus backend: the chunks' vectors, BM25 terms and filter fields in one Milvus collection.

Chosen with `--store milvus --milvus-uri URI` (a server `http://host:19530`, or a file such as
`./data/milvus.db`, which pymilvus serves with milvus-lite in this process). The catalog of what
pages show (decisions, sources, paragraphs, links) stays a read-only SQLite file per generation,
as with the local backend (storage/catalog.py); the search itself runs in the engine:

- `keyword`: Milvus's built-in BM25 function over `terms`, the chunk's words as our own stems
  (decisions.words.engine_terms), so the engine's standard analyzer and ours agree everywhere;
  the words a query requires are checked on the rows BM25 returns.
- `nearest`: inner product over the normalised `embedding` (cosine), HNSW.
- filters: Milvus boolean expressions over the decisions' fields on every chunk, built from
  `Filters` values; the withheld rules (Part 2, deferred past today) are in every public
  expression, so withheld chunks never leave the engine.

Versions without half states. Every row carries `born` and `retired` generation numbers; an
index run G+1 inserts rows only for new or changed decisions (born=G+1), marks the rows of
changed and removed ones retired=G+1, and only then flips the catalog's CURRENT pointer. Every
read carries `born <= G and retired > G` for the generation it serves, so a reader sees each
decision's old or new state, never half of one, whichever moment the writer is at. Reads use
consistency level Strong, so a reader that sees the new pointer sees every row written before it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from pymilvus import DataType, Function, FunctionType, MilvusClient

from decisions.records import Chunk, Decision, type_codes
from decisions.words import STOPWORDS, engine_term
from indexer import store

from .base import Filters, WordQuery, amount_for_filters, maker_text
from .catalog import Catalog, IndexUnavailable

DEFAULT_COLLECTION = "decision_chunks"
# The collection's layout and how `terms` are made: a collection written otherwise is refused, not mixed.
LAYOUT = "decision-search chunks v3 (indexer.store.chunk_terms; match index)"
LAYOUT_PROPERTY = "decision_search.layout"  # a collection property (milvus-lite keeps no description)
LIVE = 2**62  # `retired` of a row no generation has retired yet
CONSISTENCY = "Strong"
MAX_TERMS_CHARS = 60_000  # the VARCHAR limit is 65,535 bytes; a chunk's terms are far shorter
MAX_TOPK = 16_384  # the most rows one Milvus search returns
OVERFETCH = 5  # rows read per row wanted when some must hold a required word or phrase
WRITE_BATCH = 500
ID_LIST_BATCH = 1_000  # decision ids per `in [...]` expression
HNSW = {"M": 16, "efConstruction": 200}
TEXT_FIELDS = {"key": 64, "decision_id": 128, "decision_type": 64, "date": 10, "deferred_until": 10,
               "maker": 1_000, "directorate": 1_000}  # fmt: skip
ROW_FIELDS = ["key", "decision_id", "embedding", "terms", "decision_type", "date", "amount", "maker",
              "directorate", "part2", "has_part2", "deferred_until", "boilerplate", "born", "retired"]  # fmt: skip


# milvus-lite does not report the snapshot a query iterator could pin, and pymilvus warns on every
# listing that it uses the client's clock instead; with Strong reads that changes nothing here.
logging.getLogger("pymilvus.client.iterator.query_iterator").setLevel(logging.ERROR)


class MilvusUnavailable(IndexUnavailable):
    """The engine cannot be reached or holds no collection for this index."""


def is_lite(uri: str) -> bool:
    """A file path (milvus-lite runs in this process) rather than a server address."""
    return "://" not in uri


# pymilvus pings every 10 s; milvus-lite's gRPC server allows one ping in 5 minutes and answers
# more with GOAWAY ("too_many_pings"), dropping the connection mid-run.
LITE_GRPC_OPTIONS = {"grpc.keepalive_time_ms": 600_000, "grpc.keepalive_permit_without_calls": False}


def connect(uri: str) -> MilvusClient:
    try:
        if is_lite(uri):
            return MilvusClient(uri, grpc_options=LITE_GRPC_OPTIONS)
        return MilvusClient(uri)
    except Exception as exc:  # pymilvus raises several kinds; all mean the same to the user
        where = "the milvus-lite file (is another process using it?)" if is_lite(uri) else "the server"
        raise MilvusUnavailable(f"cannot open Milvus at {uri}: {exc}; check {where}") from exc


def literal(value: str) -> str:
    """A string as a Milvus expression literal: quoted, with quotes and backslashes escaped."""
    return json.dumps(value, ensure_ascii=False)


def id_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(literal(v) for v in values) + "]"


# --- The collection ---


def create_collection(client: MilvusClient, name: str, dimension: int) -> None:
    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("key", DataType.VARCHAR, max_length=TEXT_FIELDS["key"], is_primary=True)
    schema.add_field("decision_id", DataType.VARCHAR, max_length=TEXT_FIELDS["decision_id"])
    schema.add_field("embedding", DataType.FLOAT_VECTOR, dim=dimension)
    # Our own stems, so no language analyzer is needed; the match index serves exhaustive search.
    schema.add_field("terms", DataType.VARCHAR, max_length=65_535, enable_analyzer=True,
                     analyzer_params={"tokenizer": "standard"}, enable_match=True)  # fmt: skip
    schema.add_field("terms_sparse", DataType.SPARSE_FLOAT_VECTOR)
    for field in ("decision_type", "date", "maker", "directorate", "deferred_until"):
        schema.add_field(field, DataType.VARCHAR, max_length=TEXT_FIELDS[field])
    schema.add_field("amount", DataType.INT64, nullable=True)
    for field in ("part2", "has_part2", "boilerplate"):
        schema.add_field(field, DataType.BOOL)
    schema.add_field("born", DataType.INT64)
    schema.add_field("retired", DataType.INT64)
    schema.add_function(
        Function(
            name="terms_bm25",
            function_type=FunctionType.BM25,
            input_field_names=["terms"],
            output_field_names=["terms_sparse"],
        )  # fmt: skip
    )
    indexes = client.prepare_index_params()
    indexes.add_index("embedding", index_type="HNSW", metric_type="IP", params=HNSW)
    indexes.add_index("terms_sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
    client.create_collection(
        name,
        schema=schema,
        index_params=indexes,
        consistency_level=CONSISTENCY,
        properties={LAYOUT_PROPERTY: LAYOUT},
    )


def check_layout(client: MilvusClient, name: str, uri: str) -> None:
    found = client.describe_collection(name).get("properties", {}).get(LAYOUT_PROPERTY, "")
    if found != LAYOUT:
        raise MilvusUnavailable(
            f"the Milvus collection {name!r} at {uri} was written by another version of decision search "
            f"({found or 'not ours'}); index into a new one with --milvus-collection NAME, or drop it"
        )


def chunk_key(chunk_id: str, version: str) -> str:
    """A row's primary key: the chunk and the version of its decision it was written for."""
    return f"{chunk_id[:40]}.{version}"


def _rows(
    decision: Decision, chunks: list[Chunk], vectors: np.ndarray, version: str, born: int
) -> list[dict]:
    amount = amount_for_filters(decision.approved_amount_pounds, decision.amounts_pounds)
    maker = maker_field(decision.decision_maker, decision.decision_maker_role)
    common = {
        "decision_id": decision.id,
        "decision_type": decision.decision_type,
        "date": decision.date or "",
        "amount": amount,
        "maker": maker,
        "directorate": (decision.directorate or "").lower()[: TEXT_FIELDS["directorate"]],
        "part2": bool(decision.part2),
        "has_part2": bool(decision.has_part2),
        "deferred_until": decision.deferred_until or "",
        "born": born,
        "retired": LIVE,
    }
    rows = []
    for chunk, vector in zip(chunks, vectors, strict=True):
        # One BM25 field weighs the title as much as the passage (FTS5 gives it 0.4); measured on
        # both backends, that kept the figures within 0.02 (benchmarks/RESULTS.md §9), and matching
        # the title apart but ranking without it lost 0.07 of passage MRR on the sample.
        terms = " ".join(store.chunk_terms(chunk, decision.title))
        rows.append(
            {
                **common,
                "key": chunk_key(chunk.id, version),
                "embedding": vector.astype(np.float32).tolist(),
                "terms": terms[:MAX_TERMS_CHARS],
                "boilerplate": bool(chunk.boilerplate),
            }
        )
    return rows


def maker_field(name: str | None, role: str | None) -> str:
    """The `maker` field of a row (the filter matches a part of it)."""
    return maker_text(name, role)[: TEXT_FIELDS["maker"]]


# --- Writing a generation ---


class MilvusWriter:
    """Writes an index run into Milvus (changed decisions only), then its catalog generation.

    Called by indexer.pipeline in place of indexer.store.write_generation.
    """

    def __init__(self, uri: str, collection: str = DEFAULT_COLLECTION, rewrite: bool = False):
        self.uri = uri
        self.collection = collection
        self.rewrite = rewrite  # write every decision again (`decisions index --force`)
        self.written_rows = 0  # for the summary and the benchmarks
        self.retired_rows = 0
        self._previous_chunks = 0

    @property
    def describes(self) -> dict[str, str]:
        """What the generation's meta records, so a run for another store is never 'up to date'."""
        return {"store": "milvus", "milvus_uri": self.uri, "milvus_collection": self.collection}

    def __call__(self, data_dir: Path, decisions: list[Decision], chunks: list[Chunk], vectors: np.ndarray,
                 meta: dict[str, str]) -> Path:  # fmt: skip
        client = connect(self.uri)
        try:
            if not client.has_collection(self.collection):
                create_collection(client, self.collection, vectors.shape[1])
            check_layout(client, self.collection, self.uri)
            client.load_collection(self.collection)
            previous, live = self._previous(data_dir)
            rewrite = self.rewrite or (previous and self._visible_rows(client, live) != self._previous_chunks)
            if rewrite:
                # Asked to, or the engine does not hold what the catalog says (a new or emptied
                # collection): write every decision again rather than trust the catalog.
                previous = {}
            self._forget_unfinished(client, live)
            generation = live + 1
            # A version names the decision's content and the generation that wrote its rows, so a
            # rewrite (or a decision changed back) never reuses a key that a reader may still see.
            versions = {}
            for decision_id, content in store.decision_versions(decisions, chunks).items():
                kept = previous.get(decision_id, "")
                same = kept.split("-g")[0] == content
                versions[decision_id] = kept if same else f"{content}-g{generation}"
            changed = {d for d, v in versions.items() if previous.get(d) != v}
            gone = set(previous) - set(versions)
            if rewrite:
                self._retire_where(client, f"retired == {LIVE}", generation)
            else:
                self._retire(client, changed | gone, generation)
            self._insert(client, decisions, chunks, vectors, versions, changed, generation)
            client.flush(self.collection)
            meta = {**meta, **self.describes, "milvus_generation": str(generation)}
            path = store.write_generation(
                data_dir, decisions, chunks, vectors, meta, search_files=False, versions=versions
            )
            # Rows retired before the previous generation: no reader can be serving it any more.
            client.delete(self.collection, filter=f"retired <= {live}")
            return path
        finally:
            # A milvus-lite file stays open in this process (a reader here may share it) until the
            # process ends: then pymilvus releases it for the next process.
            client.close()

    def _previous(self, data_dir: Path) -> tuple[dict[str, str], int]:
        """The live generation's decision versions and number (nothing for another store or collection)."""
        current = store.current_generation(data_dir)
        if current is None:
            return {}, 0
        meta = store.read_meta(current)
        if any(meta.get(k) != v for k, v in self.describes.items()):
            return {}, int(meta.get("milvus_generation", 0))
        db = sqlite3.connect(f"file:{current / store.CATALOG}?mode=ro", uri=True)
        try:
            versions = dict(db.execute("SELECT id, version FROM decisions"))
            self._previous_chunks = db.execute("SELECT count(*) FROM chunks").fetchone()[0]
        finally:
            db.close()
        return versions, int(meta.get("milvus_generation", 0))

    def _visible_rows(self, client: MilvusClient, live: int) -> int:
        rows = client.query(self.collection, filter=f"born <= {live} and retired > {live}",
                            output_fields=["count(*)"], consistency_level=CONSISTENCY)  # fmt: skip
        return int(rows[0]["count(*)"]) if rows else 0

    def _forget_unfinished(self, client: MilvusClient, live: int) -> None:
        """Undo what a run stopped before its flip left behind: rows it inserted, rows it retired."""
        client.delete(self.collection, filter=f"born > {live}")
        self._set_retired(client, f"retired > {live} and retired < {LIVE}", LIVE)

    def _retire(self, client: MilvusClient, decision_ids: set[str], generation: int) -> None:
        ids = sorted(decision_ids)
        for start in range(0, len(ids), ID_LIST_BATCH):
            batch = id_list(ids[start : start + ID_LIST_BATCH])
            self._retire_where(client, f"decision_id in {batch} and retired == {LIVE}", generation)

    def _retire_where(self, client: MilvusClient, expression: str, generation: int) -> None:
        self.retired_rows += self._set_retired(client, expression, generation)

    def _set_retired(self, client: MilvusClient, expression: str, retired: int) -> int:
        """Rewrite the rows matching `expression` with `retired` (an upsert writes whole rows).

        The keys are listed first, with an iterator (a plain query returns at most 16,384 rows on
        a server), and the rows read and written back in batches: never the whole set in memory.
        """
        keys: list[str] = []
        listing = client.query_iterator(self.collection, batch_size=WRITE_BATCH * 4, filter=expression,
                                        output_fields=["key"])  # fmt: skip
        try:
            while batch := listing.next():
                keys += [row["key"] for row in batch]
        finally:
            listing.close()
        for start in range(0, len(keys), WRITE_BATCH):
            rows = client.get(
                self.collection, ids=keys[start : start + WRITE_BATCH], output_fields=ROW_FIELDS
            )
            client.upsert(self.collection, [{**row, "retired": retired} for row in rows])
        return len(keys)

    def _insert(self, client, decisions, chunks, vectors, versions, changed, generation) -> None:  # noqa: ANN001
        by_decision: dict[str, list[int]] = {}
        for i, chunk in enumerate(chunks):
            by_decision.setdefault(chunk.decision_id, []).append(i)
        batch: list[dict] = []
        for decision in decisions:
            if decision.id not in changed:
                continue
            rows = by_decision.get(decision.id, [])
            batch += _rows(
                decision, [chunks[i] for i in rows], vectors[rows], versions[decision.id], generation
            )
            if len(batch) >= WRITE_BATCH:
                client.insert(self.collection, batch)
                self.written_rows += len(batch)
                batch = []
        if batch:
            client.insert(self.collection, batch)
            self.written_rows += len(batch)


# --- Reading ---


def _terms(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(t for t in (engine_term(w) for w in words if w.lower() not in STOPWORDS) if t))


class MilvusStore(Catalog):
    """One generation: the catalog from its SQLite file, the search in Milvus."""

    def __init__(self, generation: Path, model, model_name: str, query_vectors_kept: int = 0):
        super().__init__(generation, model, model_name, query_vectors_kept)
        if self.meta.get("store") != "milvus":
            raise IndexUnavailable(
                f"index {generation.name} was built for the local store; serve it without `--store milvus`, "
                "or re-index with `decisions index CORPUS --store milvus --milvus-uri URI`"
            )
        self.uri = self.meta["milvus_uri"]
        self.collection = self.meta["milvus_collection"]
        self.live = int(self.meta["milvus_generation"])
        self.client = connect(self.uri)
        if not self.client.has_collection(self.collection):
            raise MilvusUnavailable(
                f"Milvus at {self.uri} has no collection {self.collection!r}; re-index with "
                f"`decisions index CORPUS --store milvus --milvus-uri {self.uri} --force`"
            )
        check_layout(self.client, self.collection, self.uri)
        self.client.load_collection(self.collection)
        # The row keys of this generation, and back: the rest of the product counts chunks by rowid.
        self.rowid_of: dict[str, int] = {}
        for rowid, chunk_id, decision_id in self.db.execute("SELECT rowid, id, decision_id FROM chunks"):
            self.rowid_of[chunk_key(chunk_id, self.versions[decision_id])] = rowid
        self.key_of = {rowid: key for key, rowid in self.rowid_of.items()}
        self._dimension = int(self.meta["dimension"])
        # The values of the name fields as written to the rows, for matching a part of a name.
        self._makers = sorted(
            {maker_field(d.decision_maker, d.decision_maker_role) for d in self.decisions.values()}
        )
        self._directorates = sorted({(d.directorate or "").lower() for d in self.decisions.values()} - {""})

    # --- Expressions ---

    def expression(self, filters: Filters) -> str:
        """`filters` as a Milvus boolean expression, with this generation's visibility."""
        parts = [f"born <= {self.live}", f"retired > {self.live}"]
        if not filters.staff:
            today = filters.today.isoformat() if filters.today else ""
            deferral = 'deferred_until == ""' + (f" or deferred_until <= {literal(today)}" if today else "")
            parts += ["part2 == false", f"({deferral})"]
        if filters.type:
            parts.append(f"decision_type in {id_list(type_codes(filters.type))}")
        if filters.date_from:
            parts.append(f'date != "" and date >= {literal(filters.date_from)}')
        if filters.date_to:
            parts.append(f'date != "" and date <= {literal(filters.date_to)}')
        if filters.min_amount is not None:
            parts.append(f"amount is not null and amount >= {int(filters.min_amount)}")
        if filters.max_amount is not None:
            parts.append(f"amount is not null and amount <= {int(filters.max_amount)}")
        # Parts of names: matched against the names the catalog knows, sent as exact values, so
        # that no user text is read as a LIKE pattern.
        if filters.decision_maker:
            wanted = filters.decision_maker.lower()
            parts.append(f"maker in {id_list(m for m in self._makers if wanted in m)}")
        if filters.directorate:
            wanted = filters.directorate.lower()
            parts.append(f"directorate in {id_list(n for n in self._directorates if wanted in n)}")
        if filters.has_part2:
            parts.append("(has_part2 == true or part2 == true)")
        if filters.deferred:
            parts.append('deferred_until != ""')
        if filters.citing:
            parts.append(f"decision_id in {id_list(self.cited_by(filters.citing))}")
        if filters.excluded_ids:
            parts.append(f"decision_id not in {id_list(sorted(filters.excluded_ids))}")
        if filters.skip_boilerplate:
            parts.append("boilerplate == false")
        return " and ".join(parts)

    # --- Keyword search (BM25 in the engine; which words must be there, checked on the rows) ---

    def _holds(self, query: WordQuery, terms: str) -> bool:
        """Whether a row's terms satisfy the query's musts: one (every) required word and phrase.

        Checked here on the rows BM25 returns rather than as TEXT_MATCH in the engine's filter:
        milvus-lite evaluates TEXT_MATCH row by row (4.7 s a search at 100k chunks, against 0.12 s
        for the BM25 search alone), and a row that holds the query's rare words ranks high anyway.
        `body_only` is not told apart: the title's words are in every row's terms.
        """
        padded = f" {terms} "
        need = all if query.every else any
        required = _terms(query.required)
        if required and not need(f" {t} " in padded for t in required):
            return False
        phrases = [p for p in (_terms(p) for p in query.phrases) if p]
        return not phrases or need(f" {' '.join(p)} " in padded for p in phrases)

    def _bm25(self, query: WordQuery, expression: str, limit: int) -> list[tuple[int, float]]:
        """Rows by BM25 over every word of the query, best first, that hold what it requires."""
        return self._bm25_listing(query, expression, limit)[0][:limit]

    def _bm25_listing(
        self, query: WordQuery, expression: str, limit: int
    ) -> tuple[list[tuple[int, float]], bool]:
        """The rows as `_bm25` finds them, all of them, and whether the engine stopped at its cap."""
        ranked_terms = _terms(query.all_words)
        if not ranked_terms:
            return [], False
        checked = bool(query.required or query.phrases)
        asked = min(limit * (OVERFETCH if checked else 1), MAX_TOPK)
        hits = self.client.search(
            self.collection,
            data=[" ".join(ranked_terms)],
            anns_field="terms_sparse",
            limit=asked,
            filter=expression,
            output_fields=["terms"] if checked else [],
            search_params={"metric_type": "BM25"},
            consistency_level=CONSISTENCY,
        )[0]
        found = []
        for hit in hits:
            rowid = self.rowid_of.get(hit["key"])
            if rowid is None or (checked and not self._holds(query, hit["entity"].get("terms", ""))):
                continue
            # BM25 is higher-is-better on a server; milvus-lite reports it negated.
            found.append((rowid, abs(float(hit["distance"]))))
        return found, len(hits) >= MAX_TOPK

    def _visible(self) -> str:
        return f"born <= {self.live} and retired > {self.live}"

    def keyword(self, query: WordQuery, filters: Filters, k: int) -> list[int]:
        return [rowid for rowid, _ in self._bm25(query, self.expression(filters), k)]

    def keyword_scores(self, query: WordQuery, filters: Filters) -> dict[int, float]:
        """Every matching row (exhaustive search: a Freedom of Information request must see all).

        One BM25 search returns at most MAX_TOPK rows; when it is full, the rest are listed with
        TEXT_MATCH in the engine (indexed on a server, a scan in milvus-lite) and rank after them."""
        expression = self.expression(filters)
        found, capped = self._bm25_listing(query, expression, MAX_TOPK)
        scores = dict(found)
        if capped:
            musts = _terms(query.required) + [t for p in query.phrases for t in _terms(p)]
            matches = [f"TEXT_MATCH(terms, {literal(t)})" for t in dict.fromkeys(musts)]
            if not query.every or not matches:
                matches = [f"TEXT_MATCH(terms, {literal(' '.join(_terms(query.all_words)))})"]
            listing = self.client.query_iterator(
                self.collection, batch_size=WRITE_BATCH * 4, filter=f"{expression} and {' and '.join(matches)}",
                output_fields=["key", "terms"],
            )  # fmt: skip
            try:
                while batch := listing.next():
                    for row in batch:
                        rowid = self.rowid_of.get(row["key"])
                        if rowid is not None and rowid not in scores and self._holds(query, row["terms"]):
                            scores[rowid] = 0.0
            finally:
                listing.close()
        return scores

    def term_rows(self, token: str) -> int:
        """From the catalog's count of each term, written with the rows: the engine has no cheap
        count of a word's rows."""
        return self._term_count(engine_term(token))

    def _term_count(self, term: str) -> int:
        row = self.db.execute("SELECT chunks FROM engine_terms WHERE term = ?", (term,)).fetchone()
        return row[0] if row else 0

    def match_count(self, query: WordQuery) -> int:
        """Exact for one word (from the catalog's counts); for more, counted among the best
        MAX_TOPK rows BM25 returns."""
        terms = _terms(query.all_words)
        if len(terms) == 1:
            return self._term_count(terms[0])
        return len(self._bm25(query, self._visible(), MAX_TOPK))

    def holding(self, query: WordQuery, k: int) -> list[int]:
        return [rowid for rowid, _ in self._bm25(query, self._visible(), k)]

    # --- Vectors ---

    def nearest(self, vector: np.ndarray, filters: Filters, k: int) -> list[int]:
        hits = self.client.search(
            self.collection,
            data=[np.asarray(vector, dtype=np.float32).tolist()],
            anns_field="embedding",
            limit=min(k, MAX_TOPK),
            filter=self.expression(filters),
            search_params={"metric_type": "IP", "params": {"ef": max(2 * k, 64)}},
            consistency_level=CONSISTENCY,
        )[0]
        return [self.rowid_of[h["key"]] for h in hits if h["key"] in self.rowid_of]

    def embeddings(self, ids: list[int]) -> np.ndarray:
        if len(ids) == 0:
            return np.zeros((0, self._dimension), dtype=np.float32)
        keys = [self.key_of[int(i)] for i in ids]
        rows = self.client.get(self.collection, ids=keys, output_fields=["embedding"])
        by_key = {row["key"]: row["embedding"] for row in rows}
        return np.asarray([by_key[k] for k in keys], dtype=np.float32)

    def health(self) -> dict:
        return {**super().health(), "store": "milvus", "vector_index": "HNSW (Milvus)",
                "milvus_generation": self.live}  # fmt: skip

    def close(self) -> None:
        self.client.close()
