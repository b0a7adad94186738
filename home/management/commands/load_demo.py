from django.core.management.base import BaseCommand

from home import demo


class Command(BaseCommand):
    help = "Create the demo site (pages in fi, sv and en, the place's facts). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete every page first and build anew.")

    def handle(self, *args, reset=False, **options):
        made = demo.load(reset=reset)
        self.stdout.write(self.style.SUCCESS(f"Demo site ready: {', '.join(sorted(made.homes))}."))
