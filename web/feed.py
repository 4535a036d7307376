"""An Atom feed (RFC 4287) of a search, newest first: a way to follow a subject in a feed reader.

Built with xml.etree, which escapes every text and attribute value, so a query or a title
holding `<`, `&` or `]]>` is text in the feed and never markup.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from decisions.records import SearchResult

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50  # the newest 50 decisions: a reader polls, it does not page


def _timestamp(day: str | None, fallback: str) -> str:
    """Atom wants a full date-time; a decision has a day, so it is midnight UTC of that day."""
    return f"{day}T00:00:00Z" if day else fallback


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def atom_feed(
    results: list[SearchResult], *, title: str, feed_url: str, page_url: str, base_url: str, indexed_at: str
) -> bytes:
    """The feed document. `feed_url` and `page_url` are absolute; `indexed_at` is the index's
    build time (ISO), used when no decision is dated and for undated decisions."""
    fallback = (indexed_at or "1970-01-01T00:00:00")[:19] + "Z"
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "title", title)
    _add(feed, "subtitle", "Greater London Authority decisions matching this search, newest first")
    _add(feed, "id", feed_url)
    _add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _add(feed, "link", rel="alternate", type="text/html", href=page_url)
    dates = [r.date for r in results if r.date]
    _add(feed, "updated", _timestamp(max(dates), fallback) if dates else fallback)
    _add(_add(feed, "author"), "name", "Greater London Authority")
    _add(feed, "generator", "GLA decision search")
    for r in results:
        url = base_url + r.url
        entry = _add(feed, "entry")
        _add(entry, "title", f"{r.ref}: {r.title}" if r.ref else r.title)
        _add(entry, "link", rel="alternate", type="text/html", href=url)
        _add(entry, "id", url)  # a decision's address is stable, so it is its entry's id
        stamp = _timestamp(r.date, fallback)
        _add(entry, "published", stamp)
        _add(entry, "updated", stamp)
        summary = r.passages[0].text if r.passages else r.title
        _add(entry, "summary", " ".join(summary.split()), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
