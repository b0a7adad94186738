"""Everything the site stores about one person, found by e-mail address or phone number, as JSON by kind.

For a request to see one's own data. The file holds personal data: it is written readable by its owner only;
hand it over and delete it.
"""

import json
import os

from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from pages import personal_data

from ._person import add_person_arguments, person_from


class Command(BaseCommand):
    help = "Export everything stored about a person (by --email and/or --phone) as JSON, grouped by kind."

    def add_arguments(self, parser):
        add_person_arguments(parser)
        parser.add_argument("--output", default="", help="Write to this file (readable by its owner only).")

    def handle(self, *args, **options):
        person = person_from(options)
        document = {
            "person": {"email": person.email, "phone": person.phone},
            "exported_at": timezone.now(),
            "data": personal_data.export(person),
        }
        text = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2) + "\n"
        if not options["output"]:
            self.stdout.write(text, ending="")
            return
        descriptor = os.open(options["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as output:
            output.write(text)
        found = ", ".join(f"{kind} {len(rows)}" for kind, rows in document["data"].items())
        self.stderr.write(f"Wrote {options['output']}: {found}.")
