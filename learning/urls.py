from django.urls import path

from learning import views

app_name = "learning"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("record/", views.learning_record, name="record"),
    path("record.csv", views.learning_record_csv, name="record_csv"),
    path("shared/<int:pk>/", views.shared_reflection, name="shared_reflection"),
    path("<slug:slug>/", views.module_detail, name="module"),
    path("<slug:slug>/lessons/<int:pk>/", views.lesson_detail, name="lesson"),
    path(
        "<slug:slug>/lessons/<int:pk>/questions/<int:question_pk>/",
        views.answer_question,
        name="answer",
    ),
    path(
        "<slug:slug>/lessons/<int:pk>/reflections/<int:prompt_pk>/",
        views.save_reflection,
        name="reflect",
    ),
]
