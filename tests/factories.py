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


# Self-assessments


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessments.Instrument"

    title = factory.Sequence(lambda n: f"Allyship in my practice {n}")
    slug = factory.Sequence(lambda n: f"instrument-{n}")
    status = "published"


class DimensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessments.Dimension"

    instrument = factory.SubFactory(InstrumentFactory)
    position = factory.Sequence(lambda n: n)
    slug = factory.Sequence(lambda n: f"dimension-{n}")
    name = factory.Sequence(lambda n: f"Dimension {n}")
    band_low = "Low band text"
    band_middle = "Middle band text"
    band_high = "High band text"


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessments.Item"

    dimension = factory.SubFactory(DimensionFactory)
    position = factory.Sequence(lambda n: n)
    kind = "scale"
    prompt = factory.Sequence(lambda n: f"Question {n}?")


class AttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "assessments.Attempt"

    user = factory.SubFactory(UserFactory)
    instrument = factory.SubFactory(InstrumentFactory)


def build_instrument(*, dimensions=2, scale_items=2, reflection=True, **kwargs):
    """A published instrument: each dimension has scale items (the last reverse-scored) and
    optionally one reflection item."""
    instrument = InstrumentFactory(**kwargs)
    for d in range(dimensions):
        dimension = DimensionFactory(instrument=instrument, position=d + 1, name=f"Part {d + 1}")
        for i in range(scale_items):
            ItemFactory(
                dimension=dimension,
                position=i + 1,
                prompt=f"Scale {d + 1}.{i + 1}",
                reverse_scored=i == scale_items - 1 and scale_items > 1,
            )
        if reflection:
            ItemFactory(
                dimension=dimension,
                position=scale_items + 1,
                kind="reflection",
                prompt=f"Reflect {d + 1}",
            )
    return instrument


# Accountability log


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accountability.Entry"

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Entry {n}")
    what_happened = "I spoke over a parent in a meeting."
    what_i_learned = "Listening first changes the whole conversation."
    what_i_will_do_differently = "Ask before explaining."


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accountability.Commitment"

    user = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Commitment {n}: offer information in the family's format")
    due_date = factory.Faker("date_between", start_date="+1d", end_date="+30d")


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accountability.FollowUp"

    commitment = factory.SubFactory(CommitmentFactory)
    note = "Asked two families this week; both preferred a phone call."


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accountability.Comment"

    author = factory.SubFactory(UserFactory)
    text = "Thank you for writing this down."


def submitted_attempt(user, instrument, *, score=50, at=None):
    """A submitted attempt with the same stored ``score`` on every dimension, submitted ``at``."""
    from django.utils import timezone

    from assessments.models import DimensionScore

    attempt = AttemptFactory(user=user, instrument=instrument)
    DimensionScore.objects.bulk_create(
        DimensionScore(attempt=attempt, dimension=dimension, score=score)
        for dimension in instrument.dimensions.all()
    )
    # Saved, not updated, as submitting does: saving moves the agency's figures version.
    attempt.submitted_at = at or timezone.now()
    attempt.save(update_fields=["submitted_at"])
    return attempt


# Team progress


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "teams.Assignment"

    team = factory.SubFactory(TeamFactory)
    module = factory.SubFactory(ModuleFactory)
    instrument = None
