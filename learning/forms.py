from django import forms
from django.utils.translation import gettext_lazy as _

from allyship.accounts.client_info import ClientInfoCheckMixin
from allyship.accounts.edited_elsewhere import EditedElsewhereCheckMixin
from learning.models import ReflectionResponse


class ReflectionForm(EditedElsewhereCheckMixin, ClientInfoCheckMixin, forms.ModelForm):
    client_info_fields = ("text",)
    saved_fields = ("text",)

    class Meta:
        model = ReflectionResponse
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        labels = {"text": _("Your reflection (private)")}
