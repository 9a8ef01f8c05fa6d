"""The demo agency that `make run` loads: one login per role and a team big enough for K."""

import os

from django.contrib.auth.models import Group
from django.db import transaction

from allyship.accountability.demo import seed_demo_log
from allyship.accounts.models import (
    AGENCY_ADMINS_GROUP,
    TRAINERS_GROUP,
    Agency,
    Membership,
    Team,
    User,
)
from allyship.teams.demo_history import seed_demo_history

DEMO_DOMAIN = "demo.allyship.test"
DEFAULT_DEMO_PASSWORD = "allyship-demo"  # noqa: S105 - documented, refused when DEBUG is off

# (email local part, display name, role label shown by `make run`)
LOGINS = [
    ("worker", "Robin Worker", "worker"),
    ("supervisor", "Sam Supervisor", "supervisor"),
    ("trainer", "Taylor Trainer", "trainer"),
    ("admin", "Alex Admin", "agency admin"),
]

# Sample teammates of the demo worker, so team figures pass the K rule.
TEAMMATES = [
    "Jordan Lee",
    "Priya Nair",
    "Amara Okafor",
    "Luc Tremblay",
    "Kai Morningstar",
    "Mei Chen",
]
OTHER_TEAM = ["Noor Haddad", "Ellis Grant", "Sofia Marques"]


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def _person(agency, local_part, name, *, password=None, staff=False):
    user, _ = User.objects.update_or_create(
        email=f"{local_part}@{DEMO_DOMAIN}",
        defaults={"display_name": name, "agency": agency, "is_staff": staff},
    )
    if password is None:
        if user.has_usable_password():
            user.set_unusable_password()
            user.save(update_fields=["password"])
    elif not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


def _slug(name):
    return name.lower().replace(" ", ".")


@transaction.atomic
def seed_demo_agency():
    """Create or update the demo agency; running it again changes nothing."""
    agency, _ = Agency.objects.update_or_create(
        slug="demo", defaults={"name": "Demo Children's Aid Society"}
    )
    password = demo_password()
    worker, supervisor, trainer, admin = (
        _person(agency, local, name, password=password, staff=role in {"trainer", "agency admin"})
        for local, name, role in LOGINS
    )
    trainer.groups.add(Group.objects.get(name=TRAINERS_GROUP))
    admin.groups.add(Group.objects.get(name=AGENCY_ADMINS_GROUP))

    intake, _ = Team.objects.get_or_create(agency=agency, name="Intake and assessment")
    family, _ = Team.objects.get_or_create(agency=agency, name="Family services")

    def join(team, user, role=Membership.Role.MEMBER):
        Membership.objects.update_or_create(team=team, user=user, defaults={"role": role})

    join(intake, supervisor, Membership.Role.SUPERVISOR)
    join(intake, worker)
    teammates = [_person(agency, _slug(name), name) for name in TEAMMATES]
    for teammate in teammates:
        join(intake, teammate)
    join(family, admin, Membership.Role.SUPERVISOR)
    for name in OTHER_TEAM:
        join(family, _person(agency, _slug(name), name))
    seed_demo_log(worker=worker, supervisor=supervisor)
    seed_demo_history(team=intake, supervisor=supervisor, worker=worker, teammates=teammates)
    return agency
