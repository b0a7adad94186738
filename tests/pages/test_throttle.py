"""Rate limits counted in the shared cache: per client, for the whole site, and read without counting."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from pages import throttle
from pages.throttle import Limit

LIMIT = Limit(3, 60)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def request_from(address: str, forwarded: str = ""):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().post("/", REMOTE_ADDR=address, **headers)


def test_a_client_gets_its_hits_then_no_more():
    answers = [throttle.allow(request_from("10.0.0.1"), "test", LIMIT) for _ in range(5)]
    assert answers == [True, True, True, False, False]


def test_each_client_and_each_scope_counts_apart():
    for _ in range(3):
        throttle.allow(request_from("10.0.0.1"), "test", LIMIT)
    assert throttle.allow(request_from("10.0.0.2"), "test", LIMIT)
    assert throttle.allow(request_from("10.0.0.1"), "other", LIMIT)
    assert not throttle.allow(request_from("10.0.0.1"), "test", LIMIT)


def test_the_overall_limit_counts_everybody_together():
    answers = [throttle.allow_overall("test", LIMIT) for _ in range(4)]
    assert answers == [True, True, True, False]


def test_exceeded_reads_without_counting():
    request = request_from("10.0.0.1")
    for _ in range(3):
        throttle.allow(request, "test", LIMIT)
    assert not throttle.exceeded(request, "test", LIMIT)
    assert not throttle.exceeded(request, "test", LIMIT)
    throttle.allow(request, "test", LIMIT)
    assert throttle.exceeded(request, "test", LIMIT)
    assert not throttle.exceeded_overall("test", LIMIT)


def test_the_cache_never_holds_the_address():
    throttle.allow(request_from("203.0.113.7"), "test", LIMIT)
    keys = list(cache._cache.keys())  # local memory in tests
    assert keys and not any("203.0.113.7" in key for key in keys)


def test_a_forwarded_address_counts_only_behind_a_trusted_proxy():
    spoofed = request_from("192.0.2.1", forwarded="10.9.9.9, 198.51.100.4")
    assert throttle.client_address(spoofed) == "192.0.2.1"
    with override_settings(KOHTAAMO_TRUSTED_PROXIES=1):
        assert throttle.client_address(spoofed) == "198.51.100.4"
        assert throttle.client_address(request_from("192.0.2.1")) == "192.0.2.1"


@pytest.mark.django_db
def test_the_429_page_says_when_to_try_again_in_the_readers_language():
    from django.utils import translation

    with translation.override("sv"):
        response = throttle.too_many_requests(RequestFactory().get("/sv/"), Limit(3, 600))
        expected = translation.ngettext(
            "We received many tries from your connection in a short time. Please wait a minute and try again.",
            "We received many tries from your connection in a short time. Please wait %(minutes)s minutes and "
            "try again.",
            10,
        ) % {"minutes": 10}
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert expected in response.content.decode()
    assert "Vänta 10 minuter" in expected
