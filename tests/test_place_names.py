"""Places read by spaCy's entity recogniser, for "Which country…" questions."""

from __future__ import annotations

from search_api.place_names import places


def test_a_country_is_a_place_and_london_is_where_every_decision_is():
    # MD3254: "…removal of non-compliant vehicles from use in Greater London to Ukraine."
    text = "…removal of non-compliant vehicles from use in Greater London to Ukraine."
    assert [p.text for p in places(text)] == ["Ukraine"]
    assert text[places(text)[0].start : places(text)[0].end] == "Ukraine"
    # A borough is not a country, nor is London.
    assert places("Grants went to Hackney and Harrow in London.") == ()
