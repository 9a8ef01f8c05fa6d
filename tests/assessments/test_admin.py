"""Trainers author instruments; a published version is frozen; agency admins only read."""

import pytest

from assessments.models import Instrument, Item
from tests.factories import build_instrument

pytestmark = pytest.mark.django_db


def test_a_trainer_edits_a_draft_and_previews_it(client_for, trainer):
    draft = build_instrument(status="draft", title="Draft reflections")
    client = client_for(trainer)
    assert client.get("/admin/assessments/instrument/").status_code == 200
    change = client.get(f"/admin/assessments/instrument/{draft.pk}/change/").content.decode()
    assert 'name="title_en"' in change
    assert 'name="title_fr"' in change
    assert 'name="introduction_fr"' in change
    preview = client.get(f"/admin/assessments/instrument/{draft.pk}/preview/").content.decode()
    assert "Draft reflections" in preview
    assert "Scale 1.1" in preview
    assert "<fieldset" in preview


def test_a_published_version_is_frozen_and_says_why(client_for, trainer, instrument):
    client = client_for(trainer)
    page = client.get(f"/admin/assessments/instrument/{instrument.pk}/change/").content.decode()
    assert "frozen" in page
    assert 'name="title_en"' not in page
    assert 'name="title_fr"' not in page
    dimension = instrument.dimensions.first()
    page = client.get(f"/admin/assessments/dimension/{dimension.pk}/change/").content.decode()
    assert "frozen" in page
    assert 'name="items-0-prompt_en"' not in page
    client.post(
        f"/admin/assessments/dimension/{dimension.pk}/change/",
        {
            "name_en": "Changed",
            "name_fr": "Changé",
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
        },
    )
    dimension.refresh_from_db()
    assert dimension.name_en != "Changed"
    assert dimension.name_fr != "Changé"


def test_the_new_version_action_copies_a_published_instrument_as_a_draft(
    client_for, trainer, instrument
):
    client_for(trainer).post(
        "/admin/assessments/instrument/",
        {"action": "new_version", "_selected_action": [instrument.pk]},
    )
    copy = Instrument.objects.get(slug=instrument.slug, version=2)
    assert copy.status == Instrument.Status.DRAFT
    assert Item.objects.filter(dimension__instrument=copy).count() == 6
    assert instrument.dimensions.count() == copy.dimensions.count()


def test_publish_and_unpublish_actions(client_for, trainer):
    draft = build_instrument(status="draft")
    client = client_for(trainer)
    client.post(
        "/admin/assessments/instrument/", {"action": "publish", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.status == Instrument.Status.PUBLISHED
    client.post(
        "/admin/assessments/instrument/", {"action": "unpublish", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.status == Instrument.Status.DRAFT


def test_an_agency_admin_may_view_but_not_change_instruments(client_for, agency_admin, instrument):
    client = client_for(agency_admin)
    assert client.get("/admin/assessments/instrument/").status_code == 200
    draft = build_instrument(status="draft")
    page = client.get(f"/admin/assessments/instrument/{draft.pk}/change/").content.decode()
    assert 'name="title_en"' not in page
    assert 'name="title_fr"' not in page


def test_a_worker_cannot_preview(client_for, worker, instrument):
    response = client_for(worker).get(f"/admin/assessments/instrument/{instrument.pk}/preview/")
    assert response.status_code == 302


def test_a_trainer_writes_a_draft_in_english_and_french_side_by_side(client_for, trainer):
    draft = build_instrument(status="draft", title="Draft reflections", dimensions=1)
    client = client_for(trainer)
    page = client.get(f"/admin/assessments/instrument/{draft.pk}/change/").content.decode()
    assert page.index('name="title_en"') < page.index('name="title_fr"')
    dimension = draft.dimensions.get()
    response = client.post(
        f"/admin/assessments/dimension/{dimension.pk}/change/",
        {
            "instrument": draft.pk,
            "name_en": "Listening",
            "name_fr": "Écoute",
            "position": "1",
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    dimension.refresh_from_db()
    assert (dimension.name_en, dimension.name_fr) == ("Listening", "Écoute")


def test_the_new_version_keeps_the_french_text(client_for, trainer, instrument):
    instrument.title_fr = "Réflexions"
    instrument.save()
    dimension = instrument.dimensions.first()
    dimension.name_fr = "Partie un"
    dimension.band_low_fr = "Un début."
    dimension.save()
    item = dimension.items.first()
    item.prompt_fr = "J'écoute avant d'expliquer."
    item.save()
    client_for(trainer).post(
        "/admin/assessments/instrument/",
        {"action": "new_version", "_selected_action": [instrument.pk]},
    )
    copy = Instrument.objects.get(slug=instrument.slug, version=2)
    assert (copy.title_en, copy.title_fr) == (instrument.title_en, "Réflexions")
    new_dimension = copy.dimensions.get(position=dimension.position)
    assert new_dimension.name_fr == "Partie un"
    assert new_dimension.band_low_fr == "Un début."
    assert (
        new_dimension.items.get(position=item.position).prompt_fr == "J'écoute avant d'expliquer."
    )
