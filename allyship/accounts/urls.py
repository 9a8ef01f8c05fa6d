from django.contrib.auth import views as auth_views
from django.urls import path

from allyship.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("keepalive/", views.keepalive, name="keepalive"),
    path("share/<str:key>/<int:pk>/", views.share_toggle, name="share_toggle"),
    path("privacy/", views.privacy, name="privacy"),
    path("preferences/", views.preferences, name="preferences"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/download/", views.my_data_download, name="my_data_download"),
    path("my-data/delete/", views.my_data_delete, name="my_data_delete"),
    path("my-data/deleted/", views.my_data_deleted, name="my_data_deleted"),
    path("my-data/sharing-history/", views.sharing_history, name="sharing_history"),
]
