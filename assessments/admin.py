"""Trainers author instruments here. Attempts and answers are deliberately not registered:
the admin never shows anyone's answers (DESIGN.md, privacy promise 6).

Every text is edited in English and French side by side (modeltranslation's admin classes).
"""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from allyship.accounts.admin import ONLY_MINE, ContentAdmin
from allyship.accounts.admin_audit import update_and_log
from assessments.models import Dimension, Instrument, Item, Stage
from assessments.services import instrument_new_version

FROZEN_MESSAGE = _(
    "This version is published, so it is frozen: people's answers refer to these exact "
    "questions. Use the “new version” action to make an editable copy."
)


class FrozenWhenPublished:
    """Read-only once the instrument is published; ``instrument_of`` finds it from the object."""

    def instrument_of(self, obj):
        return obj

    def _frozen(self, obj):
        instrument = self.instrument_of(obj) if obj is not None else None
        return instrument is not None and instrument.is_frozen

    def has_change_permission(self, request, obj=None):
        if self._frozen(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self._frozen(obj):
            return False
        return super().has_delete_permission(request, obj)


class FrozenInline(FrozenWhenPublished):
    def has_add_permission(self, request, obj=None):
        if self._frozen(obj):
            return False
        return super().has_add_permission(request, obj)


class StageInline(FrozenInline, TranslationTabularInline):
    model = Stage
    extra = 0
    fields = ["position", "name", "description"]


class DimensionInline(FrozenInline, TranslationTabularInline):
    model = Dimension
    extra = 0
    fields = ["position", "name", "edit_link"]
    readonly_fields = ["edit_link"]
    show_change_link = True

    @admin.display(description=_("items"))
    def edit_link(self, obj):
        if not obj.pk:
            return ""
        url = reverse("admin:assessments_dimension_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Edit items"))


class ItemInline(FrozenInline, TranslationStackedInline):
    model = Item
    extra = 0
    fields = ["position", "kind", "prompt", "help_text", "reverse_scored"]

    def instrument_of(self, obj):
        return obj.instrument


@admin.register(Instrument)
class InstrumentAdmin(ContentAdmin, TranslationAdmin):
    list_display = ["title", "version", "kind", "status", "agency", "is_starter", "preview_link"]
    list_filter = ["status", "kind", "is_starter", ("agency", ONLY_MINE)]
    search_fields = ["title_en", "title_fr", "introduction_en", "introduction_fr"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["agency"]
    inlines = [StageInline, DimensionInline]
    actions = ["publish", "unpublish", "new_version"]
    readonly_fields = ["version"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_frozen:
            return self.replace_orig_field(
                ["title", "slug", "kind", "agency", "introduction", "version", "is_starter"]
            )
        return super().get_readonly_fields(request, obj)

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and obj.is_frozen:
            return {}
        return super().get_prepopulated_fields(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        instrument = self.get_object(request, object_id)
        if instrument is not None and instrument.is_frozen and request.method == "GET":
            messages.info(request, FROZEN_MESSAGE)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        return [
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="assessments_instrument_preview",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        url = reverse("admin:assessments_instrument_preview", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Preview"))

    def preview_view(self, request, pk):
        from django.template.response import TemplateResponse

        from assessments.forms import PageForm

        instrument = self.get_object(request, str(pk))
        if instrument is None or not self.has_view_permission(request, instrument):
            return redirect("admin:index")
        pages = [
            {"dimension": d, "form": PageForm(items=list(d.items.all()))}
            for d in instrument.dimensions.prefetch_related("items")
        ]
        return TemplateResponse(
            request, "assessments/preview.html", {"instrument": instrument, "pages": pages}
        )

    @admin.action(description=_("Publish the selected instruments"))
    def publish(self, request, queryset):
        count = update_and_log(self, request, queryset, status=Instrument.Status.PUBLISHED)
        self.message_user(request, _("%(count)d published.") % {"count": count})

    @admin.action(description=_("Unpublish (workers stop seeing them; results stay)"))
    def unpublish(self, request, queryset):
        count = update_and_log(self, request, queryset, status=Instrument.Status.DRAFT)
        self.message_user(request, _("%(count)d unpublished.") % {"count": count})

    @admin.action(description=_("Make a new draft version"))
    def new_version(self, request, queryset):
        for instrument in queryset:
            copy = instrument_new_version(instrument=instrument)
            self.log_addition(request, copy, [{"added": {}}])
            self.message_user(
                request,
                _("Version %(version)d of “%(title)s” is a draft you can edit.")
                % {"version": copy.version, "title": copy.title},
                messages.SUCCESS,
            )


@admin.register(Dimension)
class DimensionAdmin(FrozenWhenPublished, ContentAdmin, TranslationAdmin):
    content_agency = "instrument__agency"
    parents = {"instrument": "agency"}
    list_display = ["name", "instrument", "position"]
    list_filter = ["instrument__status", ("instrument", ONLY_MINE)]
    search_fields = ["name_en", "name_fr", "description_en", "description_fr"]
    list_select_related = ["instrument"]
    filter_horizontal = ["topics"]
    inlines = [ItemInline]

    def instrument_of(self, obj):
        return obj.instrument

    def change_view(self, request, object_id, form_url="", extra_context=None):
        dimension = self.get_object(request, object_id)
        if dimension is not None and dimension.instrument.is_frozen and request.method == "GET":
            messages.info(request, FROZEN_MESSAGE)
        return super().change_view(request, object_id, form_url, extra_context)
