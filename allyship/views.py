"""Project-wide views that belong to no app."""

from django.http import HttpResponseServerError
from django.template import loader

from allyship.log import current_request_id


def server_error(request):
    """The 500 page with the reference to quote, rendered without the database (it may be down)."""
    html = loader.get_template("500.html").render({"request_id": current_request_id()})
    return HttpResponseServerError(html)
