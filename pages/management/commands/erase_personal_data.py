"""Erases everything the site stores about one person, found by e-mail address or phone number.

Without `--yes` it only counts what it would erase. Erasing is one transaction (all or nothing) and keeps
what is not personal: a registration's counts, an idea's text, votes. Running it again erases nothing more.
The output names kinds and counts, never the data.
"""

from django.core.management.base import BaseCommand

from pages import personal_data

from ._person import add_person_arguments, person_from


def by_kind(counts: dict[str, int]) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in counts.items())


class Command(BaseCommand):
    help = "Erase everything stored about a person (by --email and/or --phone). Counts only, unless --yes."

    def add_arguments(self, parser):
        add_person_arguments(parser)
        parser.add_argument("--yes", action="store_true", help="Erase (without it nothing changes).")

    def handle(self, *args, **options):
        person = person_from(options)
        if not options["yes"]:
            found = {kind: len(rows) for kind, rows in personal_data.export(person).items()}
            self.stdout.write(f"Would erase: {by_kind(found)}. Nothing was erased: run again with --yes to erase.")
            return
        self.stdout.write(f"Erased: {by_kind(personal_data.erase(person))}.")
