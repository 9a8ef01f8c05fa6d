from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from allyship.teams import views as teams_views

admin.site.site_header = "Allyship"
admin.site.site_title = "Allyship"

urlpatterns = [
    path("", teams_views.home, name="home"),
    path("accounts/", include("allyship.accounts.urls")),
    path("log/", include("allyship.accountability.urls")),
    # The language switcher is on the sign-in page too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]
