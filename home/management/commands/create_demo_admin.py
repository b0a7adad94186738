import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "demo"


def boxed(lines: list[str]) -> str:
    """`lines` framed, so they stand out at the end of a long log."""
    width = max(len(line) for line in lines)
    rule = "+" + "-" * (width + 4) + "+"
    return "\n".join([rule, *(f"|  {line.ljust(width)}  |" for line in lines), rule])


class Command(BaseCommand):
    help = "Create the demo site's admin user once and print its generated password, boxed. Development only."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="Where the demo is served, for the box (default: KOHTAAMO_BASE_URL).",
        )

    def handle(self, *args, site_url: str, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a demo admin: DJANGO_DEBUG is off (this is not a demo).")
        site_url = site_url.rstrip("/")
        where = [
            f"Kohtaamo demo:  {site_url}/",
            f"Admin:          {site_url}/admin/",
            f"Username:       {DEMO_USERNAME}",
        ]
        User = get_user_model()
        if User.objects.filter(username=DEMO_USERNAME).exists():
            lines = [
                *where,
                "",
                "The password was shown once, when the demo admin was created. To set a new one:",
                f"    .venv/bin/python manage.py changepassword {DEMO_USERNAME}",
            ]
            self.stdout.write(boxed(lines))
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(DEMO_USERNAME, email="", password=password)
        lines = [*where, f"Password:       {password}", "", "The password is shown only this once: note it down."]
        self.stdout.write(self.style.SUCCESS(boxed(lines)))
