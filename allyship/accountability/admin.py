"""Only the list of equity-seeking groups is in the admin: log text never is (DESIGN.md, rule 6)."""

from django.contrib import admin

from allyship.accountability.models import EquityGroup


@admin.register(EquityGroup)
class EquityGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "is_active"]
    list_editable = ["position", "is_active"]
    search_fields = ["name"]
