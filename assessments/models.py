"""Instruments (versioned, frozen once published), attempts, answers and stored scores."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from allyship.accounts.limits import WRITING_MAX_LENGTH
from allyship.accounts.models import Agency, sector_or_agency
from assessments.scoring import band_for


class InstrumentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Instrument.Status.PUBLISHED)

    def available_to(self, user):
        """Published instruments for the person's agency, or sector-wide ones."""
        return self.available_in(user.agency_id)

    def available_in(self, agency_id):
        """Published instruments of the agency, or sector-wide ones."""
        return self.published().filter(sector_or_agency(agency_id))

    def newest_versions(self):
        """The highest version of each instrument (by slug), whatever its title."""
        return self.order_by("slug", "-version").distinct("slug")


class Instrument(models.Model):
    class Kind(models.TextChoices):
        PERSONAL = "personal", _("Personal (a worker reflects on their own practice)")
        AGENCY = "agency", _("Agency (answered for the agency by a group)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PERSONAL)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="instruments",
        null=True,
        blank=True,
        help_text=_("Leave empty for a sector-wide instrument that every agency can use."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    is_starter = models.BooleanField(
        _("Starter content — to be reviewed with people with lived experience"), default=False
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        ordering = ["title", "-version"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="instrument_unique_version")
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def get_absolute_url(self):
        return reverse("assessments:start", args=[self.pk])

    @property
    def is_frozen(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_agency(self):
        return self.kind == self.Kind.AGENCY


class Stage(models.Model):
    """One step of the six-stage continuum (exclusive → fully inclusive) of an agency instrument."""

    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.CASCADE, related_name="stages"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["instrument", "position"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self):
        return self.name


class Dimension(models.Model):
    instrument = models.ForeignKey(
        Instrument,
        verbose_name=_("instrument"),
        on_delete=models.CASCADE,
        related_name="dimensions",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    slug = models.SlugField(_("slug"), max_length=200, blank=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    band_low = models.TextField(_("interpretation for a low score (0–39)"), blank=True)
    band_middle = models.TextField(_("interpretation for a middle score (40–69)"), blank=True)
    band_high = models.TextField(_("interpretation for a high score (70–100)"), blank=True)
    topics = models.ManyToManyField(
        "learning.Topic", verbose_name=_("learning topics"), blank=True, related_name="dimensions"
    )

    class Meta:
        ordering = ["instrument", "position", "pk"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")

    def __str__(self):
        return self.name

    def band_text(self, score):
        return getattr(self, f"band_{band_for(score)}")


class Item(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", _("Scale (Never … Always)")
        REFLECTION = "reflection", _("Reflection (free text)")

    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.SCALE)
    prompt = models.TextField(_("prompt"))
    help_text = models.TextField(_("help text"), blank=True)
    reverse_scored = models.BooleanField(
        _("reverse-scored"),
        default=False,
        help_text=_("Tick when answering “Always” shows less of this dimension."),
    )

    class Meta:
        ordering = ["dimension", "position", "pk"]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self):
        return self.prompt[:80]

    @property
    def is_scale(self):
        return self.kind == self.Kind.SCALE


class Frequency(models.IntegerChoices):
    """The five-point answer scale of every scale item."""

    NEVER = 1, _("Never")
    RARELY = 2, _("Rarely")
    SOMETIMES = 3, _("Sometimes")
    OFTEN = 4, _("Often")
    ALWAYS = 5, _("Always")


class AttemptQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def submitted(self):
        return self.filter(submitted_at__isnull=False)

    def in_progress(self):
        return self.filter(submitted_at__isnull=True)

    def personal(self):
        return self.filter(instrument__kind=Instrument.Kind.PERSONAL)

    def for_agency(self, agency_id):
        return self.filter(instrument__kind=Instrument.Kind.AGENCY, agency_id=agency_id)

    def latest_submitted_per_user(self):
        """Each person's most recent submitted attempt (per instrument slug)."""
        return (
            self.submitted()
            .order_by("user_id", "instrument__slug", "-submitted_at")
            .distinct("user_id", "instrument__slug")
        )


class Attempt(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    instrument = models.ForeignKey(
        Instrument,
        verbose_name=_("instrument version"),
        on_delete=models.PROTECT,
        related_name="attempts",
    )
    current_page = models.PositiveSmallIntegerField(_("current page"), default=1)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # Agency instruments only: the agency answered for, and who took part.
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="assessment_attempts",
        null=True,
        blank=True,
    )
    group_note = models.CharField(
        _("who answered"),
        max_length=300,
        blank=True,
        help_text=_("For example: “The equity committee and two youth advisors”."),
    )

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        indexes = [
            models.Index(fields=["user", "submitted_at"], name="attempt_user_submitted_idx"),
        ]

    def __str__(self):
        return f"{self.instrument} · {self.started_at:%Y-%m-%d}"

    def get_absolute_url(self):
        if self.submitted_at:
            return reverse("assessments:results", args=[self.pk])
        return reverse("assessments:take", args=[self.pk, self.current_page])

    @property
    def is_submitted(self):
        return self.submitted_at is not None


class Answer(models.Model):
    attempt = models.ForeignKey(
        Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="answers"
    )
    item = models.ForeignKey(
        Item, verbose_name=_("item"), on_delete=models.CASCADE, related_name="answers"
    )
    value = models.PositiveSmallIntegerField(_("answer"), choices=Frequency, null=True, blank=True)
    text = models.TextField(_("reflection"), max_length=WRITING_MAX_LENGTH, blank=True)
    updated_at = models.DateTimeField(_("saved"), auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "item"], name="answer_unique_item"),
        ]

    def __str__(self):
        return f"{self.attempt_id}/{self.item_id}"


class DimensionScore(models.Model):
    """A dimension's 0–100 score, stored when an attempt is submitted (aggregates stay in SQL)."""

    attempt = models.ForeignKey(
        Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="scores"
    )
    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.CASCADE, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(_("score"))
    stage = models.PositiveSmallIntegerField(_("stage"), null=True, blank=True)

    class Meta:
        ordering = ["attempt", "dimension__position"]
        verbose_name = _("dimension score")
        verbose_name_plural = _("dimension scores")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "dimension"], name="dimensionscore_unique_dimension"
            ),
        ]

    def __str__(self):
        return f"{self.dimension}: {self.score}"
