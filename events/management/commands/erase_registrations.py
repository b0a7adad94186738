"""Erases the personal data of registrations whose event ended more than the retention period ago.

Run it daily (cron or a systemd timer). The counts stay for statistics: adults, children's ages and
childcare, interpreter languages and status. Running it again erases nothing more.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from events.models import Registration


class Command(BaseCommand):
    help = "Erase names, contact details and needs from registrations of events that ended long enough ago."

    def handle(self, *args, **options):
        erased = Registration.objects.past_retention().erase_personal_data()
        days = settings.KOHTAAMO_REGISTRATION_RETENTION_DAYS
        self.stdout.write(
            f"Erased the personal data of {erased} registration(s) of events that ended over {days} days ago."
        )
