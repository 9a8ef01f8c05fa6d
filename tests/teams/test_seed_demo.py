import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from allyship.accounts.models import Agency, Membership, Team, User
from allyship.teams.models import Assignment
from assessments.models import Attempt
from assessments.starter import load_starter_instruments
from learning.starter import load_starter_curriculum

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(User.objects.values_list("email", "display_name", "is_staff")),
        sorted(Team.objects.values_list("name", flat=True)),
        sorted(Membership.objects.values_list("user__email", "team__name", "role")),
        Agency.objects.count(),
    )


@override_settings(DEBUG=True)
def test_seed_demo_twice_gives_the_same_rows(capsys):
    call_command("seed_demo")
    first = snapshot()
    call_command("seed_demo")
    assert snapshot() == first
    assert "worker@demo.allyship.test" in capsys.readouterr().out


@override_settings(DEBUG=True)
def test_demo_logins_have_their_roles():
    call_command("seed_demo")
    supervisor = User.objects.get(email="supervisor@demo.allyship.test")
    worker = User.objects.get(email="worker@demo.allyship.test")
    assert list(User.objects.supervised_by(supervisor)).count(worker) == 1
    assert User.objects.get(email="trainer@demo.allyship.test").is_trainer
    assert User.objects.get(email="admin@demo.allyship.test").is_agency_admin
    assert worker.check_password("allyship-demo")
    # Enough teammates for team figures to pass the K rule.
    assert User.objects.supervised_by(supervisor).count() >= 5


def test_seed_demo_refuses_when_debug_is_off():
    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("seed_demo")
    assert not User.objects.exists()


@override_settings(DEBUG=True)
def test_the_demo_team_has_history_that_passes_the_k_rule(client_for):

    load_starter_curriculum()
    load_starter_instruments()
    call_command("seed_demo")
    attempts = Attempt.objects.submitted().count()
    call_command("seed_demo")
    assert Attempt.objects.submitted().count() == attempts == 14
    assert Assignment.objects.count() == 2
    supervisor = User.objects.get(email="supervisor@demo.allyship.test")
    team = Team.objects.get(name="Intake and assessment")
    html = client_for(supervisor).get(reverse("teams:detail", args=[team.pk])).text
    assert "Fewer than 5 responses" not in html
    assert "Log entry from Jordan Lee" in html
    assert "Allyship as a practice" in html
