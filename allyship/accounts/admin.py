from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from allyship.accounts.models import Agency, Membership, Team, User, sector_or_agency

# Filters list only what the person's rows refer to: a plain related filter would name every
# agency and team in the database to an agency admin.
ONLY_MINE = admin.RelatedOnlyFieldListFilter


class AgencyScopedAdmin(admin.ModelAdmin):
    """Agency admins see and manage their own agency's rows; superusers see every agency."""

    agency_field = "agency"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{self.agency_field: request.user.agency_id})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            agency_id = request.user.agency_id
            if db_field.name == "agency":
                kwargs["queryset"] = Agency.objects.filter(pk=agency_id)
            elif db_field.name == "team":
                kwargs["queryset"] = Team.objects.filter(agency_id=agency_id)
            elif db_field.name == "user":
                kwargs["queryset"] = User.objects.filter(agency_id=agency_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ContentAdmin:
    """Content is sector-wide (no agency) or one agency's own (DESIGN.md). Staff see and author
    the sector's and their own agency's, never another agency's, which stays out of lists, filters
    and choices as if it did not exist; superusers see it all.

    ``content_agency`` is the path from the model to its agency; ``parents`` maps each foreign key
    to other content (a lesson's module) to the path from that model to its agency.
    """

    content_agency = "agency"
    parents = {}

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(sector_or_agency(request.user.agency_id, self.content_agency))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            if db_field.name == "agency":
                kwargs["queryset"] = Agency.objects.filter(pk=request.user.agency_id)
            elif db_field.name in self.parents:
                kwargs["queryset"] = db_field.related_model._default_manager.filter(
                    sector_or_agency(request.user.agency_id, self.parents[db_field.name])
                )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


class PersonMembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    autocomplete_fields = ["team"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "created_at"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk=request.user.agency_id)


@admin.register(Team)
class TeamAdmin(AgencyScopedAdmin):
    list_display = ["name", "agency"]
    list_filter = [("agency", ONLY_MINE)]
    search_fields = ["name", "agency__name"]
    list_select_related = ["agency"]
    inlines = [MembershipInline]


class PersonCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "display_name", "agency"]


class PersonChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(AgencyScopedAdmin, BaseUserAdmin):
    form = PersonChangeForm
    add_form = PersonCreationForm
    ordering = ["display_name"]
    list_display = ["display_name", "email", "agency", "is_active", "is_staff", "last_login"]
    list_filter = [
        ("agency", ONLY_MINE),
        "is_active",
        "is_staff",
        "groups",
        "preferred_language",
    ]
    list_select_related = ["agency"]
    search_fields = ["display_name", "email"]
    inlines = [PersonMembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "preferred_language", "agency"]}),
        (
            _("Access"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "display_name", "agency", "password1", "password2"],
            },
        )
    ]
    readonly_fields = ["last_login", "date_joined"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            # Agency admins manage people, but can't hand out superuser powers.
            readonly.append("is_superuser")
        return readonly


@admin.register(Membership)
class MembershipAdmin(AgencyScopedAdmin):
    agency_field = "team__agency"
    list_display = ["user", "team", "role", "joined_at"]
    list_filter = ["role", ("team__agency", ONLY_MINE), ("team", ONLY_MINE)]
    search_fields = ["user__display_name", "user__email", "team__name"]
    list_select_related = ["user", "team"]
    autocomplete_fields = ["user", "team"]
