"""People, agencies, teams and memberships, and the sharing of private items.

This is the bottom layer: every other app may import from here, and nothing here imports them.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

TRAINERS_GROUP = "Trainers"
AGENCY_ADMINS_GROUP = "Agency admins"


def sector_or_agency(agency_id, path="agency"):
    """Content that is sector-wide (no agency at ``path``) or the agency ``agency_id``'s own."""
    return models.Q(**{f"{path}__isnull": True}) | models.Q(**{path: agency_id})


def _save_keeping_versions(instance, save, version_fields, kwargs):
    """Save ``instance`` without writing its cache versions (figures.py, pages.py).

    A version only moves forward, by ``UPDATE … SET version = version + 1``. A row read before
    such a move and saved after it would otherwise write the old number back, and pages cached
    under that number before the change would be served again.
    """
    if not instance._state.adding and kwargs.get("update_fields") is None:
        deferred = instance.get_deferred_fields()  # as Model.save leaves them, unread
        kwargs["update_fields"] = [
            field.name
            for field in instance._meta.concrete_fields
            if not field.primary_key
            and field.name not in version_fields
            and field.attname not in deferred
        ]
    save(**kwargs)


class Agency(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Moved on by every change to the data behind the agency's group figures; see figures.py.
    figures_version = models.PositiveBigIntegerField(
        _("version of the group figures"), default=0, editable=False
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self):
        return self.name

    def save(self, **kwargs):
        _save_keeping_versions(self, super().save, {"figures_version"}, kwargs)


class UserQuerySet(models.QuerySet):
    def supervised_by(self, supervisor):
        """People who are members of a team that ``supervisor`` supervises (not themselves)."""
        return (
            self.filter(
                memberships__role=Membership.Role.MEMBER,
                memberships__team__memberships__user=supervisor,
                memberships__team__memberships__role=Membership.Role.SUPERVISOR,
            )
            .exclude(pk=supervisor.pk)
            .distinct()
        )

    def supervisors_of(self, member):
        """People who supervise a team that ``member`` belongs to (not themselves)."""
        return (
            self.filter(
                memberships__role=Membership.Role.SUPERVISOR,
                memberships__team__memberships__user=member,
                memberships__team__memberships__role=Membership.Role.MEMBER,
            )
            .exclude(pk=member.pk)
            .distinct()
        )


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with their email address."""

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=150)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    # Every person belongs to one agency; only platform operators (superusers) may have none.
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="people",
        null=True,
        blank=True,
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Can sign in to the administration pages."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    wants_reminders = models.BooleanField(
        _("email me reminders"),
        default=True,
        help_text=_("A short email when a commitment or an assignment is due soon or overdue."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Moved on by every change to what the person's own pages show; see pages.py.
    pages_version = models.PositiveBigIntegerField(
        _("version of the person's own pages"), default=0, editable=False
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        ordering = ["display_name", "email"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.display_name or self.email

    @classmethod
    def from_db(cls, db, field_names, values):
        user = super().from_db(db, field_names, values)
        # Saving tells a move between agencies or a new name by these (see figures.py); read
        # from __dict__ so a deferred field costs no query.
        user.loaded_agency_id = user.__dict__.get("agency_id")
        user.loaded_display_name = user.__dict__.get("display_name")
        return user

    def save(self, **kwargs):
        _save_keeping_versions(self, super().save, {"pages_version"}, kwargs)

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.display_name

    @cached_property
    def group_names(self) -> frozenset:
        # Loaded with the user row by ``accounts.backends.UserBackend`` on every request.
        if hasattr(self, "loaded_group_names"):
            return frozenset(self.loaded_group_names)
        return frozenset(self.groups.values_list("name", flat=True))

    def in_group(self, name):
        return name in self.group_names

    @property
    def is_trainer(self):
        return self.in_group(TRAINERS_GROUP)

    @property
    def is_agency_admin(self):
        return self.in_group(AGENCY_ADMINS_GROUP)

    @property
    def is_supervisor(self):
        if hasattr(self, "loaded_is_supervisor"):
            return self.loaded_is_supervisor
        return self.memberships.filter(role=Membership.Role.SUPERVISOR).exists()


class TeamQuerySet(models.QuerySet):
    # Subqueries rather than joins, so that counts annotated afterwards see every membership.
    def supervised_by(self, user):
        return self.filter(
            pk__in=Membership.objects.filter(user=user, role=Membership.Role.SUPERVISOR).values(
                "team_id"
            )
        )

    def of_member(self, user):
        return self.filter(
            pk__in=Membership.objects.filter(user=user, role=Membership.Role.MEMBER).values(
                "team_id"
            )
        )

    def with_member_count(self):
        return self.annotate(
            member_count=models.Count(
                "memberships",
                filter=models.Q(memberships__role=Membership.Role.MEMBER),
                distinct=True,
            )
        )


class Team(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="teams"
    )
    name = models.CharField(_("name"), max_length=200)
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="teams"
    )

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["agency__name", "name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="team_unique_name_per_agency")
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A person's place in a team: a member, or a supervisor of it."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        SUPERVISOR = "supervisor", _("Supervisor")

    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        ordering = ["team", "role", "user"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="membership_unique_person_team")
        ]
        indexes = [models.Index(fields=["user", "role"], name="membership_user_role_idx")]

    def __str__(self):
        return f"{self.user} · {self.team} ({self.get_role_display()})"


class ShareQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def for_item(self, item):
        return self.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)

    def visible_to(self, viewer):
        """Active shares whose author is a member of a team ``viewer`` supervises."""
        return self.active().filter(owner__in=User.objects.supervised_by(viewer))


class Share(models.Model):
    """An author's choice to show one private item to their supervisor(s).

    One mechanism for every shareable kind of item (attempts, module reflections, log entries,
    commitments): the item stays private unless an active share exists. Revoking keeps the row
    (with ``revoked_at``) so that the author's "seen by" history survives.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="shares",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    shared_at = models.DateTimeField(_("shared"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="share_unique_item")
        ]
        indexes = [models.Index(fields=["owner", "revoked_at"], name="share_owner_active_idx")]

    def __str__(self):
        return f"{self.content_type.model} #{self.object_id}"

    @property
    def is_active(self):
        return self.revoked_at is None


class ShareView(models.Model):
    """Who has seen a shared item, and when: shown to the author on the item."""

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="views")
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_views"
    )
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_seen_at"]
        constraints = [
            models.UniqueConstraint(fields=["share", "viewer"], name="shareview_unique_viewer")
        ]

    def __str__(self):
        return f"{self.viewer} saw {self.share}"


class SharingEventQuerySet(models.QuerySet):
    def concerning(self, owner):
        """Events about ``owner``'s items, newest first: what they see on their history page."""
        return self.filter(owner=owner).order_by("-at", "-pk")


class SharingEvent(models.Model):
    """One share, unshare or view of a private item, with who and when; rows are never changed.

    ``Share`` keeps only the current state and ``ShareView`` only the first and last view, so
    this append-only log is what lets the author see the whole story after an unshare. It names
    the item by type and id only: never its text.
    """

    class Action(models.TextChoices):
        SHARED = "shared", _("shared")
        UNSHARED = "unshared", _("stopped sharing")
        VIEWED = "viewed", _("opened")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="sharing_events",
    )
    # Kept when the person who acted leaves: the author's history must not lose the event.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    action = models.CharField(_("what"), max_length=20, choices=Action)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    at = models.DateTimeField(_("when"), default=timezone.now)

    objects = SharingEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("sharing event")
        verbose_name_plural = _("sharing events")
        indexes = [models.Index(fields=["owner", "-at"], name="sharingevent_owner_at_idx")]

    def __str__(self):
        return f"{self.action} {self.content_type.model} #{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Sharing events are a record: they are added, never changed.")
        super().save(*args, **kwargs)


class PasswordResetRequest(models.Model):
    """A password-reset request, kept briefly to limit how often one address can be emailed.

    Only a digest of the address is stored, so the table reveals nothing about who asked.
    """

    email_digest = models.CharField(max_length=64)
    requested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["email_digest", "requested_at"], name="reset_digest_time_idx")
        ]

    def __str__(self):
        return f"{self.email_digest[:8]}… at {self.requested_at:%Y-%m-%d %H:%M}"
