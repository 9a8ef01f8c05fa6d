"""The equity-seeking groups the source text names; trainers and agency admins edit the list."""

from django.db import migrations

GROUPS = [
    "African Canadian people",
    "Immigrants and refugees",
    "Indigenous peoples",
    "2SLGBTQIA+ people",
    "People with low incomes",
    "Disabled people and people with mental health issues",
    "Racialized people",
    "Single-mother families",
]


def seed(apps, schema_editor):
    EquityGroup = apps.get_model("accountability", "EquityGroup")
    for position, name in enumerate(GROUPS, start=1):
        EquityGroup.objects.get_or_create(name=name, defaults={"position": position})


def unseed(apps, schema_editor):
    apps.get_model("accountability", "EquityGroup").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("accountability", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
