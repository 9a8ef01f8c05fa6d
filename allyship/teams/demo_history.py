"""Sample participation for the demo agency, so team pages show real figures after `make run`.

Teammates' attempts of the starter self-assessment in the last two quarters (the same seven
people each time, so both quarters pass the K rule and neither can be subtracted from the other),
their progress in starter modules, two assignments and a few shared entries. Nothing is written
twice: each step checks first. No reflection text is invented for anyone.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from allyship.accountability.models import Entry
from allyship.accounts import figures, pages, sharing
from allyship.accounts.models import Agency, User
from allyship.teams.group_scores import quarter_start
from allyship.teams.models import Assignment
from assessments.models import Attempt, Instrument, Item
from assessments.services import attempt_save_answers, attempt_submit
from learning.models import Lesson, Module
from learning.services import lesson_visit

INSTRUMENT_SLUG = "allyship-in-my-practice"
ASSIGNED_MODULE_SLUG = "allyship-as-a-practice"
SHARED_ENTRY = {
    "title": "Asked a youth how they wanted their plan explained",
    "kind": Entry.Kind.ACTION,
    "level": Entry.Level.INDIVIDUAL,
    "what_happened": "I offered a short written version and a conversation. They chose both.",
    "what_i_learned": "Choice in the format mattered as much as the content.",
}


def _mid_quarter(quarters_back):
    day = quarter_start(timezone.localdate(), quarters_back) + timedelta(days=40)
    return timezone.make_aware(datetime.combine(day, time(10)))


def _answer(position, person_index, quarters_back):
    """A plausible, varied answer (1–5) that grows a little from one quarter to the next."""
    return max(1, min(5, 2 + (position + person_index) % 3 + (quarters_back == 1)))


def _attempts(people, instrument):
    scale_items = list(
        Item.objects.filter(dimension__instrument=instrument, kind=Item.Kind.SCALE).order_by(
            "dimension__position", "position", "pk"
        )
    )
    for person_index, person in enumerate(people):
        if Attempt.objects.filter(user=person, instrument__slug=instrument.slug).exists():
            continue
        for quarters_back in (2, 1):
            attempt = Attempt.objects.create(user=person, instrument=instrument)
            values = {
                item.pk: _answer(position, person_index, quarters_back)
                for position, item in enumerate(scale_items)
            }
            attempt_save_answers(attempt=attempt, values=values, texts={})
            attempt_submit(attempt=attempt)
            when = _mid_quarter(quarters_back)
            Attempt.objects.filter(pk=attempt.pk).update(
                started_at=when - timedelta(minutes=25), submitted_at=when, updated_at=when
            )


def _progress(people, module):
    lessons = list(Lesson.objects.filter(module=module).order_by("order", "pk"))
    for person_index, person in enumerate(people):
        # Some finished, some part-way, some not yet started.
        for lesson in lessons[: len(lessons) * (person_index % 3) // 2]:
            lesson_visit(user=person, lesson=lesson)


def seed_demo_history(*, team, supervisor, worker, teammates):
    instrument = (
        Instrument.objects.published().filter(slug=INSTRUMENT_SLUG).order_by("-version").first()
    )
    module = Module.objects.published().filter(slug=ASSIGNED_MODULE_SLUG).first()
    if instrument is None or module is None:
        return  # starter content not loaded: nothing to build history on
    _attempts([worker, *teammates], instrument)
    # Submission dates were moved back with update(), which no signal sees.
    figures.changed(Agency.objects.filter(pk=team.agency_id))
    pages.changed(User.objects.filter(pk__in=[worker.pk, *(person.pk for person in teammates)]))
    _progress(teammates, module)
    today = timezone.localdate()
    Assignment.objects.get_or_create(
        team=team,
        module=module,
        defaults={
            "assigned_by": supervisor,
            "due_on": today + timedelta(days=14),
            "note": "We'll talk about it at the team meeting after the due date.",
        },
    )
    Assignment.objects.get_or_create(
        team=team,
        instrument=instrument,
        assignee=teammates[0],
        defaults={"assigned_by": supervisor, "due_on": today + timedelta(days=30)},
    )
    for person in teammates[:2]:
        entry, _ = Entry.objects.get_or_create(
            user=person, title=SHARED_ENTRY["title"], defaults=SHARED_ENTRY
        )
        sharing.share_item(item=entry)
