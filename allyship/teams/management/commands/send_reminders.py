from django.core.management.base import BaseCommand

from allyship.accountability.reminders import send_reminders
from allyship.teams.reminders import send_assignment_reminders


class Command(BaseCommand):
    help = (
        "Email people whose open commitments or assignments are overdue or due within N days. "
        "Safe to run often: each item is mentioned at most once a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=3, help="Remind of items due within this many days."
        )
        parser.add_argument(
            "--base-url",
            default="",
            help="Address of the site for links in the email, e.g. https://allyship.example.org",
        )

    def handle(self, *args, days, base_url, **options):
        base_url = base_url.rstrip("/")
        commitments = send_reminders(within_days=days, base_url=base_url)
        assignments = send_assignment_reminders(within_days=days, base_url=base_url)
        self.stdout.write(
            f"Sent {commitments} commitment and {assignments} assignment reminder email(s)."
        )
