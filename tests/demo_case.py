import io

from django.core.management import call_command
from django.test import TestCase


class DemoSiteTestCase(TestCase):
    """Tests that read the demo site; `load_demo` runs once per class, each test rolls back."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=io.StringIO())
