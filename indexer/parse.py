"""One document's plain text → a SourceDocument: clean text, metadata, paragraphs.

Input is already-normalised text (NFKC, LF) from a london.gov.uk page, a signed PDF or a
decision form. Parsing never raises: whatever arrives becomes at least an "other" document.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import PurePath

from decisions.records import Paragraph, SourceDocument

from . import address, dates
from .amounts import amounts_in, decision_total
from .paragraphs import KNOWN_HEADINGS, heading_key, is_strong_heading, next_line, split_paragraphs
from .refs import PREFIX_TYPES, SHORT_REF, find_refs, lead_ref, normalise_ref

__all__ = ["find_refs", "normalise_ref", "parse_document", "split_paragraphs", "strip_boilerplate"]

log = logging.getLogger(__name__)

# --- london.gov.uk boilerplate ------------------------------------------------------------

# The page header: "Skip to main content" / "Mayor of London logo London Assembly logo" / "Home".
_SITE_NAV = {"skip to main content", "mayor of london logo london assembly logo", "mayor of london logo"}
_NAV_AFTER_SITE = _SITE_NAV | {"london assembly logo", "home", "menu", "search"}
_FOOTER_START = "need a document on this page in an accessible format?"  # the footer runs to the end


def strip_boilerplate(text: str) -> str:
    """Drop the site navigation at the top and the accessibility footer at the end."""
    lines = text.split("\n")
    first, seen_site = 0, False
    while first < len(lines):
        key = lines[first].strip().lower()
        if key and key not in _SITE_NAV and not (seen_site and key in _NAV_AFTER_SITE):
            break
        seen_site, first = seen_site or bool(key), first + 1
    ends = [i for i in range(first, len(lines)) if lines[i].strip().lower() == _FOOTER_START]
    return "\n".join(lines[first : ends[0] if ends else len(lines)]).strip()


# --- "Key: value" fields and metadata -----------------------------------------------------------

Fields = dict[str, tuple[str, str]]  # lower-cased key → (value, the next non-blank line)


def _fields(lines: list[str]) -> Fields:
    """First "Key: value" of each key: "Decision by: Sadiq Khan, Mayor of London"."""
    fields: Fields = {}
    for i, line in enumerate(lines):
        key, colon, value = line.partition(":")
        key = " ".join(key.lower().split())
        if colon and 0 < len(key) <= 40 and key not in fields:
            fields[key] = (value.strip(), next_line(lines, i))
    return fields


# "Decision by:", "Date signed:", "Type of decision:" — a field line, never a field's value
_FIELD_LINE = re.compile(r"[A-Za-z][\w ’'()/&-]{0,39}:(?:\s|$)")


def _get(fields: Fields, key: str) -> str:
    """The value of "Key: value", or of "Key:" with its value on the next line as older pages write
    it ("Decision by: " / "Patrick Feehily, Assistant Director, Environment"); never the next field
    or heading ("Date signed:" / "Date published:")."""
    value, after = fields.get(key, ("", ""))
    if value or not after or _FIELD_LINE.match(after) or is_strong_heading(after):
        return value
    return after


# "AUTHORISING ASSISTANT DIRECTOR/HEAD OF UNIT", "It has my approval.", "The above request has my approval."
_SIGN_OFF = re.compile(r"\s*(?:authorising\b|(?:it|the above request) has my approval)", re.IGNORECASE)


def _sign_off(lines: list[str]) -> Fields:
    """Fields of the sign-off block: "AUTHORISING ASSISTANT DIRECTOR/HEAD OF UNIT" … "It has my
    approval." / "Name: Luke Bruce" / "Position: …" / "Date: 18/11/2025", up to the next heading
    (so the finance officer's later "Date: 26 November 2025" is not taken for the signature)."""
    start = next((i for i, s in enumerate(lines) if _SIGN_OFF.match(s)), None)
    if start is None:
        return {}
    end = next((j for j in range(start + 1, len(lines)) if is_strong_heading(lines[j])), len(lines))
    return _fields(lines[start:end])


# "REQUEST FOR ASSISTANT DIRECTOR DECISION – ADD2793" (the next line is the title)
_REQUEST = re.compile(r"\s*request\s+for\s+(?P<kind>[a-z ]{0,40}?)\s*decision\b", re.IGNORECASE)
_MEANINGFUL = re.compile(r"[^\W\d_]{3}")  # a line with a real word in it
_TYPE_WORDS = (("assistant director", "assistant_director"), ("executive director", "executive_director"),
               ("deputy mayor", "other"), ("director", "director"), ("mayor", "mayoral"))  # fmt: skip
# "PART 2 – CONFIDENTIAL FACTS AND ADVICE", "Part 2 – Confidential" near the top
_PART2_HEADING = re.compile(r"\s*part\s?(?:2|ii)\b[^a-z]{0,5}confidential", re.IGNORECASE)


def _type_from_words(words: str) -> str | None:
    """ "Mayor" → mayoral, "Director" → director, "Assistant Director" → assistant_director."""
    return next((kind for needle, kind in _TYPE_WORDS if needle in words.lower()), None)


# The keys of the "Key information" block (and of older pages' "Type of decision:" / "Code:").
_KEY_FIELDS = {"decision type", "type of decision", "directorate", "reference code", "code", "date signed",
               "date published", "decision by"}  # fmt: skip


def _title_lines(head: list[str]) -> list[str]:
    """The lines above the first form heading or key field: the page's own title ("MD2848 Engaging…",
    "REQUEST FOR ASSISTANT DIRECTOR DECISION – ADD2793" / "London Missions – partner engagement").
    Nothing for a page that opens with "Key information"; the executive summary below it cites
    other decisions ("Under MD1177 the Mayor approved…"), which are never the page's own."""
    end = next((i for i, line in enumerate(head) if _opens_the_body(line)), len(head))
    return head[:end]


def _opens_the_body(line: str) -> bool:
    """ "Key information", "Executive summary:", "Decision type: Mayor", "Type of decision:"."""
    return (
        heading_key(line) in KNOWN_HEADINGS or " ".join(line.partition(":")[0].lower().split()) in _KEY_FIELDS
    )


def _own_ref(fields: Fields, head: list[str], url: str | None) -> str | None:
    """The page's own code, from what states it most surely: "Reference code: MD2848" (older pages:
    "Code:"), the title line ("MD2848 Engaging…", "REQUEST FOR … – ADD2793"), the page's address
    (".../dd2750-additional-funding-…"), a code anywhere in the first title line."""
    titles = _title_lines(head)
    requests = [ref for line in titles if _REQUEST.match(line) for ref in find_refs(line)]
    return (
        normalise_ref(_get(fields, "reference code") or _get(fields, "code"))
        or next(filter(None, map(lead_ref, titles)), None)
        or next(iter(requests), None)
        or (address.code_and_rest(url)[0] if url else None)
        or next(iter(find_refs(titles[0] if titles else "")), None)
    )


def _decision_type(fields: Fields, ref: str | None, head: list[str]) -> str:
    """ "Decision type: Director" first (DD2691 is made by an Executive Director but is a DD),
    then the reference prefix, then "REQUEST FOR ASSISTANT DIRECTOR DECISION"."""
    requests = [m.group("kind") for m in map(_REQUEST.match, head) if m]
    return (
        _type_from_words(_get(fields, "decision type") or _get(fields, "type of decision"))
        or (PREFIX_TYPES[ref.rstrip("0123456789")] if ref else None)
        or (_type_from_words(requests[0]) if requests else None)
        or "other"
    )


def _title(head: list[str], ref: str | None, path: str, url: str | None, text: str) -> str:
    """The title line ("MD2848 Engaging Londoners…" less its code), the line after "REQUEST FOR …
    DECISION", the first line of a page without a code; else the address's words ("…/md2163-good-
    growth-fund" → "Good Growth Fund", cased as the page writes them), else the first line of text."""
    titles = _title_lines(head)
    for i, line in enumerate(titles):
        if _REQUEST.match(line) and i + 1 < len(head) and not is_strong_heading(head[i + 1]):
            return head[i + 1][:200]
        lead = SHORT_REF.match(line)
        rest = line[lead.end() :].strip(" :-–—") if lead and lead.group(1) + lead.group(2) == ref else ""
        if _MEANINGFUL.search(rest):  # "MD2848 Engaging Londoners in Recovery Programme 2021-2023"
            return rest[:200]
    if titles and _MEANINGFUL.search(titles[0]) and not lead_ref(titles[0]) and not _REQUEST.match(titles[0]):
        return titles[0][:200]
    words = address.code_and_rest(url)[1] if url else ""
    return address.title_from_words(words, text) or _fallback_title(head, path)


def _fallback_title(head: list[str], path: str) -> str:
    """The first line with words that is not a heading or a key field ("Key information" is no title)."""
    body = [s for s in head if heading_key(s) not in KNOWN_HEADINGS and not _FIELD_LINE.match(s)]
    line = next((s for s in body or head if _MEANINGFUL.search(s)), None)
    return line[:200] if line else (PurePath(path or "").stem or "Untitled document")


# "Executive Director, Communities and Skills", "Assistant Director of Team London", "Interim Assistant
# Director for Built Environment", "Executive Director Housing and Land and Interim CEO of OPDC"
_ROLE_DIRECTORATE = re.compile(r"(?:Executive|Assistant)\s+Director(?:,\s?|\s(?:of|for)\s|\s(?=[A-Z]))(.+)")
_SECOND_ROLE = re.compile(r"\s+and\s+(?:Interim|Acting|Chief|Deputy|Head)\b.*")  # "… and Interim CEO of OPDC"
_NAME_NOTE = re.compile(
    r"\s*\(past staff\)", re.IGNORECASE
)  # "Boris Johnson MP (past staff)": the site's note


# "The decision is taken by the Head of Governance and Resilience in the GLA’s Corporate Management
# Directorate, under delegated authority…": the directorate of a post that names none.
TAKEN_IN_DIRECTORATE = re.compile(
    r"\b(?:taken|made|signed|approved)\s+by\b[^.\n]{0,150}?\bin\s+the\s+(?:GLA[’']s\s+)?"
    r"((?:[A-Z][\w-]*,?\s+(?:(?:and|&)\s+)?){1,6})Directorate\b"
)


def _directorate(fields: Fields, role: str, text: str = "") -> str | None:
    """ "Directorate: Communities & Skills", else the unit in the decision maker's role, else the
    directorate the text says the decision is taken in; "&" read as "and" so both spellings of a
    directorate are one."""
    found = _ROLE_DIRECTORATE.search(role)
    named = _get(fields, "directorate") or (_SECOND_ROLE.sub("", found.group(1)) if found else "")
    taken = TAKEN_IN_DIRECTORATE.search(text) if not named else None
    named = named or (taken.group(1).rstrip(", ") if taken else "")
    return " ".join(named.replace("&", "and").split()) or None


def _decision_maker(fields: Fields, lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """(name, role, directorate) from "Decision by: Tunde Olayinka, Executive Director, Communities
    and Skills" or the sign-off's "Name:" / "Position: Assistant Director, Strategic Partnerships Unit"."""
    name, _, role = _get(fields, "decision by").partition(",")
    if not name.strip():
        name, role = _get(_sign_off(lines), "name"), _get(_sign_off(lines), "position")
    name = _NAME_NOTE.sub("", name).strip()
    return name or None, role.strip() or None, _directorate(fields, role.strip(), "\n".join(lines))


def _answer(lines: list[str], question: str) -> str:
    """The answer after a form question: "Is there a part 2 form? NO" → "NO"."""
    found = next((line for line in lines if question in line.lower()), "")
    return found[found.lower().find(question) + len(question) :].strip().upper()


def _set_dates(doc: SourceDocument, lines: list[str], fields: Fields, today: dt.date | None) -> None:
    doc.date_signed, source = dates.field_date(*fields.get("date signed", ("", ""))), "Date signed field"
    if doc.date_signed is None:  # the ADD form: "Date: 18/11/2025" under "It has my approval."
        signed = _get(_sign_off(lines), "date")
        doc.date_signed, source = dates.parse_iso(signed), f"signature block 'Date: {signed}'"
    doc.date_published = dates.field_date(*fields.get("date published", ("", "")))
    defer = _answer(lines, "to be deferred?")  # "Is the publication of Part 1 … to be deferred? YES/NO"
    doc.deferred_until = dates.deferral_date(defer, _get(fields, "until what date"))
    doc.date, doc.date_source, doc.date_inferred = dates.decision_date(
        doc.date_signed, doc.date_published, doc.text, signed_source=source, today=today
    )


# --- the document ---------------------------------------------------------------------------------


def parse_document(
    text: str, *, path: str, kind: str, sha256: str, url: str | None = None, today: dt.date | None = None
) -> SourceDocument:
    """Clean `text` and read a SourceDocument from it; never raises. `url` is the page's address on
    london.gov.uk when known (from metadata): some pages state their code and title only there."""
    raw = text if isinstance(text, str) else ""
    try:
        return _parse(raw, path=path, kind=kind, sha256=sha256, url=url, today=today)
    except Exception:  # a file we cannot read well must still be indexed, as plain text
        log.exception("could not parse %s; indexing it as plain text", path)
        clean = raw.strip()
        head = [s.strip() for s in clean.split("\n") if s.strip()][:15]
        paragraphs = [Paragraph(text=clean, start=0, end=len(clean))] if clean else []
        return SourceDocument(path=path, kind=kind, text=clean, sha256=sha256, url=url,
                              title=_fallback_title(head, path), paragraphs=paragraphs)  # fmt: skip


def _section_text(paragraphs: list[Paragraph], key: str) -> str:
    return "\n".join(p.text for p in paragraphs if p.section and heading_key(p.section) == key)


def _parse(
    text: str, *, path: str, kind: str, sha256: str, url: str | None, today: dt.date | None
) -> SourceDocument:
    clean = strip_boilerplate(text)
    lines = clean.split("\n")
    head = [s.strip() for s in lines if s.strip()][:15]
    fields, paragraphs = _fields(lines), split_paragraphs(clean)
    ref = _own_ref(fields, head, url)
    doc = SourceDocument(
        path=path, kind=kind, text=clean, sha256=sha256, url=url, title=_title(head, ref, path, url, clean),
        ref=ref, decision_type=_decision_type(fields, ref, head), paragraphs=paragraphs,
    )  # fmt: skip
    doc.decision_maker, doc.decision_maker_role, doc.directorate = _decision_maker(fields, lines)
    _set_dates(doc, lines, fields, today)
    doc.amounts_pounds = amounts_in(clean)
    # The Decision section names the approved sum; some pages only state it in the summary.
    decision, summary = _section_text(paragraphs, "decision"), _section_text(paragraphs, "executive summary")
    doc.approved_amount_pounds = decision_total(decision, summary)
    doc.linked_refs = [r for r in find_refs(clean) if r != ref]
    doc.part2 = any(_PART2_HEADING.match(line) for line in head[:10])
    has_part2 = _answer(lines, "is there a part 2 form?")  # "YES", "NO" or the blank template "YES/NO"
    doc.has_part2 = has_part2.startswith("YES") and not has_part2.startswith("YES/NO")
    return doc
