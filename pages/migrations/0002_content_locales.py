from django.conf import settings
from django.db import migrations


def create_content_locales(apps, schema_editor):
    """Editors can translate into every content language from the start, demo or not."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]

    operations = [migrations.RunPython(create_content_locales, migrations.RunPython.noop)]
