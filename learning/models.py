"""Topics, modules, lessons, knowledge checks and reflection prompts, and each learner's progress.

Editing a published module keeps progress consistent because progress is stored per lesson id:
- a learner's "x of y" counts only visited lessons that still exist in the module;
- a removed lesson drops out of both x and y (its progress rows go with it);
- completion is recorded once (``ModuleCompletion``) and kept: adding a lesson to a module a learner
  has completed does not un-complete it, though the new lesson shows as not yet visited.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from allyship.accounts.limits import WRITING_MAX_LENGTH
from allyship.accounts.models import sector_or_agency
from learning.markdown import render_markdown


class Topic(models.Model):
    """A subject of learning; self-assessment dimensions link to topics to recommend modules."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class ModuleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Module.Status.PUBLISHED)

    def available_to(self, user):
        """Published modules sector-wide or of the user's own agency."""
        return self.published().filter(sector_or_agency(getattr(user, "agency_id", None)))


class Module(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"))
    topics = models.ManyToManyField(
        Topic, related_name="modules", blank=True, verbose_name=_("topics")
    )
    estimated_minutes = models.PositiveIntegerField(_("estimated minutes"), default=30)
    content_note = models.TextField(
        _("content note"),
        blank=True,
        help_text=_("What the module discusses that may be hard to read, shown before it starts."),
    )
    credits = models.TextField(_("credits"), blank=True)
    agency = models.ForeignKey(
        "accounts.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="modules",
        verbose_name=_("agency"),
        help_text=_("Leave empty for sector-wide content shared by every agency."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    is_starter = models.BooleanField(
        _("Starter content — to be reviewed with people with lived experience"), default=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ModuleQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("learning:module", args=[self.slug])

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


class Lesson(models.Model):
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="lessons", verbose_name=_("module")
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown."))
    body_html = models.TextField(_("body as HTML"), blank=True, editable=False)

    class Meta:
        ordering = ["module", "order", "pk"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Each language's body is sanitised and rendered on its own (learning/translation.py
        # gives body and body_html a field per language); reading ``body`` would give only the
        # active language, with the English fallback.
        for language in settings.MODELTRANSLATION_LANGUAGES:
            body = getattr(self, f"body_{language}") or ""
            setattr(self, f"body_html_{language}", render_markdown(body) if body else "")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and any(f.startswith("body") for f in update_fields):
            kwargs["update_fields"] = {
                *update_fields,
                "body_html",
                *(f"body_{language}" for language in settings.MODELTRANSLATION_LANGUAGES),
                *(f"body_html_{language}" for language in settings.MODELTRANSLATION_LANGUAGES),
            }
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("learning:lesson", args=[self.module.slug, self.pk])


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")

    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="questions", verbose_name=_("lesson")
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("question"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SINGLE)
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        ordering = ["lesson", "order", "pk"]
        verbose_name = _("knowledge check")
        verbose_name_plural = _("knowledge checks")

    def __str__(self):
        return self.text[:80]


class Choice(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.CharField(_("text"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.TextField(_("feedback"), blank=True)

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.text


class ReflectionPrompt(models.Model):
    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="reflections", verbose_name=_("lesson")
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    prompt = models.TextField(_("prompt"))

    class Meta:
        ordering = ["lesson", "order", "pk"]
        verbose_name = _("reflection prompt")
        verbose_name_plural = _("reflection prompts")

    def __str__(self):
        return self.prompt[:80]


class LessonProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lesson_progress",
        verbose_name=_("learner"),
    )
    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="progress", verbose_name=_("lesson")
    )
    visited_at = models.DateTimeField(_("visited at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="lessonprogress_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.lesson}"


class QuestionAnswer(models.Model):
    """The first answer is kept for the record; the latest one is what the learner sees."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="question_answers",
        verbose_name=_("learner"),
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    first_choices = models.ManyToManyField(Choice, related_name="+", verbose_name=_("first answer"))
    latest_choices = models.ManyToManyField(
        Choice, related_name="+", verbose_name=_("latest answer")
    )
    first_correct = models.BooleanField(_("first answer correct"), default=False)
    latest_correct = models.BooleanField(_("latest answer correct"), default=False)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    answered_at = models.DateTimeField(_("answered at"), auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["user", "question"], name="questionanswer_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.question_id}"


class ReflectionResponseQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class ReflectionResponse(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reflection_responses",
        verbose_name=_("author"),
    )
    prompt = models.ForeignKey(
        ReflectionPrompt,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("prompt"),
    )
    text = models.TextField(_("your reflection"), max_length=WRITING_MAX_LENGTH)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ReflectionResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(fields=["user", "prompt"], name="reflectionresponse_unique")
        ]

    def __str__(self):
        return str(_("Reflection on a lesson"))

    def get_absolute_url(self):
        lesson = self.prompt.lesson
        return reverse("learning:lesson", args=[lesson.module.slug, lesson.pk])


class ModuleCompletion(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="module_completions",
        verbose_name=_("learner"),
    )
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="completions", verbose_name=_("module")
    )
    completed_on = models.DateField(_("completed on"))

    class Meta:
        verbose_name = _("module completion")
        verbose_name_plural = _("module completions")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="modulecompletion_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.module}"
