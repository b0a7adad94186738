import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "demo"


class Command(BaseCommand):
    help = "Create the demo site's admin user once and print its generated password. Development only."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a demo admin: DJANGO_DEBUG is off (this is not a demo).")
        User = get_user_model()
        if User.objects.filter(username=DEMO_USERNAME).exists():
            self.stdout.write(f"Demo admin '{DEMO_USERNAME}' exists; its password was printed when it was created.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(DEMO_USERNAME, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Demo admin created. Username: {DEMO_USERNAME}  Password: {password}"))
