"""Admin actions that change rows still leave a trace in the admin's history (LogEntry).

Django's admin records who added, changed or deleted what through its forms, but a bulk action
that calls ``queryset.update()`` writes nothing. Content changes must always say who and when.
"""

from django.db import transaction


@transaction.atomic
def update_and_log(model_admin, request, queryset, **values) -> int:
    """Set ``values`` on every row of ``queryset`` that differs, logging a change for each."""
    changed = [
        obj
        for obj in queryset.select_for_update(of=("self",))
        if any(getattr(obj, name) != value for name, value in values.items())
    ]
    for obj in changed:
        for name, value in values.items():
            setattr(obj, name, value)
        obj.save(update_fields=list(values))
        labels = [str(obj._meta.get_field(name).verbose_name) for name in values]
        model_admin.log_change(request, obj, [{"changed": {"fields": labels}}])
    return len(changed)
