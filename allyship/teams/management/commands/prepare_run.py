from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "What `make run` does before serving: migrate, collect static files, load the starter "
        "content and the demo agency. One process rather than four, so a second `make run` "
        "starts serving in seconds."
    )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=options["verbosity"])
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("load_starter_content", stdout=self.stdout)
        call_command("seed_demo", stdout=self.stdout)
