"""Sample log history for the demo worker, so the log, commitments and "shared with me" pages
show real content after `make run`. Idempotent: entries and commitments are matched by text."""

import datetime

from django.utils import timezone

from allyship.accountability.models import Comment, Commitment, Entry, EquityGroup
from allyship.accounts import sharing

ENTRIES = [
    {
        "title": "Asked a grandmother how she wanted to hear about the plan",
        "kind": Entry.Kind.ACTION,
        "level": Entry.Level.INDIVIDUAL,
        "days_ago": 3,
        "what_happened": "Before the meeting I asked whether she preferred a call, a letter or "
        "an in-person visit, and whether she wanted someone from her community there.",
        "what_i_learned": "She had never been asked. The meeting went differently.",
        "what_i_will_do_differently": "Ask every family at the first visit.",
        "groups": ["Indigenous peoples"],
        "shared": True,
    },
    {
        "title": "Talked over a parent in a case conference",
        "kind": Entry.Kind.MISTAKE,
        "level": Entry.Level.INDIVIDUAL,
        "days_ago": 12,
        "what_happened": "I explained the safety plan before the parent had finished speaking. "
        "Afterwards I apologised and asked what I had missed.",
        "what_i_learned": "I was treating myself as the expert on their home.",
        "what_i_will_do_differently": "Let the parent speak first and summarise what I heard.",
        "groups": ["Single-mother families", "People with low incomes"],
        "shared": False,
    },
    {
        "title": "Raised the interpreter wait times at the team meeting",
        "kind": Entry.Kind.ADVOCACY,
        "level": Entry.Level.AGENCY,
        "days_ago": 25,
        "what_happened": "Families waited weeks for interpreted meetings; I brought the numbers "
        "to the team meeting and asked for a standing budget line.",
        "what_i_learned": "Naming the pattern with numbers made it harder to set aside.",
        "what_i_will_do_differently": "Keep tracking and report back each quarter.",
        "groups": ["Immigrants and refugees", "Racialized people"],
        "shared": False,
    },
]

COMMITMENTS = [
    ("Ask each family at the first visit how they want to receive information", 5),
    ("Read the agency's anti-Black racism report and discuss it with my supervisor", -4),
]


def seed_demo_log(*, worker, supervisor):
    today = timezone.localdate()
    groups = {group.name: group for group in EquityGroup.objects.all()}
    first = None
    for data in ENTRIES:
        entry, created = Entry.objects.get_or_create(
            user=worker,
            title=data["title"],
            defaults={
                "kind": data["kind"],
                "level": data["level"],
                "date": today - datetime.timedelta(days=data["days_ago"]),
                "what_happened": data["what_happened"],
                "what_i_learned": data["what_i_learned"],
                "what_i_will_do_differently": data["what_i_will_do_differently"],
            },
        )
        if created:
            entry.equity_groups.set([groups[name] for name in data["groups"] if name in groups])
        if data["shared"]:
            sharing.share_item(item=entry)
            Comment.objects.get_or_create(
                entry=entry,
                author=supervisor,
                defaults={"text": "Thank you for sharing this. What made you think to ask?"},
            )
        first = first or entry
    for text, due_in in COMMITMENTS:
        Commitment.objects.get_or_create(
            user=worker,
            text=text,
            defaults={"due_date": today + datetime.timedelta(days=due_in), "entry": first},
        )
