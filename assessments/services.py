"""Writes that touch several rows: saving a page of answers, submitting, copying a version."""

from django.db import transaction
from django.utils import timezone

from allyship.content_language import translated_values
from assessments.models import Answer, Attempt, Dimension, DimensionScore, Instrument, Item, Stage
from assessments.scoring import dimension_scores, stage_for


@transaction.atomic
def attempt_save_answers(*, attempt: Attempt, values: dict, texts: dict, page: int | None = None):
    """Store only the answers that were posted, item by item.

    Other pages' answers (perhaps saved from another tab) are never touched, so two tabs on one
    attempt don't overwrite each other's work.
    """
    for item_id, value in values.items():
        Answer.objects.update_or_create(attempt=attempt, item_id=item_id, defaults={"value": value})
    for item_id, text in texts.items():
        Answer.objects.update_or_create(attempt=attempt, item_id=item_id, defaults={"text": text})
    if page is not None and page != attempt.current_page:
        # Only the page reached: not the other fields of a row another tab may have saved, nor
        # updated_at. A save, so that the person's pages version moves (home says the page).
        attempt.current_page = page
        attempt.save(update_fields=["current_page"])


def unanswered_scale_items(attempt: Attempt):
    return (
        Item.objects.filter(dimension__instrument_id=attempt.instrument_id, kind=Item.Kind.SCALE)
        .exclude(answers__attempt=attempt, answers__value__isnull=False)
        .select_related("dimension")
        .order_by("dimension__position", "dimension__pk", "position", "pk")
    )


@transaction.atomic
def attempt_submit(*, attempt: Attempt) -> bool:
    """Submit once: a double click or the back button can't record a second submission.

    Returns True when this call submitted the attempt, False when it was already submitted.
    """
    locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if locked.submitted_at is not None:
        attempt.submitted_at = locked.submitted_at
        return False
    items = Item.objects.filter(
        dimension__instrument_id=locked.instrument_id, kind=Item.Kind.SCALE
    ).values_list("pk", "dimension_id", "reverse_scored")
    answers = dict(
        Answer.objects.filter(attempt=locked, value__isnull=False).values_list("item_id", "value")
    )
    scores = dimension_scores(items, answers)
    is_agency = locked.instrument.is_agency
    DimensionScore.objects.bulk_create(
        DimensionScore(
            attempt=locked,
            dimension_id=dimension_id,
            score=score,
            stage=stage_for(score) if is_agency else None,
        )
        for dimension_id, score in scores.items()
        if score is not None
    )
    locked.submitted_at = timezone.now()
    locked.save(update_fields=["submitted_at", "updated_at"])
    attempt.submitted_at = locked.submitted_at
    return True


@transaction.atomic
def instrument_new_version(*, instrument: Instrument) -> Instrument:
    """Copy an instrument, its stages, dimensions, topics and items as the next draft version.

    Texts are copied in every language (``translated_values``), so a new version keeps its French.
    """
    latest = Instrument.objects.filter(slug=instrument.slug).order_by("-version").first()
    copy = Instrument.objects.create(
        **translated_values(instrument),
        slug=instrument.slug,
        kind=instrument.kind,
        agency=instrument.agency,
        version=latest.version + 1,
        status=Instrument.Status.DRAFT,
        is_starter=instrument.is_starter,
    )
    Stage.objects.bulk_create(
        Stage(instrument=copy, position=s.position, **translated_values(s))
        for s in instrument.stages.all()
    )
    for dimension in instrument.dimensions.prefetch_related("items", "topics"):
        new = Dimension.objects.create(
            instrument=copy,
            position=dimension.position,
            slug=dimension.slug,
            **translated_values(dimension),
        )
        new.topics.set(dimension.topics.all())
        Item.objects.bulk_create(
            Item(
                dimension=new,
                position=item.position,
                kind=item.kind,
                **translated_values(item),
                reverse_scored=item.reverse_scored,
            )
            for item in dimension.items.all()
        )
    return copy
