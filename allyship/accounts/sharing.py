"""Sharing a private item with one's supervisor(s), revoking it, and recording who saw it.

Every shareable model registers itself here (in its app's ``ready``) with the name of the field
that holds its author, so one view and one template serve attempts, reflections, entries and
commitments alike, and the privacy rule lives in one place.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from allyship.accounts import figures, pages
from allyship.accounts.models import Share, ShareView, SharingEvent

_registry: dict[str, "Shareable"] = {}


@dataclass(frozen=True)
class Shareable:
    model: type[models.Model]
    owner_field: str
    # The page where a supervisor reads the shared item (a URL name taking its pk), and what
    # to call the item in lists of shared items.
    viewer_url_name: str = ""
    noun: str = ""
    # What the item's name and link read, fetched with it on list pages (e.g. an attempt's title).
    related: tuple[str, ...] = ()

    @property
    def key(self):
        return self.model._meta.label_lower


def register(model, *, owner_field="user", viewer_url_name="", noun="", related=()):
    entry = Shareable(model, owner_field, viewer_url_name, noun, tuple(related))
    _registry[entry.key] = entry
    return model


def shareable(key) -> Shareable | None:
    return _registry.get(key)


def prefetch_items(lookup="item") -> GenericPrefetch:
    """Fetch the items behind ``lookup`` (a generic foreign key) in one query per kind."""
    return GenericPrefetch(
        lookup,
        [entry.model.objects.select_related(*entry.related) for entry in _registry.values()],
    )


def key_for(item) -> str:
    return item._meta.label_lower


def owner_of(item):
    return getattr(item, _registry[key_for(item)].owner_field)


def active_share(item) -> Share | None:
    return Share.objects.active().for_item(item).first()


def _record(*, item, owner, actor, action) -> None:
    SharingEvent.objects.create(
        owner=owner,
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
    )


@transaction.atomic
def share_item(*, item) -> Share:
    """Share ``item`` with its author's supervisor(s); sharing again is harmless."""
    owner = owner_of(item)
    share, created = Share.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        defaults={"owner": owner},
    )
    if not created and share.revoked_at is not None:
        share.revoked_at = None
        share.shared_at = timezone.now()
        share.save(update_fields=["revoked_at", "shared_at"])
    elif not created:
        return share
    _record(item=item, owner=owner, actor=owner, action=SharingEvent.Action.SHARED)
    return share


@transaction.atomic
def unshare_item(*, item) -> None:
    """Hide ``item`` from supervisors at once; its "seen by" history stays for the author."""
    if Share.objects.active().for_item(item).update(revoked_at=timezone.now()):
        owner = owner_of(item)
        # update() sends no signal: the supervisors' feed (cached, see figures.py) must drop it,
        # and the author's pages say it is no longer shared.
        figures.changed(figures.of_person(owner.pk))
        pages.changed(pages.of(owner.pk))
        _record(item=item, owner=owner, actor=owner, action=SharingEvent.Action.UNSHARED)


def is_shared(model) -> models.Exists:
    """An annotation for a list of ``model`` items: whether each one is shared right now."""
    return models.Exists(
        Share.objects.active().filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=models.OuterRef("pk"),
        )
    )


def shared_ids_visible_to(model, viewer):
    """Primary keys of ``model`` items shared with ``viewer`` as their supervisor."""
    return (
        Share.objects.visible_to(viewer)
        .filter(content_type=ContentType.objects.get_for_model(model))
        .values("object_id")
    )


def describe(share) -> tuple[str, str]:
    """What a share points at, for a supervisor's list: ``(noun, URL of the page to read it)``."""
    # From ContentType's own cache: no join or query per share.
    content_type = ContentType.objects.get_for_id(share.content_type_id)
    entry = _registry[f"{content_type.app_label}.{content_type.model}"]
    return entry.noun, reverse(entry.viewer_url_name, args=[share.object_id])


@transaction.atomic
def record_view(*, item, viewer) -> None:
    """Note that ``viewer`` (not the author) opened a shared item: every time, for the author's
    history, and first and last time for "seen by" on the item."""
    share = active_share(item)
    if share is None or share.owner_id == viewer.pk:
        return
    now = timezone.now()
    SharingEvent.objects.create(
        owner_id=share.owner_id,
        actor=viewer,
        action=SharingEvent.Action.VIEWED,
        content_type_id=share.content_type_id,
        object_id=share.object_id,
        at=now,
    )
    view, created = ShareView.objects.get_or_create(
        share=share, viewer=viewer, defaults={"first_seen_at": now, "last_seen_at": now}
    )
    if not created:
        view.last_seen_at = now
        view.save(update_fields=["last_seen_at"])  # "seen by" on the author's pages says when
