"""The role groups ("Trainers", "Agency admins") and the permissions each holds."""

from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.db.models import Q


def declared_group_permissions():
    """Merge every app's ``group_permissions`` into {group name: set of "app.codename"}."""
    merged: dict[str, set[str]] = {}
    for config in global_apps.get_app_configs():
        for group, perms in getattr(config, "group_permissions", {}).items():
            merged.setdefault(group, set()).update(perms)
    return merged


def sync_group_permissions(**kwargs):
    """Give each role group exactly the permissions the apps declare (runs after migrate)."""
    for name, perms in declared_group_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        query = Q(pk__in=[])
        for perm in perms:
            app_label, codename = perm.split(".", 1)
            query |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(query))
