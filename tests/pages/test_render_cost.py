"""What makes a public page cheaper to render and to send, kept honest: the input tag draws what Django's
widget templates draw, compacted HTML keeps every line break and everything whitespace matters in, the site
comes from the cache, and the content version is read once per request."""

import re
import time
from unittest import mock

from django import forms
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.template import engines
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from pages import freshness
from pages.middleware import compact
from pages.templatetags.kohtaamo_tags import choice_input
from tests.demo_case import DemoSiteTestCase


class Filter(forms.Form):
    kinds = forms.MultipleChoiceField(
        choices=[("open", "Open <café>"), ("a&b", "Both"), ('say "hi"', "Quoted")],
        widget=forms.CheckboxSelectMultiple,
    )
    order = forms.ChoiceField(choices=[("newest", "Newest"), ("votes", "Votes")], widget=forms.RadioSelect)


def test_the_input_tag_draws_what_django_draws_for_checkboxes_and_radios():
    bound = Filter({"kinds": ["a&b"], "order": "votes"}, auto_id="id_%s")
    unbound = Filter(auto_id="f_%s")
    for form in (bound, unbound):
        for name in ("kinds", "order"):
            for choice in form[name]:
                assert choice_input(choice) == choice.tag(), choice.data
    # Checked, escaped and required, as Django's templates have them.
    drawn = [choice_input(choice) for choice in bound["kinds"]]
    assert drawn[1] == '<input type="checkbox" name="kinds" value="a&amp;b" id="id_kinds_1" checked>'
    assert 'value="say &quot;hi&quot;"' in drawn[2]
    assert " required" in choice_input(next(iter(bound["order"])))


def test_compacted_html_keeps_line_breaks_and_what_whitespace_means_something_in():
    html = (
        b"<ul>\n    <li>One</li>\n\n      <li>Two</li>\n</ul>\n"
        b"<pre>  keep\n    this</pre>\n   <textarea name=t>\n  as typed\n</textarea>\n"
        b"<script>\n  let a = 1;\n  let b = 2;\n</script>\n  <STYLE>\n  p { color: red }\n</STYLE >\n  <p>End</p>"
    )
    assert compact(html) == (
        b"<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n"
        b"<pre>  keep\n    this</pre>\n<textarea name=t>\n  as typed\n</textarea>\n"
        b"<script>\n  let a = 1;\n  let b = 2;\n</script>\n<STYLE>\n  p { color: red }\n</STYLE >\n<p>End</p>"
    )
    # Words either side of an indented line break stay apart.
    assert compact(b"<p>one\n     two</p>") == b"<p>one\ntwo</p>"


def test_the_icon_and_tag_tags_draw_the_sprite_and_escape_their_text():
    template = engines["django"].from_string(
        '{% load kohtaamo_tags %}{% icon "check" %}|{% icon name "icon-l" %}|{% tag text icon="child" variant="sun" %}|'
        "{% tag text %}"
    )
    drawn = template.render({"name": "globe", "text": "<b>Lasten</b>"})
    icon, large, labelled, plain = drawn.split("|")
    assert re.fullmatch(
        r'<svg class="icon" aria-hidden="true"><use href="/static/icons/icons[.\w]*svg#check"></use></svg>', icon
    )
    assert large.startswith('<svg class="icon icon-l" aria-hidden="true">') and large.endswith('#globe"></use></svg>')
    assert labelled.startswith('<span class="tag tag--sun"><svg class="icon"') and "#child" in labelled
    assert labelled.endswith("</svg>&lt;b&gt;Lasten&lt;/b&gt;</span>")
    assert plain == '<span class="tag">&lt;b&gt;Lasten&lt;/b&gt;</span>'


@override_settings(KOHTAAMO_PAGE_CACHE=False)
class PublicResponseTests(DemoSiteTestCase):
    def test_public_pages_are_sent_compacted_with_their_true_length_and_the_admin_as_it_is(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="fi")
        assert response.status_code == 200
        assert b"\n " not in response.content and b"\n\n" not in response.content
        assert int(response["Content-Length"]) == len(response.content)
        login = self.client.get("/admin/login/")
        assert login.status_code == 200 and b"\n " in login.content

    def test_a_page_asks_the_database_for_no_site_locale_or_page_on_its_way_down_the_tree(self):
        for path in ("/toimijat/", "/sv/tule-kaymaan/", "/en/ideat/"):
            self.client.get(path)
            self.client.get(path)
            with CaptureQueriesContext(connection) as captured:
                assert self.client.get(path).status_code == 200, path
            shared = [
                query["sql"] for query in captured if re.search(r'FROM "wagtailcore_(site|locale|page)"', query["sql"])
            ]
            assert shared == [], path

    def test_a_request_reads_the_content_version_once_and_sees_its_own_change(self):
        self.client.get("/ideat/")
        with mock.patch.object(freshness, "_read", wraps=freshness._read) as read:
            assert self.client.get("/ideat/").status_code == 200
            assert read.call_count == 1
            read.reset_mock()
            assert self.client.get("/toimijat/").status_code == 200
            assert read.call_count == 1  # again for the next request

        # A change made during a request (a save in the admin) is seen by the rest of that request.
        # As the test client does, the connection is kept open through the signals: the test's transaction stays.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            request_started.send(sender=None)
            before = freshness.version()
            freshness.bump()
            after = freshness.version()
            request_finished.send(sender=None)
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        assert before != after


def test_between_requests_the_content_version_is_read_every_time(monkeypatch, settings, tmp_path):
    """A task worker or a command sees another process's change at once."""
    settings.KOHTAAMO_CONTENT_VERSION_FILE = str(tmp_path / "content-version")
    monkeypatch.setattr(freshness, "next_clock_change", lambda made: made + freshness.LONGEST_LIFE)
    first = freshness.version()
    assert freshness.version() == first
    freshness._write({"token": "from-another-process", "made": time.time()})
    assert freshness.version() == "from-another-process"


def test_with_redis_a_process_keeps_what_it_read_under_the_current_token_only(redis_url, settings, monkeypatch):
    from django.core.cache import cache

    settings.CACHES = {
        "default": {
            "BACKEND": "pages.redis_cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": f"kept-{time.time_ns()}",
        }
    }
    monkeypatch.setattr(freshness, "next_clock_change", lambda made: made + freshness.LONGEST_LIFE)
    built = []

    def build():
        built.append(1)
        return {"menu": ["Ideat", "Viikko"]}

    first = freshness.remember("menu", build, "fi")
    with mock.patch.object(cache, "get", wraps=cache.get) as read:
        again = freshness.remember("menu", build, "fi")
    assert again == first and again is not first  # a copy of its own for each reader
    assert [call.args[0] for call in read.call_args_list if "menu" in str(call.args[0])] == []
    assert len(built) == 1
    freshness.bump()  # another process would do the same through Redis
    assert freshness.remember("menu", build, "fi") == first
    assert len(built) == 2
