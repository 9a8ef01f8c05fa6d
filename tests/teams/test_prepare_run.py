import pytest
from django.core.management import call_command
from django.test import override_settings

from allyship.accounts.models import Agency, User
from learning.models import Module

pytestmark = pytest.mark.django_db


def test_prepare_run_readies_the_demo_in_one_go_and_again_changes_nothing(tmp_path, capsys):
    with override_settings(DEBUG=True, STATIC_ROOT=tmp_path):
        call_command("prepare_run", verbosity=0)
        first = sorted(User.objects.values_list("email", flat=True))
        call_command("prepare_run", verbosity=0)
    assert sorted(User.objects.values_list("email", flat=True)) == first
    assert Agency.objects.filter(slug="demo").count() == 1
    assert Module.objects.published().count() == 8
    assert (tmp_path / "css" / "allyship.css").exists()
    assert "worker@demo.allyship.test" in capsys.readouterr().out
