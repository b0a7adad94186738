"""Hostile input against every public form, list and output: script and `javascript:` links stay text, formulas
stay text in exports, oversized sendings are refused without storing anything, hidden direction characters are
refused, and unknown sort or filter values never end in an error page.

What other modules already test is not repeated here: ideas on public pages, in the feed and the open data and
in the moderation views; the 50 MB photo; the registration, feedback and report exports. The demo site is
loaded once per class.
"""

import csv
import io
import re
import uuid

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import Workbook
from wagtail.contrib.forms.models import FormSubmission

from events.models import EventPage, Registration
from events.registration_forms import RegistrationForm
from events.tasks import SIGNED_UP, registration_mail
from ideas.interest_mail import interest_mail
from ideas.models import ChildVoice, Feedback, Idea, IdeaStatus
from ideas.models.form_pages import SurveyPage, TakePartPage
from pages.exports import FORMULA_STARTS, FormulaSafeExportMixin, neutralise_formula
from pages.models import Partner
from pages.models.place import SocialLink
from tests.demo_case import DemoSiteTestCase
from tests.events.builders import register

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_LINK = "javascript:alert(1)"
HOSTILE = f"{SCRIPT} {IMG} {JS_LINK}"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
TEN_MB = 10 * 1024 * 1024
OVER_ANY_LIMIT = 100_000
"""Characters: over every public text field's limit, under Django's 2.5 MB request limit."""
HIDDEN = {
    "right-to-left override": "\u202e",
    "isolate": "\u2067",
    "byte order mark": "\ufeff",
    "zero-width space": "\u200b",
}


def assert_inert(body: str, where: str) -> None:
    """No payload runs: the script tag, the handler and a `javascript:` link target are all text."""
    assert SCRIPT not in body, where
    assert "<img src=x onerror" not in body, where
    assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", body, re.I), where
    assert ESCAPED_SCRIPT in body or "&lt;script&gt;" in body, where


def demo_event() -> EventPage:
    """A public demo event open for sign-ups (the original, not a translation)."""
    for event in EventPage.objects.live().public().filter(locale__language_code="fi", registration_enabled=True):
        if not event.staff_only and Registration.objects.availability(event).is_open:
            return event
    raise AssertionError("The demo has no event open for sign-ups.")


def answer_value(field) -> object:
    """A valid answer to a form-builder question."""
    choices = [line.strip() for line in re.split(r"[\n,]", field.choices or "") if line.strip()]
    values = {
        "singleline": "Hyvä",
        "multiline": "Hyvä paikka.",
        "email": "vastaaja@example.fi",
        "number": "2",
        "url": "https://example.fi/",
        "checkbox": "on",
        "date": "2026-01-15",
        "datetime": "2026-01-15 10:00",
        "hiddenfield": "x",
    }
    if field.field_type == "checkboxes":
        return [choices[0]]
    if field.field_type in ("radio", "dropdown", "multiselect"):
        return [choices[0]] if field.field_type == "multiselect" else choices[0]
    return values[field.field_type]


class PublicForm:
    """One public form of the demo: where it is sent, a valid sending, its visitors' text fields and how many
    things it has stored."""

    def __init__(self, name, url, valid, text_fields, stored):
        self.name, self.url, self._valid, self.text_fields, self.stored = name, url, valid, text_fields, stored

    def valid(self, **changes) -> dict:
        return {**self._valid(), "submission_key": str(uuid.uuid4()), **changes}


def form_page_form(name: str, model) -> PublicForm:
    page = model.objects.live().get(locale__language_code="fi")
    fields = list(page.get_form_fields())

    def valid():
        return {f"q-{field.clean_name}": answer_value(field) for field in fields}

    text = [f"q-{field.clean_name}" for field in fields if field.field_type in ("singleline", "multiline")]
    return PublicForm(name, page.url, valid, text, lambda: FormSubmission.objects.filter(page=page).count())


def public_forms() -> list[PublicForm]:
    """Every public form that stores what a visitor writes."""
    event = demo_event()
    registration_fields = RegistrationForm(event=event).fields
    registration = {
        "name": "Maija",
        "email": "maija@example.fi",
        "adults": "1",
        "accessibility_needs": "",
        "other_needs": "",
        "consent": "on",
        "interpreter_language": "",
    }
    for name in registration_fields:
        if name.endswith("_age"):
            registration[name] = "3"
    activity = (
        Feedback._meta.get_field("activity").related_model.objects.filter(locale__language_code="fi", staff_only=False)
    ).first()
    return [
        PublicForm(
            "proposal",
            "/ideat/ehdota/",
            lambda: {"title": "Laulua", "description": "Laulua vauvoille.", "language": "fi"},
            ["title", "description", "author_name", "photo_alt"],
            Idea.objects.count,
        ),
        PublicForm(
            "registration",
            reverse("events:register", args=[event.pk]),
            lambda: {key: value for key, value in registration.items() if key in registration_fields},
            ["name", "phone", "accessibility_needs", "other_needs"],
            Registration.objects.count,
        ),
        PublicForm(
            "feedback",
            f"/palaute/{activity.slug}/",
            lambda: {"face": "5", "good": "Laulut", "better": ""},
            ["good", "better"],
            Feedback.objects.count,
        ),
        PublicForm(
            "children's voice",
            "/lasten-aani/",
            lambda: {"age_group": "3-5", "likes": ["play"], "wish": "Liukumäki"},
            ["wish"],
            ChildVoice.objects.count,
        ),
        form_page_form("survey", SurveyPage),
        form_page_form("take part", TakePartPage),
    ]


class PublicFormsTests(DemoSiteTestCase):
    """Sendings to the demo's public forms."""

    def send(self, form: PublicForm, data: dict):
        cache.clear()  # rate limits: each sending counts alone
        return self.client.post(form.url, data, REMOTE_ADDR="10.1.2.3")

    def test_each_forms_valid_sending_is_stored(self):
        """The control for the refusals below: without the hostile value, each sending stores one thing."""
        for form in public_forms():
            with self.subTest(form=form.name):
                before = form.stored()
                response = self.send(form, form.valid())
                assert response.status_code == 302, (form.name, response.content.decode()[-3000:])
                assert form.stored() == before + 1

    def test_ten_megabytes_in_any_text_field_is_refused_and_nothing_is_stored(self):
        for form in public_forms():
            for field in form.text_fields:
                with self.subTest(form=form.name, field=field):
                    before = form.stored()
                    response = self.send(form, form.valid(**{field: "x" * TEN_MB}))
                    assert response.status_code in (400, 413), (form.name, field, response.status_code)
                    with translation.override("fi"):
                        assert "<h1>" in response.content.decode()
                    assert form.stored() == before

    def test_text_over_the_fields_limit_gets_the_forms_error_and_nothing_is_stored(self):
        for form in public_forms():
            for field in form.text_fields:
                with self.subTest(form=form.name, field=field):
                    before = form.stored()
                    response = self.send(form, form.valid(**{field: "x" * OVER_ANY_LIMIT}))
                    assert response.status_code == 200, (form.name, field, response.status_code)
                    assert 'class="error-summary' in response.content.decode() or "errorlist" in (
                        response.content.decode()
                    )
                    assert form.stored() == before

    def test_hidden_direction_and_zero_width_characters_are_refused_and_nothing_is_stored(self):
        for form in public_forms():
            for field in form.text_fields:
                if form.name == "registration" and field == "phone":
                    continue  # a phone number is checked as a number
                for label, character in HIDDEN.items():
                    with self.subTest(form=form.name, field=field, character=label):
                        before = form.stored()
                        response = self.send(form, form.valid(**{field: f"Mai{character}ja"}))
                        assert response.status_code == 200, (form.name, field, label, response.status_code)
                        assert form.stored() == before

    def test_a_zero_width_joiner_is_kept_for_emoji_and_scripts_that_need_it(self):
        family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
        proposal = next(form for form in public_forms() if form.name == "proposal")
        response = self.send(proposal, proposal.valid(title=f"Perheilta {family}"))
        assert response.status_code == 302
        assert Idea.objects.filter(title=f"Perheilta {family}").exists()


HOSTILE_LISTS = {
    "ideas": [
        "?jarjestys=title;DROP",
        "?jarjestys=-pk",
        "?jarjestys=%00",
        "?tila=nonexistent&tila=",
        "?teema=%27%22%3E&teema=x" * 3,
        "?lapset=maybe",
        "?sivu=-1",
        "?sivu=999999",
        "?sivu=abc",
        "?q=" + "%00" * 5,
        "?q=" + "a" * 500,
        "?jarjestys[]=1",
    ],
    "partners": ["?tuki=nonexistent", "?tuki=%00", "?q=" + "a" * 500, "?jarjestys=name", "?tuki=" + "x&tuki=" * 50],
    "help": ["?tilanne=nonexistent", "?tilanne=%00", "?tilanne=" + "a" * 500, "?tilanne=1&tilanne=2"],
    "events": ["?laji=nonexistent", "?laji=%00", "?sivu=-1", "?sivu=abc", "?jarjestys=x"],
    "past events": ["?sivu=-1", "?sivu=abc", "?sivu=99999999999999999999", "?laji=x"],
    "week": [
        "?viikko=2026-W99",
        "?viikko=9999-W01",
        "?viikko=0000-W00",
        "?viikko=abc",
        "?viikko=%00",
        "?viikko=-1",
        "?viikko=2026-W01-W02",
        "?kuka=marsilaiset&laji=x&tuki=y",
        "?viikko=" + "9" * 400,
    ],
    "search": ["?q=%00", "?q=" + "a" * 500, "?q=perhe&sivu=-1", "?q=perhe&sivu=abc", "?q=%27%22%3E&jarjestys=x"],
}
LIST_PATHS = {
    "ideas": "/ideat/",
    "partners": "/toimijat/",
    "help": "/apua/",
    "events": "/tapahtumat/",
    "past events": "/tapahtumat/menneet/",
    "week": "/viikko/",
    "search": "/haku/",
}


class HostileListQueryTests(DemoSiteTestCase):
    def test_unknown_sort_filter_and_page_values_give_the_list_or_a_400_page_never_an_error(self):
        for name, queries in HOSTILE_LISTS.items():
            for query in queries:
                with self.subTest(list=name, query=query[:60]):
                    response = self.client.get(LIST_PATHS[name] + query)
                    allowed = (200, 400, 404) if name == "week" else (200, 400)  # a week that does not exist
                    assert response.status_code in allowed, (name, query[:60], response.status_code)
                    assert "<h1" in response.content.decode()


class HostileTextShownTests(DemoSiteTestCase):
    """Text a family typed, shown to staff in the admin, to the family, in mail and in feeds."""

    def setUp(self):
        from django.contrib.auth import get_user_model

        self.client.force_login(get_user_model().objects.create_superuser("hostile-koordinaattori", password="x" * 20))

    def test_a_registrations_name_and_needs_stay_text_in_the_admin(self):
        event = demo_event()
        registration = register(event, HOSTILE, accessibility_needs=HOSTILE, other_needs=HOSTILE, phone="")
        viewset = Registration.snippet_viewset
        urls = [
            reverse(viewset.get_url_name("list")) + f"?event={event.pk}",
            reverse(viewset.get_url_name("list")) + f"?q=alert&event={event.pk}",
            reverse(viewset.get_url_name("inspect"), args=[registration.pk]),
            reverse("events_registration_summary", args=[event.pk]),
            reverse("events_registration_sign_in_list", args=[event.pk]),
        ]
        for url in urls:
            with self.subTest(url=url):
                response = self.client.get(url)
                assert response.status_code == 200, url
                assert_inert(response.content.decode(), url)

    def test_registration_mail_is_plain_text_with_the_name_as_typed(self):
        registration = register(demo_event(), HOSTILE, email="perhe@example.fi")
        message = registration_mail(registration, SIGNED_UP)
        assert message.content_subtype == "plain"
        assert not getattr(message, "alternatives", [])
        assert HOSTILE in message.body  # as typed: a mail reader shows plain text, never runs it
        assert "&lt;" not in message.body and "&quot;" not in message.body
        assert not mail.outbox

    def test_feedback_texts_stay_text_in_the_admin(self):
        activity = Feedback._meta.get_field("activity").related_model.objects.filter(staff_only=False).first()
        answer, _created = Feedback.objects.store(
            submission_key=uuid.uuid4(), activity=activity, face=5, language="fi", good=HOSTILE, better=HOSTILE
        )
        for url in (
            reverse("wagtailsnippets_ideas_feedback:list"),
            reverse("wagtailsnippets_ideas_feedback:inspect", args=[answer.pk]),
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                assert response.status_code == 200, url
                assert_inert(response.content.decode(), url)

    def test_a_childs_words_stay_text_in_the_admin(self):
        from wagtail.models import Site

        record = ChildVoice.objects.create(
            site=Site.objects.get(is_default_site=True),
            kind="wish",
            age_group="small",
            wish=HOSTILE,
            showed=HOSTILE,
            language="fi",
            date=timezone.localdate(),
        )
        for url in (
            reverse("wagtailsnippets_ideas_childvoice:list"),
            reverse("wagtailsnippets_ideas_childvoice:edit", args=[record.pk]),
        ):
            with self.subTest(url=url):
                response = self.client.get(url)
                assert response.status_code == 200, url
                assert_inert(response.content.decode(), url)

    def test_survey_and_take_part_answers_stay_text_in_the_admin_and_the_interest_mail(self):
        for model in (SurveyPage, TakePartPage):
            page = model.objects.live().get(locale__language_code="fi")
            text_fields = [field for field in page.get_form_fields() if field.field_type in ("singleline", "multiline")]
            data = {field.clean_name: HOSTILE for field in text_fields}
            submission = FormSubmission.objects.create(page=page, form_data=data)
            url = reverse("wagtailforms:list_submissions", args=[page.pk])
            with self.subTest(page=model.__name__):
                response = self.client.get(url)
                assert response.status_code == 200, url
                assert_inert(response.content.decode(), url)
        message = interest_mail(submission, page, "koordinaattori@example.fi")
        assert message.content_subtype == "plain" and not getattr(message, "alternatives", [])
        assert HOSTILE in message.body and "&lt;" not in message.body

    def test_an_event_title_with_a_line_break_and_script_stays_one_summary_in_the_calendar(self):
        event = demo_event()
        EventPage.objects.filter(pk=event.pk).update(title=f"Juhla {SCRIPT}\r\nATTENDEE:mailto:x@example.com")
        for url in ("/tapahtumat/kalenteri/", "/viikko/kalenteri/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                assert response.status_code == 200
                assert response["Content-Type"].startswith("text/calendar")
                lines = response.content.decode().replace("\r\n ", "").split("\r\n")
                assert not any(line.startswith("ATTENDEE") for line in lines), url
                assert any(line.startswith("SUMMARY:Juhla <script>") for line in lines), url


@pytest.mark.parametrize("field", [(Partner, "website"), (SocialLink, "url")], ids=["partner", "social link"])
@pytest.mark.parametrize("value", [JS_LINK, "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>"])
def test_staff_url_fields_refuse_script_links(field, value):
    model, name = field
    form_field = model._meta.get_field(name).formfield()
    with pytest.raises(ValidationError):
        form_field.clean(value)


# --- Formulas in exports ----------------------------------------------------------------------------------------

FORMULAS = {
    "equals": '=HYPERLINK("https://example.com","x")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "carriage return": "\r=1+1",
}


def test_every_formula_start_is_known():
    assert {text[0] for text in FORMULAS.values()} == set(FORMULA_STARTS)


@pytest.mark.parametrize("text", FORMULAS.values(), ids=FORMULAS.keys())
def test_a_csv_value_starting_like_a_formula_gets_an_apostrophe(text):
    assert neutralise_formula(text) == "'" + text


class PlainRows:
    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        from openpyxl.cell import Cell

        for value in row_dict.values():
            cell = Cell(worksheet, value=value)
            cell.data_type = "f" if isinstance(value, str) and value.startswith("=") else cell.data_type
            yield cell


class GuardedRows(FormulaSafeExportMixin, PlainRows):
    pass


@pytest.mark.parametrize("text", FORMULAS.values(), ids=FORMULAS.keys())
def test_an_xlsx_value_starting_like_a_formula_stays_quoted_text(text):
    (cell,) = GuardedRows().generate_xlsx_row(Workbook().active, {"name": text})
    assert cell.value == text and cell.data_type == "s" and cell.quotePrefix


@pytest.mark.parametrize("text", FORMULAS.values(), ids=FORMULAS.keys())
def test_the_open_data_csv_keeps_every_formula_start_as_text(client, db, text):
    from tests.ideas.builders import make_idea, make_ideas_site

    site = make_ideas_site()
    make_idea(site, title=text, description=text, status=IdeaStatus.PUBLISHED)
    response = client.get("/ideat/avoin-data/ideat/csv/")
    (row,) = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert row["title"] == "'" + text and row["description"] == "'" + text
