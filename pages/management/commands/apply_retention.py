"""Erases the personal data whose retention period has ended, of every kind the site stores.

Run it daily (cron or a systemd timer). The periods are settings (`KOHTAAMO_*_RETENTION_DAYS`), and the privacy
notice states them from the same settings. What stays is not personal: a registration's counts, an idea's text.
Running it again erases nothing more.
"""

from django.core.management.base import BaseCommand

from pages import personal_data

from .erase_personal_data import by_kind


class Command(BaseCommand):
    help = "Erase the personal data past its retention period: registrations, proposers' e-mails, form answers."

    def handle(self, *args, **options):
        self.stdout.write(f"Erased past their retention period: {by_kind(personal_data.apply_retention())}.")
