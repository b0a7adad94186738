from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home import site_setup


class Command(BaseCommand):
    help = (
        "Set up the real, empty site: the home page and the fixed pages in every language, and the default "
        "Wagtail site at KOHTAAMO_BASE_URL. Invents no facts and lists what staff must fill in. Safe to run again."
    )

    def handle(self, *args, **options):
        base_url = settings.WAGTAILADMIN_BASE_URL
        try:
            made = site_setup.set_up_site(base_url)
        except site_setup.SetupRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        if not settings.DEBUG and made.site.hostname in {"localhost", "127.0.0.1", "::1"}:
            self.stderr.write(
                self.style.WARNING(f"KOHTAAMO_BASE_URL is {base_url}: set it to the site's public address.")
            )
        if made.created_pages or made.created_support_types:
            self.stdout.write(
                f"Created {made.created_pages} pages and {made.created_support_types} support types "
                f"in {', '.join(made.homes)}."
            )
        for change in made.changes:
            self.stdout.write(change)
        if not (made.created_pages or made.created_support_types or made.changes):
            self.stdout.write("Nothing to change: the site is set up.")
        site, home = made.site, made.homes[settings.LANGUAGE_CODE]
        self.stdout.write(self.style.SUCCESS(f"Site “{site.site_name}” at {site.root_url}/, home page “{home}”."))
        todo = site_setup.to_fill_in(made.site)
        if todo:
            self.stdout.write(f"Still to fill in, signed in at {base_url.rstrip('/')}/admin/:")
            for number, item in enumerate(todo, start=1):
                self.stdout.write(f"  {number}. {item}")
