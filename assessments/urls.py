from django.urls import path

from assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.instrument_list, name="list"),
    path("history/", views.history, name="history"),
    path("agency/", views.agency_results, name="agency"),
    path("start/<int:pk>/", views.start, name="start"),
    path("attempt/<int:pk>/part/<int:page>/", views.take, name="take"),
    path("attempt/<int:pk>/part/<int:page>/autosave/", views.autosave, name="autosave"),
    path("attempt/<int:pk>/review/", views.review, name="review"),
    path("attempt/<int:pk>/submit/", views.submit, name="submit"),
    path("attempt/<int:pk>/results/", views.results, name="results"),
    path("shared/<int:pk>/", views.shared_results, name="shared"),
]
