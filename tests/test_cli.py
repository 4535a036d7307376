"""The `decisions` command's own behaviour, in-process (its commands are thin layers over the library)."""

from __future__ import annotations

from cli.main import main


def test_a_too_long_query_is_refused_with_the_limit_not_cut(settings, capsys):
    code = main(["search", "grant " * 300, "--data-dir", str(settings.data_dir)])
    err = capsys.readouterr().err
    assert code == 2
    assert "at most 1000 characters" in err and "this one has 1800" in err


def test_eval_prints_each_file_and_all_of_them(settings, tmp_path, capsys):
    one = tmp_path / "one.jsonl"
    two = tmp_path / "two.jsonl"
    # MD2848: "Connecting Communities London investment of £402,000"
    one.write_text('{"id": "x1", "kind": "passage", "query": "Connecting Communities London investment", '
                   '"refs": ["MD2848"], "gold": "Connecting Communities London investment of £402,000"}\n')  # fmt: skip
    two.write_text('{"id": "x2", "kind": "docs", "query": "MD2313", "relevant": ["MD2313"], "top": 1}\n')
    assert main(["eval", str(one), str(two), "--data-dir", str(settings.data_dir), "--compare"]) == 0
    out = capsys.readouterr().out
    assert "== one.jsonl ==" in out and "== two.jsonl ==" in out and "== all files ==" in out
    header = next(line for line in out.splitlines() if line.startswith("figure"))
    assert header.split()[1:] == ["keyword", "semantic", "hybrid"]
    hit5 = next(
        line for line in out.split("== one.jsonl ==")[1].splitlines() if line.startswith("passage hit@5")
    )
    assert hit5.split()[-1] == "1.0"  # hybrid finds the gold passage in its top five


def test_eval_reads_a_code_as_the_page_writes_it(tmp_path):
    from search_api.evaluate import load_items

    # Question writers copy "PCD 1792" from the page; the index stores "PCD1792".
    items = tmp_path / "codes.jsonl"
    items.write_text(
        '{"id": "c1", "kind": "docs", "query": "VRU funding", "relevant": ["PCD 1792", "MD2313"]}\n'
    )
    assert load_items(items)[0]["relevant"] == ["PCD1792", "MD2313"]


def test_eval_reads_a_stray_space_before_a_comma_as_layout():
    from search_api.evaluate import _norm

    # ADD2167's page: "Laura Cordingley Nee Brown , Assistant Director, Team London".
    assert _norm("Laura Cordingley Nee Brown , Assistant Director") == _norm(
        "Laura Cordingley Nee Brown, Assistant Director"
    )
    assert _norm("£1,000") != _norm("£1 000")
