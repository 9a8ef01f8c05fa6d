from django.contrib import admin
from django.urls import include, path

from allyship.accounts import views as accounts_views
from allyship.teams import views as teams_views

admin.site.site_header = "Allyship"
admin.site.site_title = "Allyship"

urlpatterns = [
    path("", teams_views.home, name="home"),
    path("accounts/", include("allyship.accounts.urls")),
    path("teams/", include("allyship.teams.urls")),
    path("log/", include("allyship.accountability.urls")),
    # The language switcher is on the sign-in page too.
    path("i18n/setlang/", accounts_views.switch_language, name="set_language"),
    path("learning/", include("learning.urls")),
    path("assessments/", include("assessments.urls")),
    path("admin/", admin.site.urls),
]

# The 500 page keeps the language switch (allyship/views.py).
handler500 = "allyship.views.server_error"
