from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from allyship.accounts.models import User

DEMO_EMAIL_DOMAIN = "@demo.allyship.test"


class SignInForm(AuthenticationForm):
    """Sign in with an email address; demo accounts only work in development."""

    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "That email address and password don't match an account. Check both and try again."
        ),
        "demo_disabled": _("Demo accounts can only sign in on a development server."),
    }

    def clean(self):
        email = (self.cleaned_data.get("username") or "").lower()
        self.cleaned_data["username"] = email
        if email.endswith(DEMO_EMAIL_DOMAIN) and not settings.DEBUG:
            raise forms.ValidationError(self.error_messages["demo_disabled"], code="demo_disabled")
        return super().clean()


class LocalisedPasswordResetForm(PasswordResetForm):
    """Writes the reset email in the recipient's language, not the language of the page."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        with translation.override(context["user"].preferred_language or settings.LANGUAGE_CODE):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Display name"), max_length=150)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["wants_reminders"]


class DeleteMyDataForm(forms.Form):
    """Deleting private data can't be undone, so the person types a word to confirm."""

    confirmation = forms.CharField(
        label=_("To confirm, type the word: delete"),
        max_length=50,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_confirmation(self):
        typed = self.cleaned_data["confirmation"].strip().lower()
        if typed not in {"delete", str(_("delete")).lower()}:
            raise forms.ValidationError(
                _("Type the word “delete” to confirm. Nothing has been deleted.")
            )
        return typed
