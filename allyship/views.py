"""Project-wide views that belong to no app: error pages that Django would otherwise render
without what they need (the reference to quote, the language switch)."""

from django.http import HttpResponseServerError
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from allyship.log import current_request_id


@requires_csrf_token
def server_error(request):
    """The 500 page with the reference to quote and a working language switch.

    Rendered from a plain dict rather than with context processors: those read the database,
    which may be the very thing that failed.
    """
    html = loader.get_template("500.html").render(
        {
            "request": request,
            "csrf_token": get_token(request),
            "request_id": current_request_id(),
        }
    )
    return HttpResponseServerError(html)


def csrf_failure(request, reason=""):
    """An expired form: the full layout, and a fresh token so the page's own forms work."""
    return render(request, "403_csrf.html", status=403)
