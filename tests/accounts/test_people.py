import pytest

from allyship.accounts.models import Team, User
from allyship.accounts.privacy import GroupFigure, figures_to_hide
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


def test_a_figure_over_fewer_than_k_people_is_hidden(settings):
    settings.MIN_GROUP_SIZE = 5
    assert figures_to_hide({"four": {1, 2, 3, 4}, "five": {1, 2, 3, 4, 5}}) >= {"four"}
    assert figures_to_hide({"six": set(range(6))}) == set()


def test_team_and_agency_figures_that_differ_by_one_person_are_not_both_shown(settings):
    settings.MIN_GROUP_SIZE = 5
    team = set(range(10))
    agency = team | {99}
    # Agency minus team would be one person's answers: the agency figure is withheld.
    assert figures_to_hide({"team": team, "agency": agency}) == {"agency"}


def test_quarters_with_one_member_more_are_not_both_shown(settings):
    settings.MIN_GROUP_SIZE = 5
    last_quarter = {1, 2, 3, 4, 5}
    this_quarter = {1, 2, 3, 4, 5, 6}
    assert figures_to_hide({"q1": last_quarter, "q2": this_quarter}) == {"q2"}


def test_figures_that_differ_by_k_or_more_people_are_all_shown(settings):
    settings.MIN_GROUP_SIZE = 5
    team = set(range(5))
    agency = set(range(10))
    other_quarter = set(range(100, 106))
    assert figures_to_hide({"team": team, "agency": agency, "q": other_quarter}) == set()


def test_the_attack_is_checked_for_every_pair_of_shown_figures(settings):
    settings.MIN_GROUP_SIZE = 3
    figures = {"a": {1, 2, 3}, "b": {1, 2, 3, 4}, "c": {1, 2, 3, 4, 5}}
    hidden = figures_to_hide(figures)
    shown = [key for key in figures if key not in hidden]
    for first in shown:
        for second in shown:
            difference = len(figures[first] ^ figures[second])
            assert difference == 0 or difference >= 3
    assert "a" in shown
