from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()

MARKS = {"overdue": "! ", "done": "✓ "}


@register.simple_tag
def status_badge(progress):
    """A status in words, never colour alone: the colour and the mark only repeat the words.

    A tag rather than an included template: the team matrix shows one per cell.
    """
    if progress is None:
        return format_html('<span class="text-body-secondary">{}</span>', _("Not assigned"))
    mark = MARKS.get(progress.status, "")
    return format_html(
        '<span class="badge status-badge status-{}">{}{}</span>',
        progress.status,
        format_html('<span aria-hidden="true">{}</span>', mark) if mark else "",
        progress.label,
    )
