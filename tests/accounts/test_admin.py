"""Trainers reach content only; agency admins manage their own agency's people only."""

import pytest

from tests.factories import AgencyFactory, UserFactory

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
