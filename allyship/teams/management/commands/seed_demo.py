from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from allyship.teams.demo import DEMO_DOMAIN, LOGINS, demo_password, seed_demo_agency


class Command(BaseCommand):
    help = "Create or refresh the demo agency with one login per role (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo only runs with DEBUG on: demo logins have a published password."
            )
        agency = seed_demo_agency()
        self.stdout.write(self.style.SUCCESS(f"Demo agency ready: {agency}"))
        self.stdout.write(f"Demo logins (password: {demo_password()}):")
        for local, _name, role in LOGINS:
            self.stdout.write(f"  {role:<13} {local}@{DEMO_DOMAIN}")
