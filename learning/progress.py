"""Progress queries other apps call (assessments, teams): each a fixed number of queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count

from learning.models import Lesson, LessonProgress, ModuleCompletion


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
