from django.urls import path

from allyship.teams import views

app_name = "teams"

urlpatterns = [
    path("<int:pk>/", views.team_detail, name="detail"),
    path("agency/", views.agency_overview, name="agency"),
]
