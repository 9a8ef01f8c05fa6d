"""What to learn next: modules on the topics of an attempt's two lowest dimensions."""

from learning.models import Module, ModuleCompletion, Topic


def recommended_topics(attempt, scores):
    """Topics linked to the two lowest-scoring dimensions of ``attempt``, as a queryset.

    ``scores`` is the attempt's list of DimensionScore rows (already loaded by the view). Left
    unevaluated: ``recommended_modules`` reads it as a subquery, and a results page lists the
    topics themselves only when there is no module to suggest.
    """
    lowest = sorted(scores, key=lambda row: (row.score, row.dimension.position))[:2]
    return (
        Topic.objects.filter(dimensions__in=[row.dimension_id for row in lowest])
        .distinct()
        .order_by("name")
    )


def recommended_modules(user, topics):
    """Published modules the person may take on those topics, not yet completed (one query)."""
    return list(
        Module.objects.available_to(user)
        .filter(topics__in=topics)
        .exclude(pk__in=ModuleCompletion.objects.filter(user=user).values("module_id"))
        .distinct()
        .order_by("title")
    )
