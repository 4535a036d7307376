"""Hand-written metadata that overrides what parsing read from a document.

Several places, the more specific winning:
  <corpus>/metadata.csv        a row per file: file,url,ref,title,date_signed,part2,...
  <corpus>/gla/metadata.csv    the same for the files under gla/ (`file` is relative to the
                               folder of the metadata.csv, so a downloaded folder keeps its own)
  x.meta.json / x.txt.meta.json   next to the file: {"ref": "MD2848", "part2": "yes"}

Keys are SourceDocument field names. Empty CSV cells are ignored; a JSON null clears a field.
A `url` (the page on london.gov.uk) is read again for the code and title that some pages state
only in their address; a `ref` or `title` given beside it still wins.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import json
import re
from pathlib import Path
from typing import Any

from decisions.records import DECISION_TYPES, TYPE_LABELS, SourceDocument

from . import dates
from .amounts import parse_amount
from .parse import normalise_ref, parse_document

CSV_NAME = "metadata.csv"
_FIELDS = {f.name for f in dataclasses.fields(SourceDocument)}
_FIXED = {"path", "kind", "text", "sha256", "paragraphs"}  # what the file itself is, not metadata
_BOOLS = {"part2", "has_part2", "date_inferred"}
_DATES = {"date_signed", "date_published", "deferred_until", "date"}
_TRUE, _FALSE = {"yes", "y", "true", "1"}, {"no", "n", "false", "0", ""}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LIST_SEPARATOR = re.compile(r"[;|]")  # not ",": "£812,000" has one


def _check_keys(keys: Any, where: str) -> None:
    for key in keys:
        if key not in _FIELDS:
            raise ValueError(f"{where}: unknown metadata key {key!r}")
        if key in _FIXED:
            raise ValueError(f"{where}: metadata key {key!r} cannot be overridden")


@functools.lru_cache(maxsize=8)
def _csv_rows(csv_path: str, _mtime_ns: int, _size: int) -> dict[str, dict[str, str]]:
    """metadata.csv as {relative path: row}; cached per file version (one read per index run)."""
    try:
        with open(csv_path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if "file" not in (reader.fieldnames or []):
                raise ValueError(f"{csv_path}: no 'file' column")
            return {_relative_key(row.get("file") or ""): row for row in reader}
    except (csv.Error, UnicodeDecodeError) as exc:
        raise ValueError(f"{csv_path}: unreadable CSV ({exc})") from exc


def _relative_key(name: str) -> str:
    key = Path(name.strip().replace("\\", "/")).as_posix()
    return key[2:] if key.startswith("./") else key


def _csv_folders(path: Path, corpus_root: Path) -> list[Path]:
    """The folders from the corpus root down to the file's own, each of which may hold a metadata.csv."""
    root, folder = corpus_root.resolve(), path.resolve().parent
    if folder != root and root not in folder.parents:  # outside the corpus: the root's, by file name
        return [root]
    chain = [folder]
    while chain[-1] != root:
        chain.append(chain[-1].parent)
    return chain[::-1]


def _csv_meta(path: Path, corpus_root: Path) -> dict[str, Any]:
    """The rows for `path` of every metadata.csv from the corpus root down to its folder, the nearer
    one winning key by key; each names the file relative to its own folder."""
    meta: dict[str, Any] = {}
    for folder in _csv_folders(path, corpus_root):
        csv_path = folder / CSV_NAME
        if not csv_path.is_file():
            continue
        stat = csv_path.stat()
        try:
            rel = path.resolve().relative_to(folder).as_posix()
        except ValueError:
            rel = path.name
        row = _csv_rows(str(csv_path), stat.st_mtime_ns, stat.st_size).get(rel, {})
        found = {
            k.strip(): v.strip() for k, v in row.items() if k and k.strip() != "file" and (v or "").strip()
        }
        _check_keys(found, str(csv_path))
        meta.update(found)
    return meta


def _json_meta(sidecar: Path) -> dict[str, Any]:
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"{sidecar}: not UTF-8 ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{sidecar}: invalid JSON ({exc})") from exc
    if not isinstance(meta, dict):
        raise ValueError(f"{sidecar}: expected a JSON object")
    _check_keys(meta, str(sidecar))
    return meta


def load_sidecar_metadata(path: Path, corpus_root: Path) -> dict:
    """Overrides for one file: its metadata.csv row, then x.meta.json, then x.txt.meta.json."""
    path, corpus_root = Path(path), Path(corpus_root)
    meta = _csv_meta(path, corpus_root)
    candidates = dict.fromkeys([path.with_suffix(".meta.json"), path.with_name(path.name + ".meta.json")])
    for sidecar in candidates:
        if sidecar.is_file():
            meta.update(_json_meta(sidecar))
    return meta


# --- coercion ---------------------------------------------------------------------------------


def _as_bool(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ValueError(f"{where}: expected yes/no, true/false or 1/0, got {value!r}")


def _as_date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    try:
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise ValueError(f"{where}: expected an ISO date YYYY-MM-DD, got {value!r}")


def _as_url(value: Any, where: str) -> str | None:
    """An http(s) address: it becomes a link on our pages, so "javascript:…" must not get through."""
    text = str(value).strip() if value is not None else ""
    if text and not re.match(r"https?://[^\s/]+\S*$", text, re.IGNORECASE):
        raise ValueError(f"{where}: expected an http:// or https:// address, got {value!r}")
    return text or None


def _as_ref(value: Any, where: str) -> str:
    ref = normalise_ref(str(value))
    if ref is None:
        raise ValueError(f"{where}: not a decision reference: {value!r}")
    return ref


def _as_amount(value: Any, where: str) -> int:
    amount = value if isinstance(value, int) and not isinstance(value, bool) else parse_amount(str(value))
    if amount is None:
        raise ValueError(f"{where}: not an amount in pounds: {value!r}")
    return amount


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    items = value if isinstance(value, list) else _LIST_SEPARATOR.split(str(value))
    return [item for item in items if str(item).strip()]


def _as_type(value: Any, where: str) -> str:
    """ "mayoral", "Assistant director" or a label such as "Mayoral Decision"."""
    text = " ".join(str(value if value is not None else "other").lower().split())
    by_label = {label.lower(): key for key, label in TYPE_LABELS.items()}
    kind = text.replace(" ", "_") if text.replace(" ", "_") in DECISION_TYPES else by_label.get(text)
    if kind is None:
        raise ValueError(f"{where}: decision_type must be one of {', '.join(DECISION_TYPES)}, got {value!r}")
    return kind


def _coerce(key: str, value: Any, where: str) -> Any:
    where = f"{where}: {key}"
    if key in _BOOLS:
        return _as_bool(value, where)
    if key in _DATES:
        return _as_date(value, where)
    if key == "ref":
        return None if value is None else _as_ref(value, where)
    if key == "linked_refs":
        return list(dict.fromkeys(_as_ref(item, where) for item in _as_list(value)))
    if key == "approved_amount_pounds":
        return None if value is None else _as_amount(value, where)
    if key == "amounts_pounds":
        return list(dict.fromkeys(_as_amount(item, where) for item in _as_list(value)))
    if key == "decision_type":
        return _as_type(value, where)
    if key == "url":
        return _as_url(value, where)
    text = str(value).strip() if value is not None else ""
    if key == "title" and not text:
        raise ValueError(f"{where}: title cannot be empty")
    return text or None


def _redate(doc: SourceDocument, changed: set[str]) -> None:
    """A supplied date wins over an inferred one: date = signed, else published."""
    if "date" in changed:
        doc.date_inferred, doc.date_source = False, "sidecar metadata (date)"
    elif changed & {"date_signed", "date_published"}:
        key = "date_signed" if doc.date_signed else "date_published"
        if key in changed and getattr(doc, key):
            doc.date, doc.date_inferred, doc.date_source = (
                getattr(doc, key),
                False,
                f"sidecar metadata ({key})",
            )
        elif not (doc.date_signed or doc.date_published):  # both cleared: back to inference
            doc.date, doc.date_source, doc.date_inferred = dates.decision_date(None, None, doc.text)


def apply_sidecar(doc: SourceDocument, meta: dict) -> SourceDocument:
    """A copy of `doc` with `meta` applied; ValueError names the document and the bad key."""
    if not meta:
        return doc
    _check_keys(meta, f"metadata for {doc.path}")
    changes = {key: _coerce(key, value, f"metadata for {doc.path}") for key, value in meta.items()}
    if changes.get("url") and changes["url"] != doc.url:  # the address may hold the code and title
        doc = parse_document(doc.text, path=doc.path, kind=doc.kind, sha256=doc.sha256, url=changes["url"])
    updated = dataclasses.replace(doc, **changes)
    _redate(updated, set(changes))
    return updated
