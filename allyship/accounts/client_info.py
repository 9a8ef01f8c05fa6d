"""Spot text that may identify a client, so the writer can take it out (DESIGN.md, promise 8).

Reflections are about one's own practice, not case notes. The check only warns: the person can
always save anyway, and nothing they typed is lost.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

PATTERNS = [
    (
        re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)"),
        _("a phone number"),
    ),
    (
        re.compile(
            r"\b(?:born|dob|d\.o\.b\.?|date of birth|birthday)\b[^.\n]{0,20}\d",
            re.IGNORECASE,
        ),
        _("a date of birth"),
    ),
    (
        re.compile(r"\b\d{4}[\s-]?\d{3}[\s-]?\d{3}(?:[\s-]?[A-Z]{2})?\b"),
        _("a health card number"),
    ),
    (
        re.compile(
            r"\b(?:file|case|client)\s*(?:no\.?|number|#)\s*:?\s*[A-Z0-9-]{3,}", re.IGNORECASE
        ),
        _("a file or case number"),
    ),
    (
        re.compile(
            r"\b(?:client|mother|father|mom|dad|parent|child|youth|kid|son|daughter|baby|family)"
            r"\s+(?:named|called)\s+[A-Z]",
            re.IGNORECASE,
        ),
        _("a person's name"),
    ),
]


def client_information_found(text: str) -> list[str]:
    """What in ``text`` looks like client-identifying information, as readable phrases."""
    if not text:
        return []
    return [str(label) for pattern, label in PATTERNS if pattern.search(text)]


REMINDER = _(
    "Write about your own practice. Please don't include names, dates of birth, file numbers or "
    "other details that could identify a client or family."
)


class ClientInfoCheckMixin(forms.Form):
    """Warn, once, when free text looks like client information; "save anyway" lets it through.

    List the free-text fields in ``client_info_fields``. The form re-renders with everything the
    person typed and an explicit checkbox to confirm.
    """

    client_info_fields: tuple[str, ...] = ()

    save_anyway = forms.BooleanField(
        label=_("I've checked: this doesn't identify a client. Save anyway."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.client_info_fields:
            if name in self.fields and not self.fields[name].help_text:
                self.fields[name].help_text = REMINDER
        # The confirmation only appears once there is something to confirm.
        self.fields["save_anyway"].widget = forms.HiddenInput()
        self.client_info_warnings = []

    def clean(self):
        cleaned = super().clean()
        found = []
        for name in self.client_info_fields:
            for label in client_information_found(cleaned.get(name) or ""):
                if label not in found:
                    found.append(label)
        if found and not cleaned.get("save_anyway"):
            self.client_info_warnings = found
            self.fields["save_anyway"].widget = forms.CheckboxInput()
            raise forms.ValidationError(
                _(
                    "This text may identify a client (it seems to contain %(what)s). Please "
                    "remove it, or confirm below and save anyway."
                )
                % {"what": ", ".join(found)},
                code="client_information",
            )
        return cleaned
