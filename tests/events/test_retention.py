"""`manage.py apply_retention` for registrations: personal data goes a set time after the event; the counts stay."""

import datetime
import io
import uuid

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Registration, RegistrationChild, RegistrationStatus

from .builders_registrations import make_event, make_site


@pytest.fixture
def site(db):
    return make_site()


def ended_days_ago(site, days: float, slug: str):
    event = make_event(site, slug=slug, days_ahead=-days - 1)
    event.end = timezone.now() - datetime.timedelta(days=days)
    event.save()
    return event


def registration(event, name: str) -> Registration:
    registration = Registration.objects.create(
        event=event,
        status=RegistrationStatus.CONFIRMED,
        submission_key=uuid.uuid4(),
        language="fi",
        name=name,
        email=f"{name.lower()}@example.fi",
        phone="+358401234567",
        adults=2,
        interpreter_language="so",
        accessibility_needs="Pyörätuoli",
        other_needs="Tulemme myöhässä",
        consented_at=timezone.now(),
    )
    RegistrationChild.objects.create(registration=registration, age=4, needs_childcare=True)
    return registration


def erase() -> str:
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    return out.getvalue()


def test_personal_data_is_erased_after_the_retention_period_and_the_counts_stay(site, settings):
    settings.KOHTAAMO_REGISTRATION_RETENTION_DAYS = 30
    old = registration(ended_days_ago(site, 31, "vanha"), "Vanha")
    recent = registration(ended_days_ago(site, 29, "tuore"), "Tuore")
    upcoming = registration(make_event(site, slug="tuleva"), "Tuleva")

    assert "registrations 1" in erase()

    old.refresh_from_db()
    assert (old.name, old.email, old.phone, old.accessibility_needs, old.other_needs) == ("", "", "", "", "")
    assert old.erased_at is not None
    assert (old.adults, old.interpreter_language, old.status) == (2, "so", RegistrationStatus.CONFIRMED)
    assert [(child.age, child.needs_childcare) for child in old.children.all()] == [(4, True)]
    for kept in (recent, upcoming):
        kept.refresh_from_db()
        assert kept.name and kept.email and kept.other_needs and kept.erased_at is None


def test_erasing_again_changes_nothing(site):
    old = registration(ended_days_ago(site, 40, "vanha"), "Vanha")
    assert "registrations 1" in erase()
    erased_at = Registration.objects.get(pk=old.pk).erased_at
    assert "registrations 0" in erase()
    assert Registration.objects.get(pk=old.pk).erased_at == erased_at


def test_the_retention_period_comes_from_the_settings(site, settings):
    registration(ended_days_ago(site, 8, "viikko"), "Viikko")
    settings.KOHTAAMO_REGISTRATION_RETENTION_DAYS = 10
    assert "registrations 0" in erase()
    settings.KOHTAAMO_REGISTRATION_RETENTION_DAYS = 7
    assert "registrations 1" in erase()
    assert Registration.objects.get().name == ""
