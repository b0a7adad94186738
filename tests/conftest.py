import io

import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(db):
    """The demo site as `load_demo` builds it; returns the home pages by language."""
    from home.models import HomePage

    call_command("load_demo", stdout=io.StringIO())
    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
