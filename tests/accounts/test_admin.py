"""Trainers reach content only; agency admins manage their own agency's people only."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry

from allyship.accounts.models import Membership, User
from assessments.models import Instrument
from learning.models import Topic
from tests.factories import AgencyFactory, ModuleFactory, UserFactory, build_instrument

pytestmark = pytest.mark.django_db


def test_a_worker_cannot_reach_the_admin(client_for, worker):
    response = client_for(worker).get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_a_trainer_sees_learning_content_and_not_people(client_for, trainer):
    client = client_for(trainer)
    index = client.get("/admin/").content.decode()
    assert "Topics" in index
    assert "People" not in index
    assert client.get("/admin/accounts/user/").status_code == 403
    assert client.get("/admin/learning/topic/").status_code == 200


def test_an_agency_admin_manages_people_of_their_own_agency_only(
    client_for, agency_admin, worker, stranger
):
    client = client_for(agency_admin)
    listing = client.get("/admin/accounts/user/").content.decode()
    assert "Robin" in listing
    assert "Drew" not in listing
    assert client.get(f"/admin/accounts/user/{worker.pk}/change/").status_code == 200
    assert client.get(f"/admin/accounts/user/{stranger.pk}/change/").status_code == 302
    assert client.get("/admin/accounts/team/").status_code == 200


def test_an_agency_admin_cannot_make_a_superuser(client_for, agency_admin, worker):
    page = client_for(agency_admin).get(f"/admin/accounts/user/{worker.pk}/change/")
    assert 'name="is_superuser"' not in page.content.decode()


def test_a_superuser_sees_every_agency(client_for, worker, stranger):
    root = UserFactory(agency=None, is_staff=True, is_superuser=True)
    UserFactory(agency=AgencyFactory())
    listing = client_for(root).get("/admin/accounts/user/").content.decode()
    assert "Robin" in listing and "Drew" in listing


# What the admin holds at all: content and people, never anyone's private writing.

CONTENT_MODELS = {
    "learning.topic",
    "learning.module",
    "learning.lesson",
    "learning.question",
    "assessments.instrument",
    "assessments.dimension",
    "accountability.equitygroup",
}
PEOPLE_MODELS = {"accounts.agency", "accounts.team", "accounts.user", "accounts.membership"}
# django-axes' sign-in attempt records: for superusers (operators) only.
SECURITY_MODELS = {"auth.group", "axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"}
PRIVATE_MODELS = {
    "assessments.attempt",
    "assessments.answer",
    "assessments.dimensionscore",
    "learning.reflectionresponse",
    "learning.questionanswer",
    "learning.lessonprogress",
    "learning.modulecompletion",
    "accountability.entry",
    "accountability.commitment",
    "accountability.followup",
    "accountability.comment",
    "accountability.reminder",
    "accounts.share",
    "accounts.shareview",
    "accounts.sharingevent",
    "accounts.passwordresetrequest",
}


def registered():
    return {model._meta.label_lower for model in admin.site._registry}


def test_the_admin_registers_content_and_people_only():
    assert registered() == CONTENT_MODELS | PEOPLE_MODELS | SECURITY_MODELS


def test_every_private_model_is_known_and_kept_out_of_the_admin():
    labels = {model._meta.label_lower for model in apps.get_models()}
    assert PRIVATE_MODELS <= labels
    assert not PRIVATE_MODELS & registered()


@pytest.mark.parametrize("label", sorted(PRIVATE_MODELS))
def test_not_even_a_superuser_can_browse_private_writing(client_for, label):
    root = UserFactory(agency=None, is_staff=True, is_superuser=True)
    app_label, model = label.split(".")
    client = client_for(root)
    assert client.get(f"/admin/{app_label}/{model}/").status_code == 404
    assert client.get(f"/admin/{app_label}/{model}/1/change/").status_code == 404


@pytest.mark.parametrize("label", sorted(CONTENT_MODELS | PEOPLE_MODELS | SECURITY_MODELS))
def test_a_trainer_reaches_content_models_only(client_for, trainer, label):
    app_label, model = label.split(".")
    response = client_for(trainer).get(f"/admin/{app_label}/{model}/")
    assert response.status_code == (200 if label in CONTENT_MODELS else 403)


def test_an_agency_admin_cannot_open_or_change_another_agencys_team(
    client_for, agency_admin, stranger
):
    elsewhere = stranger.teams.get()
    client = client_for(agency_admin)
    assert "Far Away" not in client.get("/admin/accounts/team/").content.decode()
    response = client.post(
        f"/admin/accounts/team/{elsewhere.pk}/change/",
        {"name": "Renamed", "agency": agency_admin.agency_id},
    )
    assert response.status_code == 302
    elsewhere.refresh_from_db()
    assert elsewhere.name == "Intake"
    assert not Membership.objects.filter(team=elsewhere, user__agency=agency_admin.agency).exists()


def test_an_agency_admin_cannot_put_another_agencys_person_in_a_team(
    client_for, agency_admin, team, stranger
):
    response = client_for(agency_admin).post(
        "/admin/accounts/membership/add/",
        {"user": stranger.pk, "team": team.pk, "role": "member", "joined_at_0": "2026-01-05"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Membership.objects.filter(user=stranger, team=team).exists()


def test_an_agency_admin_cannot_create_a_person_in_another_agency(client_for, agency_admin):
    elsewhere = AgencyFactory(name="Far Away CAS", slug="far")
    client_for(agency_admin).post(
        "/admin/accounts/user/add/",
        {
            "email": "new@far.example",
            "display_name": "New",
            "agency": elsewhere.pk,
            "password1": "a long enough passphrase 42",
            "password2": "a long enough passphrase 42",
        },
    )
    assert not User.objects.filter(email="new@far.example").exists()


def test_an_agency_admin_sees_no_other_agency_or_team_in_the_filters(
    client_for, agency_admin, worker, stranger
):
    client = client_for(agency_admin)
    for listing in ("team", "user", "membership"):
        page = client.get(f"/admin/accounts/{listing}/").content.decode()
        assert "Far Away" not in page, listing
    assert "Intake" in client.get("/admin/accounts/membership/").content.decode()


@pytest.mark.parametrize("label", sorted(SECURITY_MODELS))
def test_an_agency_admin_cannot_read_sign_in_records_or_groups(client_for, agency_admin, label):
    app_label, model = label.split(".")
    assert client_for(agency_admin).get(f"/admin/{app_label}/{model}/").status_code == 403


def test_an_agency_admin_does_not_see_the_admin_of_superusers(client_for, agency_admin):
    root = UserFactory(agency=None, is_staff=True, is_superuser=True, display_name="Root")
    client = client_for(agency_admin)
    assert "Root" not in client.get("/admin/accounts/user/").content.decode()
    assert client.get(f"/admin/accounts/user/{root.pk}/change/").status_code == 302


# Changes to content are recorded with who and when (Django's admin history, LogEntry).


def test_adding_and_changing_content_is_logged_with_who_and_when(client_for, trainer):
    client = client_for(trainer)
    client.post("/admin/learning/topic/add/", {"name_en": "Racism", "slug": "racism"})
    topic = Topic.objects.get(slug="racism")
    client.post(
        f"/admin/learning/topic/{topic.pk}/change/",
        {"name_en": "Anti-Black racism", "slug": "racism", "description_en": "Why it matters."},
    )
    entries = LogEntry.objects.filter(object_id=str(topic.pk)).order_by("action_time")
    assert [(e.action_flag, e.user_id) for e in entries] == [
        (ADDITION, trainer.pk),
        (CHANGE, trainer.pk),
    ]
    assert all(e.action_time is not None for e in entries)
    page = client.get(f"/admin/learning/topic/{topic.pk}/history/").content.decode()
    assert "Taylor" in page


def test_publishing_a_module_by_action_is_logged(client_for, trainer):
    module = ModuleFactory(status="draft")
    client_for(trainer).post(
        "/admin/learning/module/", {"action": "publish", "_selected_action": [module.pk]}
    )
    entry = LogEntry.objects.get(object_id=str(module.pk), content_type__model="module")
    assert entry.action_flag == CHANGE
    assert entry.user == trainer
    assert "status" in entry.get_change_message().lower()


def test_publishing_an_instrument_and_making_a_new_version_are_logged(client_for, trainer):
    draft = build_instrument(status="draft")
    client = client_for(trainer)
    client.post(
        "/admin/assessments/instrument/", {"action": "publish", "_selected_action": [draft.pk]}
    )
    client.post(
        "/admin/assessments/instrument/",
        {"action": "new_version", "_selected_action": [draft.pk]},
    )
    logged = LogEntry.objects.filter(content_type__model="instrument", user=trainer)
    assert {(e.object_id, e.action_flag) for e in logged} == {
        (str(draft.pk), CHANGE),
        (str(Instrument.objects.get(slug=draft.slug, version=2).pk), ADDITION),
    }


def test_an_action_that_changes_nothing_logs_nothing(client_for, trainer):
    module = ModuleFactory(status="published")
    client_for(trainer).post(
        "/admin/learning/module/", {"action": "publish", "_selected_action": [module.pk]}
    )
    assert not LogEntry.objects.filter(object_id=str(module.pk)).exists()
