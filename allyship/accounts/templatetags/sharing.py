from django import template
from django.db.models import Exists, OuterRef

from allyship.accounts.models import Share, ShareView
from allyship.accounts.sharing import key_for

register = template.Library()


@register.inclusion_tag("accounts/_share_panel.html", takes_context=True)
def share_panel(context, item):
    """The author's control to share ``item`` with their supervisor(s), and who has seen it.

    One query for an item no one has seen yet (most of them); a second one lists who has.
    """
    share = (
        Share.objects.for_item(item)
        .annotate(seen=Exists(ShareView.objects.filter(share=OuterRef("pk"))))
        .first()
    )
    return {
        "item": item,
        "key": key_for(item),
        "share": share,
        "shared": share is not None and share.is_active,
        "views": list(share.views.select_related("viewer")) if share and share.seen else [],
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }
