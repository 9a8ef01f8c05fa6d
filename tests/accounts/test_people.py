import pytest

from allyship.accounts.models import Team, User
from allyship.accounts.privacy import GroupFigure
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_supervisor_supervises_the_members_of_their_team_only(
    worker, supervisor, teammate, other_supervisor, stranger
):
    assert set(User.objects.supervised_by(supervisor)) == {worker, teammate}
    assert worker not in User.objects.supervised_by(other_supervisor)
    assert worker not in User.objects.supervised_by(stranger)
    assert not User.objects.supervised_by(worker).exists()


def test_a_person_can_supervise_one_team_and_belong_to_another(supervisor, other_supervisor):
    other_team = Team.objects.supervised_by(other_supervisor).get()
    MembershipFactory(team=other_team, user=supervisor)
    assert supervisor in User.objects.supervised_by(other_supervisor)
    assert set(User.objects.supervisors_of(supervisor)) == {other_supervisor}
    assert supervisor.is_supervisor


def test_supervisors_of_a_worker(worker, supervisor, other_supervisor):
    assert list(User.objects.supervisors_of(worker)) == [supervisor]


@pytest.mark.parametrize(("respondents", "hidden"), [(4, True), (5, False), (6, False)])
def test_group_figures_need_k_respondents(settings, respondents, hidden):
    settings.MIN_GROUP_SIZE = 5
    figure = GroupFigure(value=62.5, respondents=respondents)
    assert figure.hidden is hidden
    assert figure.shown_value == (None if hidden else 62.5)
    assert ("Fewer than 5 responses" in figure.reason) is hidden
