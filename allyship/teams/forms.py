from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from allyship.accountability.forms import DateInput
from allyship.accounts.models import Membership, User
from allyship.teams.models import Assignment
from assessments.models import Instrument
from learning.models import Module


def personal_instruments(agency_id):
    """The newest published version of each personal self-assessment open in an agency, by title."""
    instruments = Instrument.objects.available_in(agency_id).filter(kind=Instrument.Kind.PERSONAL)
    return sorted(instruments.newest_versions(), key=lambda i: i.title.casefold())


class AssignmentForm(forms.ModelForm):
    """What to assign (a published module or self-assessment), to whom, by when."""

    subject = forms.ChoiceField(
        label=_("What to assign"),
        error_messages={"invalid_choice": _("Choose a published module or self-assessment.")},
    )

    field_order = ["subject", "assignee", "due_on", "note"]

    class Meta:
        model = Assignment
        fields = ["assignee", "due_on", "note"]
        labels = {"assignee": _("Who")}
        help_texts = {
            "due_on": _("Optional. People see it on their home page with this date."),
            "note": _("Optional. Why this, or what to think about while doing it."),
        }
        widgets = {"due_on": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, team, supervisor, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team
        self.modules = {m.pk: m for m in Module.objects.available_to(supervisor)}
        self.instruments = {i.pk: i for i in personal_instruments(supervisor.agency_id)}
        if self.instance.instrument_id and self.instance.instrument_id not in self.instruments:
            self.instruments[self.instance.instrument_id] = self.instance.instrument
        self.fields["subject"].choices = [
            ("", _("Choose a module or a self-assessment")),
            (_("Learning modules"), [(f"module:{pk}", m.title) for pk, m in self.modules.items()]),
            (
                _("Self-assessments"),
                [(f"instrument:{pk}", i.title) for pk, i in self.instruments.items()],
            ),
        ]
        if self.instance.pk:
            kind = "module" if self.instance.module_id else "instrument"
            self.initial["subject"] = f"{kind}:{self.instance.subject.pk}"
        assignee = self.fields["assignee"]
        assignee.queryset = User.objects.filter(
            memberships__team=team, memberships__role=Membership.Role.MEMBER
        ).order_by("display_name")
        assignee.empty_label = _("The whole team, including people who join later")
        assignee.required = False

    def clean_subject(self):
        kind, _sep, pk = self.cleaned_data["subject"].partition(":")
        choices = {"module": self.modules, "instrument": self.instruments}.get(kind, {})
        subject = choices.get(int(pk)) if pk.isdigit() else None
        if subject is None:
            raise forms.ValidationError(_("Choose a published module or self-assessment."))
        return subject

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        unchanged = self.instance.pk and due_on == self.instance.due_on
        if due_on and not unchanged and due_on < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a later date."))
        return due_on

    def save(self, commit=True):
        subject = self.cleaned_data["subject"]
        self.instance.team = self.team
        self.instance.module = subject if isinstance(subject, Module) else None
        self.instance.instrument = subject if isinstance(subject, Instrument) else None
        return super().save(commit)
