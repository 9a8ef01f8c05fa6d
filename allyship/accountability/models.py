"""The accountability log: entries, commitments and their follow-ups, comments, reminders sent.

Everything here belongs to its author and is private unless shared, item by item, through
``allyship.accounts.sharing``. Querysets are named for whose data they return.
"""

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyship.accounts.limits import WRITING_MAX_LENGTH

# The equity-seeking groups the source text names, in its order (respectful, plural names).
DEFAULT_EQUITY_GROUPS = [
    _("African Canadian people"),
    _("Immigrants and refugees"),
    _("Indigenous peoples"),
    _("2SLGBTQIA+ people"),
    _("People with low incomes"),
    _("Disabled people and people with mental health issues"),
    _("Racialized people"),
    _("Single-mother families"),
]


class EquityGroup(models.Model):
    """A community an entry concerns; trainers and agency admins keep the list in the admin."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(
        _("offered"),
        default=True,
        help_text=_("Hidden groups stay on the entries that name them but are no longer offered."),
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("equity-seeking group")
        verbose_name_plural = _("equity-seeking groups")

    def __str__(self):
        return self.name


def _new_comments_count(owner, item):
    """Others' comments on each ``item`` ("entry" or "commitment") ``owner`` hasn't opened yet.

    A subquery rather than a join and GROUP BY, so that a paginator's count() leaves it out.
    """
    unseen = (
        Comment.objects.unseen_by_owners()
        .filter(**{item: models.OuterRef("pk")})
        .exclude(author=owner)
        .values(item)
        .annotate(count=models.Count("pk"))
        .values("count")
    )
    return Coalesce(models.Subquery(unseen), 0)


class EntryQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def with_new_comment_counts(self, owner):
        """Annotate ``new_comments``: others' comments ``owner`` hasn't opened yet."""
        return self.annotate(new_comments=_new_comments_count(owner, "entry"))

    def with_group_names(self):
        """Annotate ``group_names``: the equity-seeking groups each entry concerns, in order."""
        groups = EquityGroup.objects.filter(entry=models.OuterRef("pk")).values("name")
        return self.annotate(group_names=ArraySubquery(groups))

    def search(self, words):
        """Entries whose text holds every word (in any field), case-insensitively."""
        entries = self
        for word in words.split():
            entries = entries.filter(
                Q(title__icontains=word)
                | Q(what_happened__icontains=word)
                | Q(what_i_learned__icontains=word)
                | Q(what_i_will_do_differently__icontains=word)
            )
        return entries


class Entry(models.Model):
    class Kind(models.TextChoices):
        ACTION = "action", _("Action taken")
        MISTAKE = "mistake", _("Mistake and repair")
        FEEDBACK = "feedback", _("Feedback received")
        LEARNING = "learning", _("Learning")
        ADVOCACY = "advocacy", _("Advocacy")

    class Level(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        AGENCY = "agency", _("Agency")
        MULTI_AGENCY = "multi_agency", _("Multi-agency")
        SECTOR = "sector", _("Sector")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="log_entries",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ACTION)
    date = models.DateField(_("date"), default=timezone.localdate)
    title = models.CharField(_("title"), max_length=200)
    what_happened = models.TextField(_("what happened"), max_length=WRITING_MAX_LENGTH, blank=True)
    what_i_learned = models.TextField(
        _("what I learned"), max_length=WRITING_MAX_LENGTH, blank=True
    )
    what_i_will_do_differently = models.TextField(
        _("what I will do differently"), max_length=WRITING_MAX_LENGTH, blank=True
    )
    level = models.CharField(_("level"), max_length=20, choices=Level, default=Level.INDIVIDUAL)
    # Optional: the module or self-assessment of the author's that this entry is about.
    module = models.ForeignKey(
        "learning.Module",
        verbose_name=_("related module"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    attempt = models.ForeignKey(
        "assessments.Attempt",
        verbose_name=_("related self-assessment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    equity_groups = models.ManyToManyField(
        EquityGroup, verbose_name=_("equity-seeking groups concerned"), blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")
        indexes = [models.Index(fields=["user", "-date"], name="entry_user_date_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("accountability:entry_detail", args=[self.pk])

    # The log shows these for every entry of a page: get_kind_display() and get_level_display()
    # translate every label of the field's choices on each call.
    @property
    def kind_label(self):
        return self.Kind(self.kind).label

    @property
    def level_label(self):
        return self.Level(self.level).label


class CommitmentQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def open(self):
        return self.filter(status=Commitment.Status.OPEN)

    def with_new_comment_counts(self, owner):
        return self.annotate(new_comments=_new_comments_count(owner, "commitment"))

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def open_first(self):
        """Open ones first, the earliest due at the top; closed ones after, newest closed first."""
        return self.annotate(
            is_closed=models.Case(
                models.When(status="open", then=models.Value(0)),
                default=models.Value(1),
                output_field=models.IntegerField(),
            )
        ).order_by("is_closed", "due_date", "-closed_at", "-pk")


class Commitment(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    text = models.TextField(_("what I will do"), max_length=WRITING_MAX_LENGTH)
    due_date = models.DateField(_("by when"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    # Where the commitment came from, if anywhere: a log entry, a module, a self-assessment.
    entry = models.ForeignKey(
        Entry,
        verbose_name=_("log entry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
    )
    module = models.ForeignKey(
        "learning.Module",
        verbose_name=_("module"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
    )
    attempt = models.ForeignKey(
        "assessments.Attempt",
        verbose_name=_("self-assessment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
    )
    closing_note = models.TextField(_("what changed?"), max_length=WRITING_MAX_LENGTH, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        indexes = [models.Index(fields=["status", "due_date"], name="commitment_status_due_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True)
                | (~Q(status="open") & Q(closed_at__isnull=False)),
                name="commitment_closed_at_matches_status",
            )
        ]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return reverse("accountability:commitment_detail", args=[self.pk])

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def is_overdue(self):
        return self.is_open and self.due_date < timezone.localdate()


class FollowUp(models.Model):
    """A dated note on how a commitment is going."""

    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    note = models.TextField(_("note"), max_length=WRITING_MAX_LENGTH)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self):
        return f"{self.date}: {self.note[:40]}"


class CommentQuerySet(models.QuerySet):
    def unseen_by_owners(self):
        return self.filter(seen_by_owner_at__isnull=True)


class Comment(models.Model):
    """A supervisor's comment on a shared entry or commitment, or the author's reply.

    Two nullable foreign keys and a check constraint (exactly one is set) rather than a generic
    relation: comments cascade with their item, prefetch cheaply, and the database enforces
    that a comment is always on something.
    """

    entry = models.ForeignKey(
        Entry,
        verbose_name=_("log entry"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.CASCADE,
        related_name="log_comments",
    )
    text = models.TextField(_("comment"), max_length=WRITING_MAX_LENGTH)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    # When the item's author first saw it; their own replies count as seen at once.
    seen_by_owner_at = models.DateTimeField(_("seen by the author"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(
                condition=Q(entry__isnull=False, commitment__isnull=True)
                | Q(entry__isnull=True, commitment__isnull=False),
                name="comment_on_exactly_one_item",
            )
        ]

    def __str__(self):
        return f"{self.author} · {self.created_at:%Y-%m-%d}"

    @property
    def item(self):
        return self.entry or self.commitment


class Reminder(models.Model):
    """A reminder email sent about one commitment on one day: what makes the command idempotent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "commitment", "sent_on"], name="reminder_once_per_item_per_day"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.sent_on}"


def new_comment_count(user) -> int:
    """Comments by others on ``user``'s entries and commitments that ``user`` hasn't opened yet."""
    # Subqueries on the author's own rows (indexed by user) rather than an OR across two outer
    # joins, which made PostgreSQL scan every entry and commitment of the agency.
    return (
        Comment.objects.unseen_by_owners()
        .filter(
            Q(entry__in=Entry.objects.filter(user=user).values("pk"))
            | Q(commitment__in=Commitment.objects.filter(user=user).values("pk"))
        )
        .exclude(author=user)
        .count()
    )


def seed_equity_groups(**kwargs):
    """Offer the default groups when the list is empty (a new database, or one flushed by tests).

    The data migration seeds them once; this only fills an empty table, so groups an admin
    renamed or hid are never brought back.
    """
    if not EquityGroup.objects.exists():
        EquityGroup.objects.bulk_create(
            EquityGroup(name=str(name), position=position)
            for position, name in enumerate(DEFAULT_EQUITY_GROUPS, start=1)
        )
