"""Results belong to their author: every other persona gets a 404 unless the author shares."""

import pytest

from allyship.accounts import sharing
from allyship.accounts.models import ShareView

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt(worker, instrument, take):
    return take(worker, instrument, value=4, text="Private thought about my practice")


OTHERS = ["supervisor", "teammate", "other_supervisor", "stranger", "trainer", "agency_admin"]


def test_the_owner_sees_scores_and_reflections(client_for, worker, attempt):
    page = client_for(worker).get(f"/assessments/attempt/{attempt.pk}/results/").content.decode()
    assert "Private thought about my practice" in page
    assert "Share with my supervisor(s)" in page


@pytest.mark.parametrize("persona", OTHERS)
def test_nobody_else_reaches_the_owners_results_or_pages(request, client_for, attempt, persona):
    client = client_for(request.getfixturevalue(persona))
    for url in (
        f"/assessments/attempt/{attempt.pk}/results/",
        f"/assessments/attempt/{attempt.pk}/review/",
        f"/assessments/attempt/{attempt.pk}/part/1/",
    ):
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("persona", OTHERS)
def test_an_unshared_attempt_is_hidden_from_everyone_elses_shared_page(
    request, client_for, attempt, persona
):
    response = client_for(request.getfixturevalue(persona)).get(
        f"/assessments/shared/{attempt.pk}/"
    )
    assert response.status_code == 404


@pytest.mark.parametrize("persona", OTHERS)
def test_nobody_else_can_share_or_save_the_owners_attempt(request, client_for, attempt, persona):
    client = client_for(request.getfixturevalue(persona))
    response = client.post(
        f"/accounts/share/assessments.attempt/{attempt.pk}/", {"action": "share"}
    )
    assert response.status_code == 404
    assert sharing.active_share(attempt) is None


def test_the_supervisor_sees_a_shared_attempt_and_the_author_sees_who_saw_it(
    client_for, worker, supervisor, attempt, instrument, take
):
    other_attempt = take(worker, instrument, value=2)
    owner = client_for(worker)
    owner.post(f"/accounts/share/assessments.attempt/{attempt.pk}/", {"action": "share"})
    boss = client_for(supervisor)
    page = boss.get(f"/assessments/shared/{attempt.pk}/")
    assert page.status_code == 200
    assert "Private thought about my practice" in page.content.decode()
    assert boss.get(f"/assessments/shared/{other_attempt.pk}/").status_code == 404
    assert boss.get(f"/assessments/attempt/{attempt.pk}/results/").status_code == 404
    assert ShareView.objects.filter(viewer=supervisor).count() == 1
    results = owner.get(f"/assessments/attempt/{attempt.pk}/results/").content.decode()
    assert "Seen by" in results
    assert "Sam" in results


@pytest.mark.parametrize("persona", ["teammate", "other_supervisor", "stranger", "trainer"])
def test_a_shared_attempt_stays_hidden_from_everyone_but_the_supervisor(
    request, client_for, worker, attempt, persona
):
    client_for(worker).post(
        f"/accounts/share/assessments.attempt/{attempt.pk}/", {"action": "share"}
    )
    client = client_for(request.getfixturevalue(persona))
    assert client.get(f"/assessments/shared/{attempt.pk}/").status_code == 404


def test_revoking_hides_the_attempt_again_and_keeps_seen_by(
    client_for, worker, supervisor, attempt
):
    owner = client_for(worker)
    share_url = f"/accounts/share/assessments.attempt/{attempt.pk}/"
    owner.post(share_url, {"action": "share"})
    client_for(supervisor).get(f"/assessments/shared/{attempt.pk}/")
    owner.post(share_url, {"action": "unshare"})
    assert client_for(supervisor).get(f"/assessments/shared/{attempt.pk}/").status_code == 404
    results = owner.get(f"/assessments/attempt/{attempt.pk}/results/").content.decode()
    assert "Private: only you can see this." in results
    assert "Sam" in results


def test_the_admin_lists_no_attempts_or_answers(client_for, attempt):
    from tests.factories import UserFactory

    root = client_for(UserFactory(agency=None, is_staff=True, is_superuser=True))
    assert root.get("/admin/assessments/attempt/").status_code == 404
    assert root.get("/admin/assessments/answer/").status_code == 404
    assert root.get("/admin/assessments/dimensionscore/").status_code == 404
    index = root.get("/admin/").content.decode()
    assert "Attempts" not in index
    assert "Answers" not in index


def test_history_lists_every_attempt_with_its_scores(client_for, worker, instrument, take):
    take(worker, instrument, value=5)
    take(worker, instrument, value=3)
    page = client_for(worker).get("/assessments/history/").content.decode()
    assert page.count("Part 1: ") == 2


@pytest.mark.parametrize("count", [2, 30])
def test_history_and_results_make_the_same_queries_for_2_or_30_attempts(
    client_for, worker, instrument, take, django_assert_max_num_queries, count
):
    attempts = [take(worker, instrument, value=1 + n % 5) for n in range(count)]
    client = client_for(worker)
    with django_assert_max_num_queries(10):
        assert client.get("/assessments/history/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(f"/assessments/attempt/{attempts[-1].pk}/results/").status_code == 200
