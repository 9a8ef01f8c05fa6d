from django.urls import path

from allyship.accountability import views

app_name = "accountability"

urlpatterns = [
    path("", views.log, name="log"),
    path("entries/new/", views.entry_create, name="entry_create"),
    path("entries/<int:pk>/", views.entry_detail, name="entry_detail"),
    path("entries/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("entries/<int:pk>/delete/", views.entry_delete, name="entry_delete"),
    path("commitments/", views.commitment_list, name="commitment_list"),
    path("commitments/new/", views.commitment_create, name="commitment_create"),
    path("commitments/<int:pk>/", views.commitment_detail, name="commitment_detail"),
    path("commitments/<int:pk>/edit/", views.commitment_edit, name="commitment_edit"),
    path("commitments/<int:pk>/close/", views.commitment_close, name="commitment_close"),
    path("commitments/<int:pk>/reopen/", views.commitment_reopen, name="commitment_reopen"),
    path("shared/", views.shared_list, name="shared_list"),
    path("shared/entries/<int:pk>/", views.shared_entry, name="shared_entry"),
    path("shared/commitments/<int:pk>/", views.shared_commitment, name="shared_commitment"),
]
