from django import template
from django.contrib.contenttypes.models import ContentType

from allyship.accounts.models import Share
from allyship.accounts.sharing import key_for

register = template.Library()


@register.inclusion_tag("accounts/_share_panel.html", takes_context=True)
def share_panel(context, item):
    """The author's control to share ``item`` with their supervisor(s), and who has seen it."""
    share = (
        Share.objects.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        )
        .prefetch_related("views__viewer")
        .first()
    )
    return {
        "item": item,
        "key": key_for(item),
        "share": share,
        "shared": share is not None and share.is_active,
        "views": list(share.views.all()) if share else [],
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
    }
