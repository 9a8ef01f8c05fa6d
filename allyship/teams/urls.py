from django.urls import path

from allyship.teams import views

app_name = "teams"

urlpatterns = [
    path("assigned/", views.assigned_to_me, name="assigned"),
    path("agency/", views.agency_overview, name="agency"),
    path("<int:pk>/", views.team_detail, name="detail"),
    path("<int:pk>/progress.csv", views.team_csv, name="csv"),
    path("<int:pk>/assignments/new/", views.assignment_create, name="assignment_create"),
    path(
        "<int:pk>/assignments/<int:assignment_pk>/edit/",
        views.assignment_edit,
        name="assignment_edit",
    ),
    path(
        "<int:pk>/assignments/<int:assignment_pk>/withdraw/",
        views.assignment_withdraw,
        name="assignment_withdraw",
    ),
]
