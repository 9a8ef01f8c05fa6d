"""Assignments: a supervisor asks a team, or one member of it, to take a module or an assessment."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyship.accounts.models import Membership, Team


class AssignmentQuerySet(models.QuerySet):
    def for_member(self, user):
        """What ``user`` is asked to do: their teams' whole-team assignments and their own.

        Whole-team assignments are matched through current memberships, so a person who joins a
        team later sees the team's assignments too.
        """
        member_of = Membership.objects.filter(user=user, role=Membership.Role.MEMBER)
        return self.filter(team__in=member_of.values("team_id")).filter(
            Q(assignee__isnull=True) | Q(assignee=user)
        )

    def with_subject(self):
        return self.select_related("module", "instrument", "assigned_by", "assignee", "team")


class Assignment(models.Model):
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="assignments"
    )
    # Empty for the whole team; otherwise one member of the team.
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.CASCADE,
        related_name="assignments",
        null=True,
        blank=True,
    )
    module = models.ForeignKey(
        "learning.Module",
        verbose_name=_("module"),
        on_delete=models.PROTECT,
        related_name="assignments",
        null=True,
        blank=True,
    )
    instrument = models.ForeignKey(
        "assessments.Instrument",
        verbose_name=_("self-assessment"),
        on_delete=models.PROTECT,
        related_name="assignments",
        null=True,
        blank=True,
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "assigned_at", "pk"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.CheckConstraint(
                condition=Q(module__isnull=False, instrument__isnull=True)
                | Q(module__isnull=True, instrument__isnull=False),
                name="assignment_module_xor_instrument",
            )
        ]
        indexes = [models.Index(fields=["team", "assignee"], name="assignment_team_assignee_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.subject.get_absolute_url()

    @property
    def subject(self):
        return self.module or self.instrument

    @property
    def title(self):
        """The module's or self-assessment's title, without an instrument's version number."""
        return self.subject.title

    def applies_to(self, user_id):
        return self.assignee_id is None or self.assignee_id == user_id


class AssignmentReminder(models.Model):
    """A reminder email sent about one assignment to one person on one day (idempotence)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="assignment_reminders",
    )
    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("assignment reminder")
        verbose_name_plural = _("assignment reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "assignment", "sent_on"], name="assignment_reminder_once_a_day"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.sent_on}"
