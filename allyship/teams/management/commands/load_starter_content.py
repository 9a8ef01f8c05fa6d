from django.core.management.base import BaseCommand

from assessments.starter import load_starter_instruments
from learning.starter import load_starter_curriculum


class Command(BaseCommand):
    help = "Load or refresh the starter curriculum and instruments (idempotent)."

    def handle(self, *args, **options):
        # Topics come with the curriculum; the instruments' dimensions link to them.
        curriculum = load_starter_curriculum()
        instruments = load_starter_instruments()
        self.stdout.write(f"Starter curriculum: {curriculum}")
        self.stdout.write(f"Starter instruments: {instruments}")
