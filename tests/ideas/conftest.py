"""Fixtures the ideas tests share: an empty cache (rate limits count in it), the site with `/ideat/`, and a
coordinator signed in to the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from tests.ideas.builders import make_ideas_site


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits count in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(db):
    return make_ideas_site()


@pytest.fixture
def coordinator(client, site):
    """The test client signed in as a superuser."""
    client.force_login(get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123"))
    return client
