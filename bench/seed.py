"""The scale data set: one agency, 40 teams (one of 50), N workers with two years of history each.

Everything is written with ``bulk_create`` in large batches, a few statements per table, so 600
workers take well under two minutes. The history is plausible rather than random noise: attempts
a quarter or two apart whose scores grow a little, progress through whole modules, entries spread
over two years, commitments open and closed, a few items shared and commented on.

Pages are measured for three people, returned by :func:`seed`: a worker of the 50-member team,
that team's supervisor and the agency admin.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from itertools import cycle

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from allyship.accountability.models import Comment, Commitment, Entry, EquityGroup, FollowUp
from allyship.accounts.models import AGENCY_ADMINS_GROUP, Agency, Membership, Share, Team, User
from assessments.models import Answer, Attempt, DimensionScore, Instrument, Item
from assessments.scoring import dimension_scores, stage_for
from assessments.starter import load_starter_instruments
from learning.models import Lesson, LessonProgress, Module, ModuleCompletion
from learning.starter import load_starter_curriculum

AGENCY_SLUG = "bench"
TEAMS = 40
BIG_TEAM_SIZE = 50
ATTEMPTS_PER_WORKER = 4
MODULES_PER_WORKER = 6
ENTRIES_PER_WORKER = 30
COMMITMENTS_PER_WORKER = 10
BATCH = 5000


@dataclass(frozen=True)
class Personas:
    worker: User
    supervisor: User
    agency_admin: User
    big_team: Team


@contextmanager
def _keeping_given_dates(*models):
    """Let bulk_create store the historic dates we give instead of "now" (auto_now fields)."""
    fields = [
        field
        for model in models
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _bulk(model, rows):
    return model.objects.bulk_create(rows, batch_size=BATCH)


def _agency_name(slug, workers):
    return f"{slug.capitalize()} agency ({workers} workers)"


def _domain(slug):
    return f"{slug}.allyship.test"


def existing(workers: int, *, slug: str = AGENCY_SLUG) -> Personas | None:
    """The personas of a data set already seeded at this size, or None."""
    agency = Agency.objects.filter(slug=slug).first()
    if agency is None or agency.name != _agency_name(slug, workers):
        return None
    return _personas(agency)


def _personas(agency):
    big_team = Team.objects.get(agency=agency, name="Team 01")
    domain = _domain(agency.slug)
    return Personas(
        worker=User.objects.get(email=f"worker0001@{domain}"),
        supervisor=User.objects.get(email=f"supervisor01@{domain}"),
        agency_admin=User.objects.get(email=f"admin@{domain}"),
        big_team=big_team,
    )


def _team_sizes(workers):
    """One team of 50 (or all of them, if fewer), the rest spread evenly over 39 teams."""
    big = min(BIG_TEAM_SIZE, workers)
    rest = workers - big
    sizes = [big] + [rest // (TEAMS - 1) + (i < rest % (TEAMS - 1)) for i in range(TEAMS - 1)]
    return sizes


def _quarter_start(today, quarters_back):
    index = today.year * 4 + (today.month - 1) // 3 - quarters_back
    return datetime(index // 4, index % 4 * 3 + 1, 1)


@transaction.atomic
def seed(workers: int, *, slug: str = AGENCY_SLUG) -> Personas:
    """Seed an agency of ``workers`` people (its slug names it, so tests can seed two)."""
    load_starter_curriculum()
    load_starter_instruments()
    now = timezone.now()
    today = timezone.localdate()
    # Unusable ("!" prefix): the bench writes its sessions straight to the database.
    password = "!bench-no-password"  # noqa: S105

    domain = _domain(slug)
    agency = Agency.objects.create(name=_agency_name(slug, workers), slug=slug)
    sizes = _team_sizes(workers)
    teams = _bulk(Team, [Team(agency=agency, name=f"Team {n:02}") for n in range(1, TEAMS + 1)])
    people = _bulk(
        User,
        [
            User(
                email=f"worker{n:04}@{domain}",
                display_name=f"Worker {n:04}",
                agency=agency,
                password=password,
                date_joined=now - timedelta(days=800),
            )
            for n in range(1, workers + 1)
        ]
        + [
            User(
                email=f"supervisor{n:02}@{domain}",
                display_name=f"Supervisor {n:02}",
                agency=agency,
                password=password,
            )
            for n in range(1, TEAMS + 1)
        ]
        + [
            User(
                email=f"admin@{domain}",
                display_name="Agency Admin",
                agency=agency,
                password=password,
            )
        ],
    )
    staff, supervisors, admin = people[:workers], people[workers:-1], people[-1]
    admin.groups.add(Group.objects.get(name=AGENCY_ADMINS_GROUP))

    memberships, team_of, start = [], {}, 0
    for team, size, supervisor in zip(teams, sizes, supervisors, strict=True):
        memberships.append(Membership(team=team, user=supervisor, role=Membership.Role.SUPERVISOR))
        for person in staff[start : start + size]:
            memberships.append(Membership(team=team, user=person))
            team_of[person.pk] = (team, supervisor)
        start += size
    _bulk(Membership, memberships)

    instrument = Instrument.objects.published().filter(kind=Instrument.Kind.PERSONAL).first()
    modules = list(Module.objects.published().order_by("slug"))
    _assignments(teams, supervisors, modules, instrument, today)
    attempts = _attempts(staff, instrument, today)
    _progress(staff, modules, now)
    entries = _entries(staff, now, today)
    commitments = _commitments(staff, entries, now, today)
    _shares_and_comments(staff, team_of, attempts, entries, commitments, now)
    return _personas(agency)


def _assignments(teams, supervisors, modules, instrument, today):
    """Two whole-team assignments per team, when the app has assignments (allyship.teams)."""
    try:
        from allyship.teams.models import Assignment
    except ImportError:
        return
    rows = []
    for index, (team, supervisor) in enumerate(zip(teams, supervisors, strict=True)):
        rows.append(
            Assignment(
                team=team,
                module=modules[index % len(modules)],
                assigned_by=supervisor,
                due_on=today + timedelta(days=14 - index % 30),
            )
        )
        if instrument is not None:
            rows.append(
                Assignment(
                    team=team,
                    instrument=instrument,
                    assigned_by=supervisor,
                    due_on=today + timedelta(days=30),
                )
            )
    _bulk(Assignment, rows)


def _attempts(staff, instrument, today):
    """Four submitted attempts per worker, half a year apart, scores growing a little."""
    items = list(
        Item.objects.filter(dimension__instrument=instrument).order_by(
            "dimension__position", "position", "pk"
        )
    )
    scale = [(item.pk, item.dimension_id, item.reverse_scored) for item in items if item.is_scale]
    attempts, plans = [], []
    for person_index, person in enumerate(staff):
        for number in range(ATTEMPTS_PER_WORKER):
            quarters_back = 2 * (ATTEMPTS_PER_WORKER - number) - 1
            when = timezone.make_aware(
                datetime.combine(
                    _quarter_start(today, quarters_back) + timedelta(days=20 + person_index % 40),
                    time(10),
                )
            )
            attempts.append(
                Attempt(
                    user=person,
                    instrument=instrument,
                    current_page=1,
                    started_at=when - timedelta(minutes=25),
                    updated_at=when,
                    submitted_at=when,
                )
            )
            plans.append((person_index, number))
    with _keeping_given_dates(Attempt, Answer):
        attempts = _bulk(Attempt, attempts)
        answers, scores = [], []
        for attempt, (person_index, number) in zip(attempts, plans, strict=True):
            values = {}
            for position, item in enumerate(items):
                if item.is_scale:
                    values[item.pk] = max(
                        1, min(5, 1 + (position + person_index) % 3 + number // 2)
                    )
                    answers.append(
                        Answer(
                            attempt=attempt,
                            item=item,
                            value=values[item.pk],
                            updated_at=attempt.submitted_at,
                        )
                    )
                elif number % 2 == 0:
                    answers.append(
                        Answer(
                            attempt=attempt,
                            item=item,
                            text="A few lines on what I noticed in my own practice this quarter.",
                            updated_at=attempt.submitted_at,
                        )
                    )
            for dimension_id, score in dimension_scores(scale, values).items():
                stage = stage_for(score) if instrument.is_agency else None
                scores.append(
                    DimensionScore(
                        attempt=attempt, dimension_id=dimension_id, score=score, stage=stage
                    )
                )
        _bulk(Answer, answers)
        _bulk(DimensionScore, scores)
    return attempts


def _progress(staff, modules, now):
    """Progress in six modules each: the first four completed, the next two part-way."""
    lessons = {
        module.pk: list(Lesson.objects.filter(module=module).order_by("order", "pk"))
        for module in modules
    }
    visits, completions = [], []
    for person_index, person in enumerate(staff):
        for rank in range(min(MODULES_PER_WORKER, len(modules))):
            module = modules[(person_index + rank) % len(modules)]
            module_lessons = lessons[module.pk]
            reached = module_lessons if rank < 4 else module_lessons[: len(module_lessons) // 2]
            when = now - timedelta(days=600 - rank * 100 + person_index % 30)
            visits.extend(
                LessonProgress(user=person, lesson=lesson, visited_at=when + timedelta(hours=n))
                for n, lesson in enumerate(reached)
            )
            if rank < 4:
                completions.append(
                    ModuleCompletion(user=person, module=module, completed_on=when.date())
                )
    with _keeping_given_dates(LessonProgress):
        _bulk(LessonProgress, visits)
    _bulk(ModuleCompletion, completions)


def _entries(staff, now, today):
    groups = cycle(EquityGroup.objects.values_list("pk", flat=True))
    kinds, levels = cycle(Entry.Kind.values), cycle(Entry.Level.values)
    rows = []
    for person in staff:
        for number in range(ENTRIES_PER_WORKER):
            day = today - timedelta(days=number * 730 // ENTRIES_PER_WORKER + person.pk % 7)
            created = timezone.make_aware(datetime.combine(day, time(16)))
            rows.append(
                Entry(
                    user=person,
                    kind=next(kinds),
                    level=next(levels),
                    date=day,
                    title=f"Log entry {number + 1}: a conversation with a family",
                    what_happened="I noticed who was speaking and who was not, and asked.",
                    what_i_learned="Slowing down made room for the family's own words.",
                    what_i_will_do_differently="Ask earlier how they want to be involved.",
                    created_at=created,
                    updated_at=created,
                )
            )
    with _keeping_given_dates(Entry):
        entries = _bulk(Entry, rows)
    through = Entry.equity_groups.through
    _bulk(through, [through(entry_id=entry.pk, equitygroup_id=next(groups)) for entry in entries])
    return entries


def _commitments(staff, entries, now, today):
    """Ten per worker over two years: the older ones closed, the recent ones still open."""
    rows, by_person = [], {}
    for entry in entries:
        by_person.setdefault(entry.user_id, []).append(entry)
    for person in staff:
        own_entries = by_person[person.pk]
        for number in range(COMMITMENTS_PER_WORKER):
            due = today + timedelta(days=30 - number * 73)
            is_open = number < 3
            created = timezone.make_aware(datetime.combine(due - timedelta(days=60), time(9)))
            rows.append(
                Commitment(
                    user=person,
                    text="Ask each family how they want decisions explained to them.",
                    due_date=due,
                    status=Commitment.Status.OPEN
                    if is_open
                    else (Commitment.Status.DONE if number % 3 else Commitment.Status.DROPPED),
                    entry=own_entries[number * 3],
                    closing_note="" if is_open else "It became a habit.",
                    closed_at=None if is_open else created + timedelta(days=55),
                    created_at=created,
                    updated_at=created,
                )
            )
    with _keeping_given_dates(Commitment, FollowUp):
        commitments = _bulk(Commitment, rows)
        _bulk(
            FollowUp,
            [
                FollowUp(
                    commitment=commitment,
                    date=commitment.due_date - timedelta(days=20),
                    note="Tried it twice this month; it changed the meeting.",
                    created_at=commitment.created_at + timedelta(days=40),
                )
                for commitment in commitments[::2]
            ],
        )
    return commitments


def _shares_and_comments(staff, team_of, attempts, entries, commitments, now):
    """Each worker shares their latest attempt, two entries and a commitment; some get comments."""
    types = ContentType.objects.get_for_models(Attempt, Entry, Commitment)
    latest_attempt, entries_of, commitments_of = {}, {}, {}
    for attempt in attempts:
        latest_attempt[attempt.user_id] = attempt
    for entry in entries:
        entries_of.setdefault(entry.user_id, []).append(entry)
    for commitment in commitments:
        commitments_of.setdefault(commitment.user_id, []).append(commitment)
    shares, comments = [], []
    for person in staff:
        items = [
            latest_attempt[person.pk],
            *entries_of[person.pk][:2],
            commitments_of[person.pk][0],
        ]
        for offset, item in enumerate(items):
            shares.append(
                Share(
                    owner=person,
                    content_type=types[type(item)],
                    object_id=item.pk,
                    shared_at=now - timedelta(days=offset * 9 + person.pk % 5),
                )
            )
        _team, supervisor = team_of[person.pk]
        shared_entry = entries_of[person.pk][0]
        comments.append(
            Comment(
                entry=shared_entry,
                author=supervisor,
                text="Thank you for sharing this. Let's talk about it at our next check-in.",
                created_at=now - timedelta(days=2),
                seen_by_owner_at=None if person.pk % 2 else now - timedelta(days=1),
            )
        )
    _bulk(Share, shares)
    _bulk(Comment, comments)
