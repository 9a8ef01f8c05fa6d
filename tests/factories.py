"""factory-boy factories for every model the tests build."""

import factory
from django.contrib.auth.models import Group

from allyship.accounts.models import (
    AGENCY_ADMINS_GROUP,
    TRAINERS_GROUP,
    Agency,
    Membership,
    Team,
    User,
)

PASSWORD = "correct horse battery staple"  # noqa: S105


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Children's Aid Society {n}")
    slug = factory.Sequence(lambda n: f"cas-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name")
    agency = factory.SubFactory(AgencyFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    groups = factory.PostGeneration(lambda user, create, names, **kwargs: join_groups(user, names))


def join_groups(user, names):
    if names:
        user.groups.add(*Group.objects.filter(name__in=names))
    user.save()


class TrainerFactory(UserFactory):
    is_staff = True
    groups = factory.PostGeneration(
        lambda user, create, names, **kwargs: join_groups(user, names or [TRAINERS_GROUP])
    )


class AgencyAdminFactory(UserFactory):
    is_staff = True
    groups = factory.PostGeneration(
        lambda user, create, names, **kwargs: join_groups(user, names or [AGENCY_ADMINS_GROUP])
    )


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    team = factory.SubFactory(TeamFactory)
    user = factory.SubFactory(UserFactory, agency=factory.SelfAttribute("..team.agency"))
    role = Membership.Role.MEMBER


# Learning


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "learning.Topic"

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "learning.Module"

    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    summary = "What this module is about."
    status = "published"


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "learning.Lesson"

    module = factory.SubFactory(ModuleFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Lesson {n}")
    body = "Some **Markdown**."
