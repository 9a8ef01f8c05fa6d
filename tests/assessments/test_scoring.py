"""The scoring arithmetic, checked against numbers worked out by hand."""

from assessments.scoring import band_for, dimension_scores, stage_for


def test_it_scores_all_always_as_100_and_all_never_as_0():
    items = [(1, 10, False), (2, 10, False), (3, 20, False)]
    assert dimension_scores(items, {1: 5, 2: 5, 3: 1}) == {10: 100, 20: 0}


def test_it_reverses_a_reverse_scored_answer():
    # Item 2 is reversed: "Rarely" (2) counts as 6 - 2 = 4. Mean of 4 and 4 is 4:
    # (4 - 1) / 4 * 100 = 75.
    items = [(1, 10, False), (2, 10, True)]
    assert dimension_scores(items, {1: 4, 2: 2}) == {10: 75}


def test_it_works_a_mixed_dimension_by_hand():
    # Answers 5, 3 and reversed 4 (counts 2): mean (5 + 3 + 2) / 3 = 3.333…
    # (3.333 - 1) / 4 * 100 = 58.33 → 58.
    items = [(1, 10, False), (2, 10, False), (3, 10, True)]
    assert dimension_scores(items, {1: 5, 2: 3, 3: 4}) == {10: 58}


def test_it_leaves_out_unanswered_items_and_reports_an_empty_dimension_as_none():
    items = [(1, 10, False), (2, 10, False), (3, 20, False)]
    # Only item 1 (Often, 4) answered in dimension 10: (4 - 1) / 4 * 100 = 75.
    assert dimension_scores(items, {1: 4, 2: None}) == {10: 75, 20: None}


def test_it_picks_the_band_by_score():
    assert [band_for(s) for s in (0, 39, 40, 69, 70, 100)] == [
        "low",
        "low",
        "middle",
        "middle",
        "high",
        "high",
    ]


def test_it_maps_scores_onto_six_stages():
    # Six slices of 100: 0–16 → 1, 17–33 → 2, 34–49 → 3, 50–66 → 4, 67–83 → 5, 84–100 → 6.
    assert [stage_for(s) for s in (0, 16, 17, 34, 50, 67, 84, 100)] == [1, 1, 2, 3, 4, 5, 6, 6]
