from django.db import transaction
from django.utils import timezone

from learning.models import LessonProgress, ModuleCompletion, QuestionAnswer


@transaction.atomic
def lesson_visit(*, user, lesson) -> ModuleCompletion | None:
    """Record that ``user`` reached ``lesson``; complete the module once every lesson is reached.

    Completion is recorded once and kept, even if lessons are added later.
    """
    LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    module = lesson.module
    # One query, whatever the module's length: is any lesson of it still unvisited?
    unvisited = module.lessons.exclude(
        pk__in=LessonProgress.objects.filter(user=user).values("lesson_id")
    )
    if not unvisited.exists():
        completion, _ = ModuleCompletion.objects.get_or_create(
            user=user, module=module, defaults={"completed_on": timezone.localdate()}
        )
        return completion
    return None


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
