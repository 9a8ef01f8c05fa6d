from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import template_localtime
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


@register.simple_tag
def progress_cell(progress):
    """A matrix cell: the status badge, then when it was done or started.

    One tag for the whole cell: the matrix has one per member and assignment, and a tag renders
    it several times faster than the same markup as template nodes.
    """
    badge = status_badge(progress)
    if progress is None:
        return badge
    if progress.is_done:
        when = _short_date(progress.done)
    elif progress.started:
        when = _("started %(date)s") % {"date": _short_date(progress.started)}
    else:
        return badge
    return format_html('{}<div class="small text-body-secondary">{}</div>', badge, when)


def _short_date(moment):
    # As the template filter |date does: an aware datetime in the local time zone first.
    return date_format(template_localtime(moment), "SHORT_DATE_FORMAT")
