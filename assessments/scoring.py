"""How answers become scores: the one place the arithmetic lives.

A scale answer runs from 1 (Never) to 5 (Always). A reverse-scored item counts as ``6 - answer``,
so "Always" on a reverse item counts like "Never" on a plain one. A dimension's score is the mean
of its counted answers, stretched from 1–5 onto 0–100 and rounded:

    score = round((mean - 1) / 4 * 100)

Reflections are never scored. Unanswered scale items are left out of the mean (submission
requires every scale item, so this only matters for partial previews).
"""

from collections.abc import Iterable, Mapping

LOWEST, HIGHEST = 1, 5
STAGE_COUNT = 6


def counted_value(value: int, *, reverse: bool) -> int:
    return LOWEST + HIGHEST - value if reverse else value


def dimension_scores(
    items: Iterable[tuple[int, int, bool]], answers: Mapping[int, int | None]
) -> dict[int, int | None]:
    """Score every dimension, 0–100.

    ``items``: (item id, dimension id, reverse-scored) for each *scale* item.
    ``answers``: item id → answer value (1–5) or None.
    Returns dimension id → score, or None when none of the dimension's items has an answer.
    """
    totals: dict[int, list[int]] = {}
    for item_id, dimension_id, reverse in items:
        bucket = totals.setdefault(dimension_id, [])
        value = answers.get(item_id)
        if value is not None:
            bucket.append(counted_value(value, reverse=reverse))
    scores: dict[int, int | None] = {}
    for dimension_id, values in totals.items():
        if not values:
            scores[dimension_id] = None
            continue
        mean = sum(values) / len(values)
        scores[dimension_id] = round((mean - LOWEST) / (HIGHEST - LOWEST) * 100)
    return scores


def band_for(score: int | None) -> str:
    """ "low" (0–39), "middle" (40–69) or "high" (70–100): which interpretation text applies."""
    if score is None or score < 40:
        return "low"
    if score < 70:
        return "middle"
    return "high"


def stage_for(score: int) -> int:
    """Stage 1–6 on the agency continuum: six equal slices of 0–100 (100 lands in stage 6)."""
    return min(STAGE_COUNT, score * STAGE_COUNT // 100 + 1)
