"""The version of each person's own pages, moved on by any change to what those pages show.

Home, the log, a lesson and a self-assessment's results read a dozen kinds of row to say what is
the person's own; most visits find nothing changed since the last. So these pages are rendered
once per version and kept, under a key holding (versions.py):

- the person's ``pages_version``, moved by any change to their own rows, or by others to rows
  about them (a comment on their entry, a supervisor reading what they shared);
- their agency's ``figures_version``, moved by changes to teams, memberships, assignments and
  every agency's content (figures.py);
- the language, the day (overdue is a matter of dates), and the page's address.

Apps say which of their models show on these pages with ``track``; code that writes with
``QuerySet.update`` or ``bulk_create`` must call ``changed`` itself. A test fails for any model
of the project that is neither tracked here or in figures.py nor said to show on no such page.

Private text is kept only in the memory of the process that rendered it: the cache must be a
local-memory one (``check_cache_is_local``), never a cache server that other hosts share.
"""

import hashlib
from typing import NamedTuple

from django.conf import settings
from django.core import checks
from django.db.models import F
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from allyship.accounts import versions
from allyship.accounts.models import User

CACHE = "pages"
# Rendered in place of the CSRF token and replaced by a fresh one on every response: a token
# kept in the cache would be served again and again.
_CSRF_PLACEHOLDER = "csrfTokenOfThisResponse"


def changed(people):
    """Move on the pages version of ``people`` (a queryset of User)."""
    people.update(pages_version=F("pages_version") + 1)


def of(user_id):
    return User.objects.filter(pk=user_id)


def track(model, *, people, saved_when=None):
    """Move the version of ``people(row)`` when a row of ``model`` is saved or deleted."""
    versions.watch(model, lambda row: changed(people(row)), saved_when=saved_when, name="pages")


def _key(request, template_name):
    user = request.user
    agency = user.agency
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return ":".join(
        [
            str(user.pk),
            str(user.pages_version),
            f"{agency.pk}.{agency.figures_version}" if agency else "-",
            get_language(),
            timezone.localdate().isoformat(),
            template_name,
            address,
        ]
    )


class Page(NamedTuple):
    title: str
    content: str


def render(request, template_name, get_context) -> Page:
    """The page's ``title`` (from the context, if it has one) and the HTML of ``template_name``
    for the signed-in person, rendered from ``get_context()``.

    ``get_context`` is called only when the page is not kept at the current versions. It must
    read nothing but what ``track`` (here or in figures.py) covers. The person must have been
    read in this request, so their versions are at least as new as the data about to be read.
    """

    def compute():
        context = get_context()
        context["csrf_token"] = _CSRF_PLACEHOLDER
        return Page(
            str(context.get("title", "")), render_to_string(template_name, context, request)
        )

    page = versions.cached(CACHE, _key(request, template_name), compute)
    # The template engine escaped the HTML when it was rendered; the token is letters and digits.
    content = page.content.replace(_CSRF_PLACEHOLDER, get_token(request))
    return page._replace(content=mark_safe(content))  # noqa: S308


@checks.register(checks.Tags.caches)
def check_cache_is_local(app_configs, **kwargs):
    backend = settings.CACHES.get(CACHE, {}).get("BACKEND", "")
    if backend == "django.core.cache.backends.locmem.LocMemCache":
        return []
    return [
        checks.Error(
            f'CACHES["{CACHE}"] must be a local-memory cache.',
            hint="It holds people's private pages: keep them in the process that rendered them.",
            id="allyship.E001",
        )
    ]
