"""The project's URLs plus a stand-in for the accountability log's "new commitment" page."""

from django.http import HttpResponse
from django.urls import include, path

from allyship.urls import urlpatterns as project_urlpatterns

log_patterns = (
    [path("commitments/new/", lambda request: HttpResponse(), name="commitment_create")],
    "accountability",
)

urlpatterns = [*project_urlpatterns, path("log/", include(log_patterns))]
