from django.core.management.base import BaseCommand

from learning.starter import load_starter_curriculum


class Command(BaseCommand):
    help = "Load (or refresh) the starter learning curriculum; safe to run again."

    def handle(self, *args, **options):
        counts = load_starter_curriculum()
        self.stdout.write(
            "Starter curriculum: {topics} topics, {modules} modules, {lessons} lessons.".format(
                **counts
            )
        )
