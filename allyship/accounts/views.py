import hashlib
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from allyship.accounts import personal_data, sharing
from allyship.accounts.forms import (
    DeleteMyDataForm,
    LocalisedPasswordResetForm,
    PreferencesForm,
    SignInForm,
)
from allyship.accounts.models import PasswordResetRequest, SharingEvent
from allyship.accounts.privacy import min_group_size
from allyship.accounts.sessions import touch_session

SHARING_HISTORY_PAGE_SIZE = 25


def password_reset_allowed(email):
    """Record a reset request; refuse past PASSWORD_RESET_LIMIT requests an hour per address."""
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    hour_ago = timezone.now() - timedelta(hours=1)
    PasswordResetRequest.objects.filter(requested_at__lt=hour_ago).delete()
    recent = PasswordResetRequest.objects.filter(email_digest=digest).count()
    PasswordResetRequest.objects.create(email_digest=digest)
    return recent < settings.PASSWORD_RESET_LIMIT


CHOSEN_LANGUAGE_KEY = "language_chosen_before_sign_in"


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        # Someone who picked a language on the sign-in page meant it for themselves: it becomes
        # their preference. Otherwise their saved preference wins over this browser's cookie.
        chosen = self.request.session.pop(CHOSEN_LANGUAGE_KEY, None)
        user = form.get_user()
        if chosen and chosen != user.preferred_language:
            user.preferred_language = chosen
            user.save(update_fields=["preferred_language"])
        response = super().form_valid(form)
        _remember_language(response, user.preferred_language)
        return response


def _remember_language(response, language):
    """The language cookie, as set_language writes it, so signed-out pages stay in it."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = LocalisedPasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"

    def form_valid(self, form):
        # Past the limit the page looks the same, so it reveals nothing about the address,
        # but no more email is sent: nobody can flood a colleague's inbox.
        if password_reset_allowed(form.cleaned_data["email"]):
            return super().form_valid(form)
        return redirect(self.success_url)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password_reset_complete")


@require_POST
def keepalive(request):
    """ "Stay signed in": push the idle timeout back now."""
    touch_session(request.session)
    return HttpResponse(status=204)


@require_POST
def share_toggle(request, key, pk):
    """Share an item of the signed-in person with their supervisor(s), or stop sharing it."""
    entry = sharing.shareable(key)
    if entry is None:
        raise Http404
    item = get_object_or_404(entry.model, pk=pk, **{entry.owner_field: request.user})
    if request.POST.get("action") == "share":
        sharing.share_item(item=item)
        messages.success(
            request, _("Shared with your supervisor(s). You can stop sharing at any time.")
        )
    else:
        sharing.unshare_item(item=item)
        messages.success(request, _("No longer shared. Your supervisor(s) can't see it any more."))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect(item.get_absolute_url())


def locked_out(request, original_response=None, credentials=None):
    """Shown by django-axes after too many failed sign-ins (settings.AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes}, status=429)


@login_not_required
@require_POST
def switch_language(request):
    """The footer's language switch. It becomes the signed-in person's preference, or, chosen
    before signing in, the preference of whoever signs in next in this session."""
    response = set_language(request)
    language = request.POST.get("language")
    if language not in dict(settings.LANGUAGES):
        return response
    if request.user.is_authenticated:
        request.user.preferred_language = language
        request.user.save(update_fields=["preferred_language"])
    else:
        request.session[CHOSEN_LANGUAGE_KEY] = language
    return response


def privacy(request):
    """The privacy promise in plain words: what stays private, what a supervisor sees.

    It reads nothing of the person's, so the benchmark also uses it as its floor page.
    """
    return render(request, "accounts/privacy.html", {"min_group_size": min_group_size()})


def preferences(request):
    # An unticked checkbox posts nothing, so an empty POST is still a submission.
    data = request.POST if request.method == "POST" else None
    form = PreferencesForm(data, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your preferences are saved."))
        return redirect("accounts:preferences")
    return render(request, "accounts/preferences.html", {"form": form})


def _kept_phrases():
    return [phrase for source in personal_data.sources() for phrase in source.keeps]


def _my_data_page(request, delete_form):
    removed = [phrase for source in personal_data.sources() for phrase in source.removes]
    return render(
        request,
        "accounts/my_data.html",
        {"delete_form": delete_form, "removes": removed, "keeps": _kept_phrases()},
    )


def my_data(request):
    """Download everything of mine, or delete my private data (DESIGN.md, promise 7)."""
    return _my_data_page(request, DeleteMyDataForm())


@require_POST
def my_data_download(request):
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(personal_data.export_zip(request.user), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="allyship-my-data-{stamp}.zip"'
    return response


def my_data_delete(request):
    form = DeleteMyDataForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        removed = personal_data.erase_for(request.user)
        request.session["personal_data_removed"] = {
            what: count for what, count in removed.items() if count
        }
        return redirect("accounts:my_data_deleted")
    return _my_data_page(request, form)


def my_data_deleted(request):
    """What the deletion removed and what it kept; shown once, after the redirect."""
    removed = request.session.pop("personal_data_removed", None)
    if removed is None:
        return redirect("accounts:my_data")
    return render(
        request, "accounts/my_data_deleted.html", {"removed": removed, "keeps": _kept_phrases()}
    )


def sharing_history(request):
    """Who saw or changed the sharing of my items, and when: only ever the signed-in author's."""
    events = (
        SharingEvent.objects.concerning(request.user)
        .select_related("actor", "content_type")
        .prefetch_related(sharing.prefetch_items())
    )
    page = Paginator(events, SHARING_HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [
        {
            "event": event,
            "kind": event.content_type.model_class()._meta.verbose_name,
            "by_me": event.actor_id == request.user.pk,
        }
        for event in page
    ]
    return render(request, "accounts/sharing_history.html", {"page_obj": page, "rows": rows})
