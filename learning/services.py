from django.db import transaction
from django.utils import timezone

from learning.models import Lesson, LessonProgress, ModuleCompletion, QuestionAnswer


def lesson_visit(*, user, lesson) -> ModuleCompletion | None:
    """Record that ``user`` reached ``lesson``; complete the module once every lesson is reached.

    Returns the completion once every lesson is reached, or None while one is still unvisited.
    Completion is recorded once and kept, even if lessons are added later.
    """
    # One query, whatever the module's length, tells both whether this is a first visit and
    # whether any other lesson is still unvisited; a return visit mid-module writes nothing.
    unvisited = set(
        Lesson.objects.filter(module_id=lesson.module_id)
        .exclude(progress__user=user)
        .order_by()
        .values_list("pk", flat=True)
    )
    first_visit = lesson.pk in unvisited
    unvisited.discard(lesson.pk)
    if unvisited and not first_visit:
        return None
    with transaction.atomic():
        if first_visit:
            LessonProgress.objects.get_or_create(user=user, lesson=lesson)
        if unvisited:
            return None
        completion, _ = ModuleCompletion.objects.get_or_create(
            user=user, module_id=lesson.module_id, defaults={"completed_on": timezone.localdate()}
        )
        return completion


@transaction.atomic
def question_answer(*, user, question, choices) -> QuestionAnswer:
    """Store an answer; the first one is kept for the record, a later try replaces the latest."""
    correct_ids = {c.pk for c in question.choices.all() if c.is_correct}
    chosen_ids = {c.pk for c in choices}
    is_correct = chosen_ids == correct_ids
    answer, created = QuestionAnswer.objects.select_for_update().get_or_create(
        user=user,
        question=question,
        defaults={"first_correct": is_correct, "latest_correct": is_correct, "attempts": 1},
    )
    if created:
        answer.first_choices.set(choices)
    else:
        answer.latest_correct = is_correct
        answer.attempts += 1
        answer.save(update_fields=["latest_correct", "attempts", "answered_at"])
    answer.latest_choices.set(choices)
    return answer
