"""Trainers author content here. Learners' progress, answers and reflections are not registered.

Every text is edited in English and French side by side (modeltranslation's admin classes); an
empty French field shows learners the English text, with a note.
"""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from allyship.accounts.admin import ONLY_MINE, ContentAdmin
from allyship.accounts.admin_audit import update_and_log
from learning.models import Choice, Lesson, Module, Question, ReflectionPrompt, Topic


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_fr", "description_en", "description_fr"]
    prepopulated_fields = {"slug": ["name"]}


class LessonInline(TranslationStackedInline):
    model = Lesson
    extra = 0
    fields = ["order", "title", "body"]
    show_change_link = True


@admin.register(Module)
class ModuleAdmin(ContentAdmin, TranslationAdmin):
    list_display = ["title", "status", "agency", "estimated_minutes", "is_starter", "preview"]
    list_filter = ["status", "is_starter", "topics", ("agency", ONLY_MINE)]
    search_fields = ["title_en", "title_fr", "summary_en", "summary_fr"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["topics"]
    inlines = [LessonInline]
    actions = ["publish", "unpublish"]

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("learning:module", args=[obj.slug]),
            _("Preview as learner"),
        )

    @admin.action(description=_("Publish selected modules"))
    def publish(self, request, queryset):
        n = update_and_log(self, request, queryset, status=Module.Status.PUBLISHED)
        self.message_user(request, _("%(n)d modules published.") % {"n": n}, messages.SUCCESS)

    @admin.action(description=_("Unpublish selected modules (back to draft)"))
    def unpublish(self, request, queryset):
        n = update_and_log(self, request, queryset, status=Module.Status.DRAFT)
        self.message_user(request, _("%(n)d modules unpublished.") % {"n": n}, messages.SUCCESS)


class QuestionInline(TranslationStackedInline):
    model = Question
    extra = 0
    show_change_link = True


class ReflectionPromptInline(TranslationTabularInline):
    model = ReflectionPrompt
    extra = 0


@admin.register(Lesson)
class LessonAdmin(ContentAdmin, TranslationAdmin):
    content_agency = "module__agency"
    parents = {"module": "agency"}
    list_display = ["title", "module", "order"]
    list_filter = [("module", ONLY_MINE)]
    search_fields = ["title_en", "title_fr", "body_en", "body_fr"]
    inlines = [QuestionInline, ReflectionPromptInline]


class ChoiceInline(TranslationTabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(ContentAdmin, TranslationAdmin):
    content_agency = "lesson__module__agency"
    parents = {"lesson": "module__agency"}
    list_display = ["__str__", "lesson", "kind"]
    search_fields = ["text_en", "text_fr"]
    inlines = [ChoiceInline]
