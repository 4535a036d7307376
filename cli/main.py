"""The `decisions` command: a thin layer over library functions, each with --json output."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from decisions.filters import FILTER_NAMES, FILTERS
from decisions.records import DECISION_TYPES, SEARCH_MODES
from decisions.settings import STORES, SettingsError, load_settings


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="where the index lives (default ./data or $DECISIONS_DATA_DIR)")
    parser.add_argument("--model", help="sentence-transformers model name or path (default all-MiniLM-L6-v2)")
    parser.add_argument("--store", choices=STORES,
                        help="where the search runs: local files (default) or Milvus ($DECISIONS_STORE)")  # fmt: skip
    parser.add_argument("--milvus-uri", help="a Milvus server (http://host:19530) or a milvus-lite file "
                        "(./data/milvus.db); with --store milvus ($DECISIONS_MILVUS_URI)")  # fmt: skip
    parser.add_argument("--milvus-collection", help="the Milvus collection (default decision_chunks)")


def _filters(parser: argparse.ArgumentParser) -> None:
    for f in FILTERS:
        kind = {"type": {"choices": DECISION_TYPES}, "pounds": {"type": int}}.get(f.kind, {})
        parser.add_argument(f.option, help=f.help, **kind)
    parser.add_argument("--staff", action="store_true", help="include deferred and Part 2 decisions")


def _settings(args: argparse.Namespace):
    return load_settings(
        data_dir=args.data_dir,
        model=args.model,
        staff=True if getattr(args, "staff", False) else None,
        store=args.store,
        milvus_uri=args.milvus_uri,
        milvus_collection=args.milvus_collection,
    )


def _writer(settings, rewrite: bool = False):
    """What makes an index run live: the local files by default, or Milvus."""
    if settings.store != "milvus":
        return None
    from storage.milvus import MilvusWriter

    return MilvusWriter(settings.milvus_uri, settings.milvus_collection, rewrite=rewrite)


def _filter_values(args: argparse.Namespace) -> dict:
    return {k: getattr(args, k) for k in FILTER_NAMES if getattr(args, k, None) is not None}


def cmd_index(args: argparse.Namespace) -> int:
    from indexer.pipeline import run_index

    settings = _settings(args)
    writer = _writer(settings, rewrite=args.force)
    summary = run_index(Path(args.corpus), settings, force=args.force, writer=writer)
    written = (
        {"milvus_rows_written": writer.written_rows, "milvus_rows_retired": writer.retired_rows}
        if writer
        else {}
    )
    if args.json:
        print(json.dumps({**summary.as_dict(), **written}, indent=2))
    else:
        print("\n".join(summary.lines()))
        if written and not summary.up_to_date:  # only changed decisions are written to Milvus
            print(f"  milvus rows     {writer.written_rows} written, {writer.retired_rows} retired")
    if not summary.usable:
        print(
            "decisions index: nothing usable was produced; the previous index (if any) is unchanged",
            file=sys.stderr,
        )
        return 1
    return 0


class QueryTooLong(ValueError):
    pass


def _checked_query(query: str, settings) -> str:
    """The same limit as over HTTP, said rather than cut silently."""
    if len(query) > settings.max_query_chars:
        raise QueryTooLong(
            f"a query may have at most {settings.max_query_chars} characters; this one has {len(query)}"
        )
    return query


def _open_index(settings):
    from search_api.index import IndexHolder

    return IndexHolder(settings).get()


def cmd_search(args: argparse.Namespace) -> int:
    from search_api.search import SearchRequest, search

    settings = _settings(args)
    index = _open_index(settings)
    request = SearchRequest(
        q=_checked_query(args.query, settings), limit=args.limit, offset=args.offset, mode=args.mode,
        filters=_filter_values(args), staff=settings.staff, today=settings.today(),
    )  # fmt: skip
    response = search(index, request)
    if args.json:
        from serve.http import search_out

        print(json.dumps(search_out(response, args.limit, args.offset), indent=2, ensure_ascii=False))
        return 0
    print(format_search(response))
    return 0


def format_search(response) -> str:
    lines = []
    for u in response.filters.get("understood", []):
        lines.append(f"Understood {u['words']!r} as {u['name']} = {u['value']}")
    if response.note:
        lines.append(response.note)
    count = "1 decision" if response.total == 1 else f"{response.total:,} decisions"
    lines.append(count + (f" — {response.reason}" if response.reason else ""))
    if response.suggestion:
        lines.append(f"Did you mean: {response.suggestion}?")
    for rank, r in enumerate(response.results, 1):
        date = (r.date or "no date") + (" (approx.)" if r.date_inferred else "")
        lines.append(f"\n{rank}. {r.ref or '(no reference)'}  {r.title}")
        lines.append(f"   {r.decision_type} · {date} · {r.decision_maker or 'unknown decision maker'}")
        for p in r.passages:
            snippet = " ".join(p.text.split())
            snippet = snippet if len(snippet) <= 240 else snippet[:237] + "..."
            lines.append(f"   [{p.paragraph or '—'}] {snippet}")
    return "\n".join(lines)


def cmd_ask(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from search_api.answer import answer_question

    settings = _settings(args)
    index = _open_index(settings)
    result = answer_question(index, _checked_query(args.question, settings), settings,
                             filters=_filter_values(args), staff=settings.staff)  # fmt: skip
    if args.json:
        print(json.dumps(asdict(result), indent=2, ensure_ascii=False))
        return 0
    if not result.answered:
        print(f"Not found in the decisions. {result.explanation or ''}".strip())
        for p in result.related[:3]:
            print(f"  possibly related: [{p.paragraph or '—'}] {' '.join(p.text.split())[:200]}")
        return 0
    print(result.answer)
    for i, c in enumerate(result.citations, 1):
        print(f'  [{i}] {c.ref or c.title}, paragraph {c.paragraph or "—"}: "{c.quote}"')
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from indexer import store
    from search_api.index import IndexHolder, IndexUnavailable
    from serve.app import create_app
    from serve.protocol import HTTP_PROTOCOL

    settings = _settings(args)
    if settings.staff and not settings.staff_token and args.host not in ("127.0.0.1", "localhost", "::1"):
        print("decisions serve: staff mode shows withheld decisions; bind it to 127.0.0.1 or set "
              "DECISIONS_STAFF_TOKEN", file=sys.stderr)  # fmt: skip
        return 2
    from storage.milvus import is_lite

    if args.workers > 1 and settings.store == "milvus" and is_lite(settings.milvus_uri):
        print("decisions serve: a milvus-lite file is opened by one process at a time; serve it with "
              "--workers 1, or use a Milvus server (--milvus-uri http://host:19530)", file=sys.stderr)  # fmt: skip
        return 2
    if args.workers == 1:
        holder = IndexHolder(settings)
        holder.get()  # load the model and index before the first request, and fail early
        print(f"Serving decision search on http://{args.host}:{args.port} (API docs at /docs)", flush=True)
        uvicorn.run(create_app(settings, holder), host=args.host, port=args.port, log_level="warning",
                    http=HTTP_PROTOCOL)  # fmt: skip
        return 0
    # Each worker process loads the model and index itself (serve.app.app_from_environment);
    # this one only supervises, so it checks that there is an index without loading it.
    if store.current_generation(settings.data_dir) is None:
        raise IndexUnavailable(f"no index in {settings.data_dir}; build one with `decisions index CORPUS "
                               f"--data-dir {settings.data_dir}`")  # fmt: skip
    print(f"Serving decision search on http://{args.host}:{args.port} with {args.workers} processes "
          "(API docs at /docs)", flush=True)  # fmt: skip
    os.environ.update(settings.as_environment())
    uvicorn.run("serve.app:app_from_environment", factory=True, workers=args.workers, host=args.host,
                port=args.port, log_level="warning", http=HTTP_PROTOCOL)  # fmt: skip
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from search_api import question_parse
    from search_api.evaluate import (
        compare_modes,
        evaluate_items,
        format_items,
        format_table,
        load_items,
        totals,
    )

    settings = _settings(args)
    index = _open_index(settings)
    # Loaded before timing, as the server loads it before serving: answer times are of answering,
    # not of the first question's loading the language parser (~1.5 s).
    question_parse.load()
    files = {Path(f).name: load_items(Path(f)) for f in args.files}
    if args.compare:
        # One table per file and one for all of them: keyword, semantic and hybrid side by side.
        tables = {name: compare_modes(items, index, settings) for name, items in files.items()}
        if len(files) > 1:
            tables["all files"] = compare_modes(
                [i for items in files.values() for i in items], index, settings
            )
        if args.json:
            print(json.dumps(tables, indent=2))
            return 0
        for name, columns in tables.items():
            print(f"== {name} ==\n{format_table(columns)}\n")
        return 0
    reports = {name: evaluate_items(items, index, settings, args.mode) for name, items in files.items()}
    columns = {name: report["totals"] for name, report in reports.items()}
    if len(files) > 1:
        columns["all files"] = totals([row for report in reports.values() for row in report["items"]])
    if args.json:
        print(json.dumps({"files": reports, "totals": columns}, indent=2))
        return 0
    if args.items:
        for name, report in reports.items():
            print(f"== {name} ==\n{format_items(report)}\n")
    print(f"mode {args.mode}\n{format_table(columns)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="decisions", description="Search GLA decisions offline.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", help="index a folder of decisions (.txt, .html, .pdf)")
    p.add_argument("corpus", help="folder to read, recursively")
    p.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    _common(p)
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="search the index")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--mode", choices=SEARCH_MODES, default="hybrid")
    p.add_argument("--json", action="store_true")
    _common(p)
    _filters(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("ask", help="answer a question from the decisions, with citations")
    p.add_argument("question")
    p.add_argument("--json", action="store_true")
    _common(p)
    _filters(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("serve", help="serve the web site and JSON API")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--staff", action="store_true", help="show deferred and Part 2 decisions (marked)")
    p.add_argument("--workers", type=int, default=1, choices=range(1, 17), metavar="N",
                   help="server processes (each loads the model); 2 uses both cores of a 2-core machine")  # fmt: skip
    _common(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="score search and answers against JSONL files of questions")
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="question files (JSONL); each is scored, then all"
    )
    p.add_argument("--mode", choices=SEARCH_MODES[:3], default="hybrid")  # exhaustive has no ranking to score
    p.add_argument("--compare", action="store_true", help="keyword, semantic and hybrid side by side")
    p.add_argument("--items", action="store_true", help="also list every item with its result")
    p.add_argument("--json", action="store_true")
    _common(p)
    p.set_defaults(func=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    from indexer.embed import ModelUnavailable
    from indexer.store import IndexBusy
    from search_api.index import IndexUnavailable

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (
        IndexUnavailable,
        IndexBusy,
        ModelUnavailable,
        SettingsError,
        FileNotFoundError,
        QueryTooLong,
    ) as exc:
        # Errors a user can act on: one line saying what to do, no traceback.
        print(f"decisions {args.command}: {exc}", file=sys.stderr)
        return 2
