"""Progress queries other apps call (assessments, teams): each a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min, Subquery

from learning.models import Lesson, LessonProgress, Module, ModuleCompletion


@dataclass(frozen=True)
class ModuleProgress:
    lessons_total: int
    lessons_visited: int
    completed_on: date | None

    @property
    def started(self):
        return self.lessons_visited > 0 or self.completed_on is not None


def completed_module_ids(user) -> set[int]:
    return set(ModuleCompletion.objects.filter(user=user).values_list("module_id", flat=True))


def progress_by_module(user, module_ids=None) -> dict[int, ModuleProgress]:
    """Per-module progress for ``user`` in three queries, whatever the number of modules."""
    lessons = Lesson.objects.all()
    visited = LessonProgress.objects.filter(user=user)
    completions = ModuleCompletion.objects.filter(user=user)
    if module_ids is not None:
        lessons = lessons.filter(module_id__in=module_ids)
        visited = visited.filter(lesson__module_id__in=module_ids)
        completions = completions.filter(module_id__in=module_ids)
    totals = dict(lessons.values("module_id").annotate(n=Count("pk")).values_list("module_id", "n"))
    seen = dict(
        visited.values("lesson__module_id")
        .annotate(n=Count("pk"))
        .values_list("lesson__module_id", "n")
    )
    done = dict(completions.values_list("module_id", "completed_on"))
    ids = set(totals) | set(seen) | set(done)
    return {pk: ModuleProgress(totals.get(pk, 0), seen.get(pk, 0), done.get(pk)) for pk in ids}


# Participation facts of many people at once, for supervisors' pages: one query each, whatever
# the number of people or modules. ``user_ids`` may be a list or a subquery.


def completion_dates(user_ids, module_ids=None) -> dict[tuple[int, int], date]:
    """``(person, module) -> completed on``."""
    completions = ModuleCompletion.objects.filter(user_id__in=user_ids)
    if module_ids is not None:
        completions = completions.filter(module_id__in=module_ids)
    return {
        (user_id, module_id): completed_on
        for user_id, module_id, completed_on in completions.values_list(
            "user_id", "module_id", "completed_on"
        )
    }


def lesson_visit_spans(user_ids):
    """``(person, module) -> (first visit, last visit)`` over every module the people opened."""
    rows = (
        LessonProgress.objects.filter(user_id__in=user_ids)
        .values("user_id", "lesson__module_id")
        .annotate(first=Min("visited_at"), last=Max("visited_at"))
        .values_list("user_id", "lesson__module_id", "first", "last")
    )
    return {(user_id, module_id): (first, last) for user_id, module_id, first, last in rows}


def next_lesson(user) -> Lesson | None:
    """The first lesson not yet reached in the module ``user`` most recently worked on.

    Modules already completed, and modules no longer published, are skipped. One query: the
    module is found by the person's latest lesson visit, as a subquery.
    """
    latest_module = (
        LessonProgress.objects.filter(
            user=user, lesson__module__in=Module.objects.available_to(user).values("pk")
        )
        .exclude(lesson__module__in=ModuleCompletion.objects.filter(user=user).values("module_id"))
        .order_by("-visited_at")
        .values("lesson__module_id")[:1]
    )
    return (
        Lesson.objects.filter(module=Subquery(latest_module))
        .exclude(progress__user=user)
        .select_related("module")
        # What a link to it needs (in every language), not the lesson's body.
        .only("title", "module__title", "module__slug")
        .order_by("order", "pk")
        .first()
    )
