"""A person's own data, across the whole app: download it all, or delete the private part.

DESIGN.md, privacy promise 7. Each app registers, in its ``AppConfig.ready``, an exporter
(``user -> {table name: [row dicts]}``) and an eraser (``user -> {what: how many deleted}``), so
this module never imports the layers above it. The account itself and participation facts
(assigned, started, completed, dates) are kept: supervisors rely on them and they hold no
reflection.
"""

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from allyship.accounts.csv_safe import rows_to_csv

Exporter = Callable[..., dict[str, list[dict]]]
Eraser = Callable[..., dict[str, int]]


@dataclass(frozen=True)
class Source:
    name: str
    exporter: Exporter
    eraser: Eraser | None = None
    # What the eraser removes and what is kept, as phrases shown before and after deletion.
    removes: list = field(default_factory=list)
    keeps: list = field(default_factory=list)


_registry: dict[str, Source] = {}


def register(name, *, exporter, eraser=None, removes=(), keeps=()):
    _registry[name] = Source(name, exporter, eraser, list(removes), list(keeps))


def sources() -> list[Source]:
    return list(_registry.values())


def export_for(user) -> dict[str, list[dict]]:
    """Every registered table of ``user``'s data, keyed "source_table"."""
    tables = {}
    for source in sources():
        for table, rows in source.exporter(user).items():
            tables[f"{source.name}_{table}"] = rows
    return tables


def export_zip(user) -> bytes:
    """One ZIP: ``data.json`` with everything, and one CSV per table."""
    tables = export_for(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        document = {"exported_at": timezone.now(), "person": user.email, "tables": tables}
        archive.writestr(
            "data.json", json.dumps(document, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        )
        for table, rows in tables.items():
            csv_rows = [{key: _flat(value) for key, value in row.items()} for row in rows]
            archive.writestr(f"{table}.csv", rows_to_csv(csv_rows))
    return buffer.getvalue()


def _flat(value):
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    if value is None:
        return ""
    return value if isinstance(value, str) else json.loads(json.dumps(value, cls=DjangoJSONEncoder))


@transaction.atomic
def erase_for(user) -> dict[str, int]:
    """Delete every registered kind of private data of ``user``; return what went, by name."""
    removed: dict[str, int] = {}
    for source in reversed(sources()):
        if source.eraser is None:
            continue
        for what, count in source.eraser(user).items():
            removed[what] = removed.get(what, 0) + count
    return removed


def export_accounts(user) -> dict[str, list[dict]]:
    """The person's profile and what they shared, with who saw it."""
    from allyship.accounts.models import Share, SharingEvent, Team

    profile = {
        "email": user.email,
        "display_name": user.display_name,
        "preferred_language": user.preferred_language,
        "agency": user.agency.name if user.agency_id else "",
        "teams": [str(team) for team in Team.objects.filter(memberships__user=user)],
        "date_joined": user.date_joined,
        "wants_reminders": user.wants_reminders,
    }
    shares = [
        {
            "item_type": share.content_type.model,
            "item_id": share.object_id,
            "shared_at": share.shared_at,
            "revoked_at": share.revoked_at,
            "seen_by": [
                f"{view.viewer.display_name} ({view.first_seen_at:%Y-%m-%d %H:%M})"
                for view in share.views.all()
            ],
        }
        for share in Share.objects.filter(owner=user)
        .select_related("content_type")
        .prefetch_related("views__viewer")
        .order_by("shared_at")
    ]
    history = [
        {
            "item_type": event.content_type.model,
            "item_id": event.object_id,
            "what": event.action,
            "by": event.actor.display_name if event.actor_id else "",
            "at": event.at,
        }
        for event in SharingEvent.objects.concerning(user).select_related("content_type", "actor")
    ]
    return {"profile": [profile], "shares": shares, "sharing_history": history}


def erase_accounts(user) -> dict[str, int]:
    """Forget what the person shared (their items are gone by now); the account stays."""
    from allyship.accounts.models import Share, SharingEvent

    _total, by_model = Share.objects.filter(owner=user).delete()
    SharingEvent.objects.filter(owner=user).delete()
    return {gettext("shares"): by_model.get("accounts.Share", 0)}
