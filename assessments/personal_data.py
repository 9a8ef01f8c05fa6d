"""Self-assessments' part of "download my data" and "delete my private data"."""

from django.utils.translation import gettext as _

from assessments.models import Answer, Attempt, DimensionScore


def export(user) -> dict[str, list[dict]]:
    attempts = Attempt.objects.filter(user=user).select_related("instrument")
    return {
        "attempts": [
            {
                "id": attempt.pk,
                "instrument": attempt.instrument.title,
                "version": attempt.instrument.version,
                "started_at": attempt.started_at,
                "submitted_at": attempt.submitted_at,
            }
            for attempt in attempts
        ],
        "answers": [
            {
                "attempt_id": answer.attempt_id,
                "dimension": answer.item.dimension.name,
                "item": answer.item.prompt,
                "value": answer.get_value_display() if answer.value else "",
                "reflection": answer.text,
            }
            for answer in Answer.objects.filter(attempt__user=user).select_related(
                "item__dimension"
            )
        ],
        "scores": [
            {"attempt_id": row.attempt_id, "dimension": row.dimension.name, "score": row.score}
            for row in DimensionScore.objects.filter(attempt__user=user).select_related("dimension")
        ],
    }


def erase(user) -> dict[str, int]:
    """Delete one's own answers, reflections and scores; attempts stay as dates taken.

    Answers given for the agency (agency-level assessment) belong to the agency and stay.
    """
    personal = {"attempt__user": user, "attempt__instrument__kind": "personal"}
    _total, answers = Answer.objects.filter(**personal).delete()
    _total, scores = DimensionScore.objects.filter(**personal).delete()
    return {
        _("self-assessment answers and reflections"): answers.get("assessments.Answer", 0),
        _("self-assessment scores"): scores.get("assessments.DimensionScore", 0),
    }
