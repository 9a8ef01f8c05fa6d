"""Where people are with what they were assigned, from participation facts only.

Supervisors see whether an assignment is not started, in progress, done or overdue, and when:
never an answer, a score or a reflection of an individual (DESIGN.md, privacy promise 3). The facts
of any number of people load in a fixed number of queries.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from assessments.aggregates import attempt_activity
from learning.progress import completion_dates, lesson_visit_spans


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    OVERDUE = "overdue", _("Overdue")
    DONE = "done", _("Done")


# Order when sorting a column: what needs attention first.
STATUS_ORDER = {Status.OVERDUE: 0, Status.NOT_STARTED: 1, Status.IN_PROGRESS: 2, Status.DONE: 3}


@dataclass(frozen=True)
class Progress:
    status: Status
    started: datetime | date | None = None
    done: datetime | date | None = None

    @property
    def is_done(self):
        return self.status == Status.DONE

    @property
    def is_overdue(self):
        return self.status == Status.OVERDUE

    @property
    def label(self):
        return self.status.label


class Facts:
    """Participation facts of a set of people: a query per kind of fact, whatever their number.

    Lesson visits are read only when a page asks for "in progress" or last activity.
    """

    def __init__(self, user_ids):
        self.user_ids = user_ids
        self.completions = completion_dates(user_ids)
        self.attempts = attempt_activity(user_ids)

    @cached_property
    def visits(self):
        # Loaded only when a page shows "in progress" or last activity (not the agency's counts).
        return lesson_visit_spans(self.user_ids)

    def loaded(self):
        """Every fact read now, so that a copy (in a cache) needs no query."""
        self.visits  # noqa: B018 - read for its side effect of loading
        self._last_activity  # noqa: B018
        return self

    def done_on(self, assignment, user_id):
        """When the person did what was assigned, or None (see ``progress`` for the rules)."""
        if assignment.module_id:
            return self.completions.get((user_id, assignment.module_id))
        activity = self.attempts.get((user_id, assignment.instrument.slug))
        if activity and activity.last_submitted_at:
            if activity.last_submitted_at >= assignment.assigned_at:
                return activity.last_submitted_at
        return None

    def progress(self, assignment, user_id, today=None) -> Progress:
        """Status of ``assignment`` for one person.

        A module counts as done once completed, even before it was assigned: a completion is
        recorded once and a module can't be completed twice. An assessment counts as done when
        submitted after it was assigned, since assessments are meant to be taken again.
        """
        today = today or timezone.localdate()
        done = self.done_on(assignment, user_id)
        if assignment.module_id:
            started = self.visits.get((user_id, assignment.module_id), (None, None))[0]
        else:
            activity = self.attempts.get((user_id, assignment.instrument.slug))
            started = activity and (activity.open_started_at or done)
        if done:
            return Progress(Status.DONE, started or done, done)
        if assignment.due_on and assignment.due_on < today:
            return Progress(Status.OVERDUE, started)
        if started:
            return Progress(Status.IN_PROGRESS, started)
        return Progress(Status.NOT_STARTED)

    def last_activity(self, user_id):
        """When the person last reached a new lesson, or started or submitted a self-assessment.

        Each lesson's first visit counts, and an attempt's start and submission, not every answer
        saved on the way: facts that change seldom enough to cache (``accounts.figures``).
        """
        return self._last_activity.get(user_id)

    @cached_property
    def _last_activity(self):
        latest = {}
        moments = [(uid, last) for (uid, _), (_, last) in self.visits.items()]
        moments += [(uid, a.last_saved_at) for (uid, _), a in self.attempts.items()]
        for user_id, moment in moments:
            if moment and (user_id not in latest or moment > latest[user_id]):
                latest[user_id] = moment
        return latest


@dataclass
class Row:
    membership: object
    cells: list
    last_activity: datetime | None

    @property
    def user(self):
        return self.membership.user


@dataclass
class Column:
    assignment: object
    done: int
    assigned: int

    @property
    def sort_key(self):
        return f"a{self.assignment.pk}"

    @property
    def reverse_sort_key(self):
        return f"-a{self.assignment.pk}"

    @property
    def rate(self):
        """Participation: the share of the people assigned who are done, in percent."""
        return round(100 * self.done / self.assigned) if self.assigned else None


class Matrix:
    """Members × assignments of one team, each cell a ``Progress`` (or None: not theirs)."""

    SORTS = ("name", "-name", "activity", "-activity")

    def __init__(self, memberships, assignments, facts, today=None):
        today = today or timezone.localdate()
        self.assignments = list(assignments)
        rows = []
        for membership in memberships:
            cells = [
                facts.progress(a, membership.user_id, today)
                if a.applies_to(membership.user_id)
                else None
                for a in self.assignments
            ]
            rows.append(Row(membership, cells, facts.last_activity(membership.user_id)))
        self.rows = rows
        self.columns = [
            Column(
                assignment,
                done=sum(1 for row in rows if row.cells[i] and row.cells[i].is_done),
                assigned=sum(1 for row in rows if row.cells[i]),
            )
            for i, assignment in enumerate(self.assignments)
        ]

    @classmethod
    def known_sort(cls, sort):
        """``sort`` if it names a way to sort (by name, activity or an assignment), else "name"."""
        if sort in cls.SORTS or re.fullmatch(r"-?a\d{1,18}", sort):
            return sort
        return "name"

    def sorted_rows(self, sort):
        """Rows in the order asked for: by name, last activity, or one assignment's status."""
        descending = sort.startswith("-")
        key = sort.lstrip("-")
        if key == "activity":
            never = datetime.min.replace(tzinfo=timezone.get_current_timezone())
            return sorted(self.rows, key=lambda r: r.last_activity or never, reverse=descending)
        index = self._column_index(key)
        if index is not None:

            def by_status(row):
                cell = row.cells[index]
                return (STATUS_ORDER[cell.status] if cell else len(STATUS_ORDER), _name(row))

            return sorted(self.rows, key=by_status, reverse=descending)
        return sorted(self.rows, key=_name, reverse=descending)

    def _column_index(self, key):
        for index, assignment in enumerate(self.assignments):
            if key == f"a{assignment.pk}":
                return index
        return None

    @property
    def overdue_count(self):
        return sum(1 for row in self.rows for cell in row.cells if cell and cell.is_overdue)


def _name(row):
    return row.user.display_name.casefold()
