"""The pages the benchmark drives: add a line here to measure another one.

Each page names who views it ("worker", "supervisor" or "agency_admin", see ``bench.seed``) and
how to find its URL in the seeded data. The floor comes first: every other page is compared to it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from assessments.models import Attempt
from learning.models import LessonProgress

FLOOR = "floor"


@dataclass(frozen=True)
class Page:
    name: str
    viewer: str
    url: Callable  # personas -> path


def _latest_results(personas):
    attempt = Attempt.objects.for_user(personas.worker).submitted().order_by("-submitted_at")[0]
    return reverse("assessments:results", args=[attempt.pk])


def _lesson_in_progress(personas):
    progress = (
        LessonProgress.objects.filter(user=personas.worker)
        .select_related("lesson__module")
        .order_by("-visited_at")[0]
    )
    lesson = progress.lesson
    return reverse("learning:lesson", args=[lesson.module.slug, lesson.pk])


PAGES = [
    # A signed-in page with the base layout and no query of the app's own: the ceiling for the
    # others (sessions, the signed-in person and the navigation's roles only).
    Page(FLOOR, "worker", lambda personas: reverse("accounts:privacy")),
    Page("home", "worker", lambda personas: reverse("home")),
    Page("results", "worker", _latest_results),
    Page("lesson", "worker", _lesson_in_progress),
    Page("log", "worker", lambda personas: reverse("accountability:log")),
    Page("team (50)", "supervisor", lambda p: reverse("teams:detail", args=[p.big_team.pk])),
    Page("agency", "agency_admin", lambda personas: reverse("teams:agency")),
]
