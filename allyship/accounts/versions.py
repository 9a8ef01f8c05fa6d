"""Versions that move on with the data behind cached pages, and the caches keyed by them.

Two versions come with the signed-in person on every request, at no extra query
(``accounts.backends``): their agency's ``figures_version`` (figures.py) and their own
``pages_version`` (pages.py). A change to the data moves the versions concerned, in the same
transaction, with ``UPDATE … SET version = version + 1``. A cache key holding the version then
names data as it was at that version or later: no process or host serves a page from before a
change, and no cache has to be reached to be cleared.
"""

from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save

# Every model whose rows move a version, for the test that every model is accounted for.
WATCHED = set()


def watch(model, move, *, saved_when=None, name):
    """Call ``move(row)`` when a row of ``model`` is saved or deleted, or its many-to-many
    fields change from its side (an entry's groups: a form saves them after the entry).

    ``saved_when(row, update_fields)``, if given, tells which saves count. Signals see saves and
    deletes made anywhere (views, the admin, cascades), but not ``QuerySet.update`` or
    ``bulk_create``: code that writes so must move the version itself.
    """

    def on_save(sender, instance, update_fields=None, **kwargs):
        if saved_when is None or saved_when(instance, update_fields):
            move(instance)

    def on_delete(sender, instance, **kwargs):
        move(instance)

    uid = f"{name}_{model._meta.label_lower}"
    post_save.connect(on_save, sender=model, weak=False, dispatch_uid=f"{uid}_save")
    post_delete.connect(on_delete, sender=model, weak=False, dispatch_uid=f"{uid}_delete")
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            _on_many_changed(model, field.name, move),
            sender=field.remote_field.through,
            weak=False,
            dispatch_uid=f"{uid}_{field.name}",
        )
    WATCHED.add(model)


def _on_many_changed(model, field_name, move):
    """A receiver moving the rows of ``model`` whose ``field_name`` changed, from either side:
    ``person.groups.add(group)`` as well as ``group.user_set.add(person)``."""

    def receiver(sender, instance, action, reverse, pk_set, **kwargs):
        if not reverse:
            if action.startswith("post_"):
                move(instance)
            return
        if action in ("post_add", "post_remove"):
            rows = model._default_manager.filter(pk__in=pk_set)
        elif action == "pre_clear":  # after the clear, nothing says whose it was
            rows = model._default_manager.filter(**{field_name: instance.pk})
        else:
            return
        for row in rows:
            move(row)

    return receiver


def cached(alias, key, compute):
    """``compute()``, from the cache ``alias`` under ``key`` (which holds the versions)."""
    store = caches[alias]
    value = store.get(key)
    if value is None:
        value = compute()
        store.set(key, value)
    return value
