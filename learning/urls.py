from django.urls import path

from learning import views

app_name = "learning"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("<slug:slug>/", views.module_detail, name="module"),
    path("<slug:slug>/lessons/<int:pk>/", views.lesson_detail, name="lesson"),
]
