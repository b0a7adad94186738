"""Personal data on request and on schedule (`pages.personal_data` and the providers of events and ideas):
export by e-mail or phone, erase all of it at once and only it, and erase what is past its retention period."""

import datetime
import io
import json
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Sum
from django.template import Context, Template
from django.utils import translation
from wagtail import hooks
from wagtail.contrib.forms.models import FormSubmission

from events.models import Registration, RegistrationChild
from ideas.models import Idea, IdeaStatus, SurveyField, SurveyPage, TakePartField, TakePartPage, Vote
from pages import personal_data
from pages.personal_data import PERSONAL_DATA, Person
from tests.events.builders import make_event, make_sign_up_event, register
from tests.ideas.builders import give_votes, make_codes, make_idea, make_ideas_site, make_round

AINO = {"email": "aino.virtanen@example.fi", "phone": "+358401234567"}
BERTIL = {"email": "bertil@example.fi", "phone": "+358409876543"}
NOW = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)


def answer(page, texts: list, *, at=None) -> FormSubmission:
    """An answer to `page` with `texts` for its questions, in order, plus the key every answer keeps."""
    names = [field.clean_name for field in page.form_fields.all().order_by("sort_order", "pk")]
    data = dict(zip(names, texts, strict=True)) | {"_submission_key": str(uuid.uuid4())}
    submission = FormSubmission.objects.create(page=page, form_data=data)
    if at is not None:
        FormSubmission.objects.filter(pk=submission.pk).update(submit_time=at)
    return submission


@pytest.fixture
def site(db):
    site = make_ideas_site(place_name="Kohtaamo Testilä")
    site["take_part"] = site["home"].add_child(
        instance=TakePartPage(
            title="Osallistu",
            slug="osallistu",
            form_fields=[
                TakePartField(label="Nimi", field_type="singleline"),
                TakePartField(label="Puhelin tai sähköposti", field_type="singleline"),
                TakePartField(label="Mikä kiinnostaa?", field_type="checkboxes", choices="Kahvila\nLeikit"),
            ],
        )
    )
    site["survey"] = site["home"].add_child(
        instance=SurveyPage(
            title="Kävijäkysely",
            slug="kysely",
            form_fields=[SurveyField(label="Mitä toivoisit?", field_type="multiline")],
        )
    )
    return site


@pytest.fixture
def people(site):
    """Aino and Bertil, each with a registration, an idea with votes, an interest answer and a survey answer.
    Aino's phone is stored as she typed it in the form; she asks with the international form."""
    event = make_sign_up_event(site, capacity=10)
    rows = {}
    for who, typed_phone in (("aino", "040 123 4567"), ("bertil", BERTIL["phone"])):
        person = AINO if who == "aino" else BERTIL
        rows[who] = {
            "registration": register(
                event,
                who.capitalize(),
                adults=2,
                children=[(3, True)],
                email=person["email"].upper(),
                phone=typed_phone,
                interpreter_language="so",
                other_needs="Tulemme myöhässä",
            ),
            "idea": make_idea(site, author_name=who.capitalize(), email=person["email"]),
            "interest": answer(site["take_part"], [who.capitalize(), typed_phone, ["Kahvila"]]),
            "survey": answer(site["survey"], [f"Ottakaa yhteyttä: {person['email']}"]),
        }
    voting_round = make_round(site, [rows["aino"]["idea"], rows["bertil"]["idea"]])
    for code in make_codes(voting_round, 3):
        give_votes(voting_round, code, [rows["aino"]["idea"], rows["bertil"]["idea"]])
    return rows


def export(**person) -> dict:
    out = io.StringIO()
    call_command("export_personal_data", *[f"--{key}={value}" for key, value in person.items()], stdout=out)
    return json.loads(out.getvalue())


def erase(*options, **person) -> str:
    out = io.StringIO()
    call_command("erase_personal_data", *options, *[f"--{key}={value}" for key, value in person.items()], stdout=out)
    return out.getvalue()


def still_there(rows: dict) -> bool:
    registration = Registration.objects.get(pk=rows["registration"].pk)
    idea = Idea.objects.get(pk=rows["idea"].pk)
    answers = FormSubmission.objects.filter(pk__in=[rows["interest"].pk, rows["survey"].pk])
    return bool(registration.name and registration.email and idea.email and idea.author_name) and answers.count() == 2


# --- Who matches -----------------------------------------------------------------------------------------------


def test_a_phone_number_matches_in_any_form_and_an_address_in_any_case():
    aino = Person.of(email=" Aino.Virtanen@Example.FI ", phone_number="+358 40 123 4567")
    assert aino.has_phone("040-123 4567") and aino.has_phone("0401234567") and not aino.has_phone("040 123 4568")
    assert aino.has_email("AINO.VIRTANEN@example.fi") and not aino.has_email("virtanen@example.fi")
    assert aino.is_mentioned_in("Soita iltaisin 040 123 4567, kiitos.")
    assert aino.is_mentioned_in("Postia: aino.virtanen@example.fi.")
    assert not aino.is_mentioned_in("Postia: taino.virtanen@example.fi tai 040 123 4568.")


def test_a_person_needs_an_address_or_a_number_and_a_number_must_be_one():
    with pytest.raises(ValueError):
        Person.of()
    with pytest.raises(CommandError, match="not a phone number"):
        call_command("export_personal_data", "--phone=ei numero")
    with pytest.raises(CommandError, match="--email, --phone"):
        call_command("erase_personal_data")


# --- Export ----------------------------------------------------------------------------------------------------


def test_export_by_e_mail_gives_everything_tied_to_the_address_grouped_by_kind(people):
    document = export(email="AINO.virtanen@example.fi")

    data = document["data"]
    assert set(data) == {"registrations", "ideas", "form_answers"}
    [registration] = data["registrations"]
    assert (registration["name"], registration["phone"], registration["other_needs"]) == (
        "Aino",
        "040 123 4567",
        "Tulemme myöhässä",
    )
    assert registration["children"] == [{"age": 3, "needs_childcare": True}]
    assert [idea["id"] for idea in data["ideas"]] == [people["aino"]["idea"].pk]
    assert [answer["answers"] for answer in data["form_answers"]] == [
        {"Mitä toivoisit?": "Ottakaa yhteyttä: aino.virtanen@example.fi"}
    ]
    assert "bertil" not in json.dumps(document).lower()


def test_export_by_phone_finds_the_number_however_it_was_typed(people):
    data = export(phone="+358 40 123 4567")["data"]

    assert [registration["name"] for registration in data["registrations"]] == ["Aino"]
    assert data["ideas"] == []  # an idea holds no phone number
    assert [answer["form"] for answer in data["form_answers"]] == ["Osallistu"]
    assert data["form_answers"][0]["answers"] == {
        "Nimi": "Aino",
        "Puhelin tai sähköposti": "040 123 4567",
        "Mikä kiinnostaa?": ["Kahvila"],
    }


def test_export_to_a_file_is_readable_by_its_owner_only(people, tmp_path):
    path = tmp_path / "aino.json"
    call_command("export_personal_data", f"--email={AINO['email']}", f"--output={path}", stderr=io.StringIO())

    assert json.loads(path.read_text())["data"]["ideas"][0]["email"] == AINO["email"]
    assert path.stat().st_mode & 0o077 == 0


# --- Erase -----------------------------------------------------------------------------------------------------


def test_erasing_without_yes_only_counts(people):
    output = erase(**AINO)

    assert "Would erase: registrations 1, ideas 1, form_answers 2" in output
    assert still_there(people["aino"])


def test_erasing_removes_the_persons_data_keeps_counts_and_votes_and_leaves_others_alone(people):
    votes = Vote.objects.count()

    output = erase("--yes", **AINO)

    assert "Erased: registrations 1, ideas 1, form_answers 2" in output
    registration = Registration.objects.get(pk=people["aino"]["registration"].pk)
    assert (registration.name, registration.email, registration.phone, registration.other_needs) == ("", "", "", "")
    assert (registration.adults, registration.interpreter_language, registration.erased_at is not None) == (
        2,
        "so",
        True,
    )
    assert RegistrationChild.objects.filter(registration=registration).count() == 1
    idea = Idea.objects.get(pk=people["aino"]["idea"].pk)
    assert (idea.email, idea.author_name, idea.title) == ("", "", people["aino"]["idea"].title)
    assert not FormSubmission.objects.filter(pk__in=[people["aino"]["interest"].pk, people["aino"]["survey"].pk])
    assert Vote.objects.count() == votes == 6 and idea.votes.count() == 3
    assert still_there(people["bertil"])


def test_erasing_by_phone_alone_reaches_what_holds_the_number(people):
    assert "Erased: registrations 1, ideas 0, form_answers 1" in erase("--yes", phone="040-123 4567")
    assert Idea.objects.get(pk=people["aino"]["idea"].pk).email == AINO["email"]


def test_erasing_again_erases_nothing_more(people):
    erase("--yes", **AINO)
    erased_at = Registration.objects.get(pk=people["aino"]["registration"].pk).erased_at

    assert "Erased: registrations 0, ideas 0, form_answers 0" in erase("--yes", **AINO)
    assert Registration.objects.get(pk=people["aino"]["registration"].pk).erased_at == erased_at


def test_a_failing_step_leaves_everything_as_it_was(people):
    class Broken:
        kind = "broken"

        def erase(self, person, now):
            raise RuntimeError("the disk is full")

    with hooks.register_temporarily(PERSONAL_DATA, Broken), pytest.raises(RuntimeError):
        personal_data.erase(Person.of(**{"email": AINO["email"], "phone_number": AINO["phone"]}))

    assert still_there(people["aino"])


# --- Retention -------------------------------------------------------------------------------------------------


def test_retention_erases_only_what_is_past_its_period(site, settings):
    settings.KOHTAAMO_REGISTRATION_RETENTION_DAYS = 30
    settings.KOHTAAMO_PROPOSER_EMAIL_RETENTION_DAYS = 365
    settings.KOHTAAMO_INTEREST_ANSWER_RETENTION_DAYS = 180
    day, hour = datetime.timedelta(days=1), datetime.timedelta(hours=1)
    old_event = make_event(site, NOW - 31 * day - hour, end=NOW - 31 * day, slug="vanha")
    recent_event = make_event(site, NOW - 29 * day - hour, end=NOW - 29 * day, slug="tuore")
    old_registration = register(old_event, "Vanha", email="vanha@example.fi")
    recent_registration = register(recent_event, "Tuore", email="tuore@example.fi")
    old_idea = make_idea(site, email="vanha@example.fi", created_at=NOW - 366 * day)
    recent_idea = make_idea(site, email="tuore@example.fi", created_at=NOW - 364 * day)
    answer(site["take_part"], ["Vanha", "040 111 1111", []], at=NOW - 181 * day)
    recent_interest = answer(site["take_part"], ["Tuore", "040 222 2222", []], at=NOW - 179 * day)
    old_survey = answer(site["survey"], ["Kahvia"], at=NOW - 1000 * day)

    assert personal_data.apply_retention(now=NOW) == {"registrations": 1, "ideas": 1, "form_answers": 1}

    assert Registration.objects.get(pk=old_registration.pk).email == ""
    assert Registration.objects.get(pk=recent_registration.pk).email == "tuore@example.fi"
    assert Idea.objects.get(pk=old_idea.pk).email == ""
    assert Idea.objects.get(pk=recent_idea.pk).email == "tuore@example.fi"
    remaining = set(FormSubmission.objects.values_list("pk", flat=True))
    assert remaining == {recent_interest.pk, old_survey.pk}  # the survey is anonymous and kept for the yearly summary
    assert personal_data.apply_retention(now=NOW) == {"registrations": 0, "ideas": 0, "form_answers": 0}


def test_the_retention_periods_come_from_the_settings(site, settings):
    idea = make_idea(site, email="vanha@example.fi", created_at=NOW - datetime.timedelta(days=40))
    settings.KOHTAAMO_PROPOSER_EMAIL_RETENTION_DAYS = 41
    assert personal_data.apply_retention(now=NOW)["ideas"] == 0
    settings.KOHTAAMO_PROPOSER_EMAIL_RETENTION_DAYS = 39
    assert personal_data.apply_retention(now=NOW)["ideas"] == 1
    assert Idea.objects.get(pk=idea.pk).email == ""


def test_the_retention_command_reports_by_kind_and_keeps_what_is_not_personal(site, settings):
    settings.KOHTAAMO_REGISTRATION_RETENTION_DAYS = 30
    event = make_sign_up_event(site, slug="vanha", days_ahead=-60)
    registration = register(event, "Vanha", adults=3, email="vanha@example.fi", children=[(4, True)])
    make_idea(site, status=IdeaStatus.DONE, email="uusi@example.fi")
    out = io.StringIO()

    call_command("apply_retention", stdout=out)

    assert out.getvalue().strip() == ("Erased past their retention period: registrations 1, ideas 0, form_answers 0.")
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.adults) == ("", "", 3)
    assert Registration.objects.aggregate(adults=Sum("adults"))["adults"] == 3
    assert Idea.objects.get(email="uusi@example.fi")


# --- The privacy notice ----------------------------------------------------------------------------------------


def periods() -> str:
    return Template("{% load personal_data_tags %}{% retention_periods %}").render(Context())


def test_the_privacy_notice_states_each_period_from_the_settings_in_the_readers_language(db, settings):
    settings.KOHTAAMO_REGISTRATION_RETENTION_DAYS = 45
    settings.KOHTAAMO_PROPOSER_EMAIL_RETENTION_DAYS = 200
    settings.KOHTAAMO_INTEREST_ANSWER_RETENTION_DAYS = 1

    with translation.override("en"):
        text = periods()

    assert "signing up for an event are deleted 45 days after the event." in text
    assert "The e-mail address given with an idea is deleted 200 days after the idea was proposed" in text
    assert "Answers to the form for taking part are deleted 1 day after they were sent." in text
    assert text.count("<li>") == 3
