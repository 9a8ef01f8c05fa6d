"""The agency-level assessment: answered by an agency admin, seen only inside the agency."""

import pytest

from assessments.models import Attempt, DimensionScore, Stage
from tests.factories import build_instrument

pytestmark = pytest.mark.django_db

STAGES = [
    "Exclusive",
    "Passive",
    "Symbolic change",
    "Identity change",
    "Structural change",
    "Fully inclusive",
]


@pytest.fixture
def agency_instrument(db):
    instrument = build_instrument(kind="agency", title="Our agency's allyship", reflection=True)
    for n, name in enumerate(STAGES, start=1):
        Stage.objects.create(instrument=instrument, position=n, name=name, description=f"{name}.")
    return instrument


def test_a_worker_cannot_start_the_agency_assessment(client_for, worker, agency_instrument):
    client = client_for(worker)
    assert agency_instrument.title not in client.get("/assessments/").content.decode()
    assert client.get(f"/assessments/start/{agency_instrument.pk}/").status_code == 404


def test_an_agency_admin_answers_for_the_agency_with_a_group_note(
    client_for, agency_admin, agency_instrument
):
    client = client_for(agency_admin)
    page = client.get(f"/assessments/start/{agency_instrument.pk}/").content.decode()
    assert "Who is answering for the agency?" in page
    response = client.post(
        f"/assessments/start/{agency_instrument.pk}/", {"group_note": "The equity committee"}
    )
    attempt = Attempt.objects.get(user=agency_admin)
    assert response.url == f"/assessments/attempt/{attempt.pk}/part/1/"
    assert attempt.agency == agency_admin.agency
    assert attempt.group_note == "The equity committee"


@pytest.fixture
def agency_result(agency_admin, agency_instrument, take):
    # All 4s with one reversed item per dimension: (4 + 2) / 2 = 3 → 50 → stage 4.
    return take(
        agency_admin,
        agency_instrument,
        value=4,
        text="Committee notes",
        agency=agency_admin.agency,
        group_note="The equity committee",
    )


def test_each_dimension_is_scored_to_a_stage(agency_result):
    assert set(
        DimensionScore.objects.filter(attempt=agency_result).values_list("stage", flat=True)
    ) == {4}


@pytest.mark.parametrize("persona", ["agency_admin", "supervisor", "other_supervisor"])
def test_supervisors_and_admins_of_the_agency_see_the_result(
    request, client_for, agency_result, persona
):
    page = client_for(request.getfixturevalue(persona)).get("/assessments/agency/")
    text = page.content.decode()
    assert "Identity change" in text
    assert "The equity committee" in text


def test_a_worker_sees_the_latest_result_only(client_for, worker, agency_result):
    text = client_for(worker).get("/assessments/agency/").content.decode()
    assert "Identity change" in text
    assert "Committee notes" not in text


def test_nobody_outside_the_agency_sees_it(client_for, stranger, agency_result):
    text = client_for(stranger).get("/assessments/agency/").content.decode()
    assert "Identity change" not in text
    assert "hasn't completed" in text
    assert (
        client_for(stranger).get(f"/assessments/attempt/{agency_result.pk}/results/").status_code
        == 404
    )


def test_a_worker_sees_no_earlier_agency_results_but_a_supervisor_does(
    client_for, worker, supervisor, agency_admin, agency_instrument, take
):
    take(agency_admin, agency_instrument, value=3, agency=agency_admin.agency)
    take(agency_admin, agency_instrument, value=4, agency=agency_admin.agency)
    worker_page = client_for(worker).get("/assessments/agency/").content.decode()
    supervisor_page = client_for(supervisor).get("/assessments/agency/").content.decode()
    # The table has a "Dimension" column, then one column per attempt shown.
    assert supervisor_page.count('<th scope="col">') == 3
    assert worker_page.count('<th scope="col">') == 2
