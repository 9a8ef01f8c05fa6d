"""Which learning topics (and, once the learning app has modules, which modules) to suggest.

The boundary with ``learning`` is this one function: it reads ``learning.models.Topic`` only.
"""

from learning.models import Topic


def recommended_topics(attempt, scores):
    """Topics linked to the two lowest-scoring dimensions of ``attempt``.

    ``scores`` is the attempt's list of DimensionScore rows (already loaded by the view).
    """
    lowest = sorted(scores, key=lambda row: (row.score, row.dimension.position))[:2]
    return list(
        Topic.objects.filter(dimensions__in=[row.dimension_id for row in lowest])
        .distinct()
        .order_by("name")
    )
