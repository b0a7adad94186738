"""The staff side of the programme and of sign-ups: the admin lists, exports, an event's summary and sign-in
list, who may see registrations, and the dashboard's tasks."""

import csv
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.dates import WEEKDAYS
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from events.admin_views import (
    registration_summary,
)
from events.dashboard import events_tasks
from events.models import ActivityKind, Registration, RegistrationStatus
from pages.exports import neutralise_formula

from .builders import make_programme_site, register
from .builders_admin import FORMULA_NAME, make_editor, make_event, make_programme, make_sign_ups

ACTIVITIES = "wagtailsnippets_events_activity:list"
CHANGES = "wagtailsnippets_events_occurrencechange:list"
HOUSE_MEETING_ROTA = "events_house_meeting_rota"
CLOSURES = "wagtailsnippets_events_closure:list"
REGISTRATIONS = "wagtailsnippets_events_registration:list"
SUMMARY = "events_registration_summary"
SIGN_IN = "events_registration_sign_in_list"


def fi(text) -> str:
    """A label as a Finnish-speaking member of staff sees it (the admin's language)."""
    with translation.override("fi"):
        return str(text)


@pytest.fixture
def site(db):
    site = make_programme_site()
    site["event"] = make_event(site, "Yhteiskehittämisen päivä", days_ahead=10)
    site["other_event"] = make_event(site, "Yhteisökokous", days_ahead=20)
    site["past_event"] = make_event(site, "Viime kevään päivä", days_ahead=-100)
    site["sign_ups"] = make_sign_ups(site["event"], site["other_event"])
    site["programme"] = make_programme(site)
    register(site["past_event"], "Mennyt")
    return site


@pytest.fixture
def coordinator(client, site):
    client.force_login(get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123"))
    return client


def main_table(response) -> str:
    body = response.content.decode()
    return body.split('<table class="listing')[1].split("</table>")[0]


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def xlsx_sheet(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return load_workbook(io.BytesIO(content)).active


# --- The programme ----------------------------------------------------------------------------------------


def test_the_activity_list_shows_kind_schedule_and_staff_only(coordinator):
    table = main_table(coordinator.get(reverse(ACTIVITIES)))
    assert "Perhekahvila" in table and "Perheneuvonta" in table and "Talokokous" in table
    assert fi(ActivityKind.OPEN.label) in table and ">open<" not in table
    assert f"{fi(WEEKDAYS[0])}, {fi(WEEKDAYS[2])} 9.00–11.30" in " ".join(table.split())
    assert "True" not in table and "False" not in table
    assert "suomi" in table


def test_activities_filter_by_kind_staff_only_and_language(coordinator):
    drop_in = main_table(coordinator.get(reverse(ACTIVITIES), {"kind": "drop_in"}))
    assert "Perheneuvonta" in drop_in and "Perhekahvila" not in drop_in
    staff = main_table(coordinator.get(reverse(ACTIVITIES), {"staff_only": "true"}))
    assert "Talokokous" in staff and "Perhekahvila" not in staff
    assert "Perhekahvila" not in coordinator.get(reverse(ACTIVITIES), {"locale": "sv"}).content.decode()


def test_activities_can_be_searched(coordinator):
    body = coordinator.get(reverse(ACTIVITIES), {"q": "Perheneuvonta"}).content.decode()
    assert "Perheneuvonta" in body and "Perhekahvila" not in body


def test_the_activity_export_has_labels(coordinator):
    header, *rows = csv_rows(coordinator.get(reverse(ACTIVITIES), {"export": "csv"}))
    assert len(rows) == 3
    assert "get_kind_display" not in header and "weekday_names" not in header
    cafe = next(row for row in rows if row[0] == "Perhekahvila")
    assert fi(ActivityKind.OPEN.label) in cafe and "open" not in cafe
    assert f"{fi(WEEKDAYS[0])}, {fi(WEEKDAYS[2])}" in cafe
    assert fi(_("no")) in cafe and "False" not in cafe


def test_changes_filter_by_date_and_activity(coordinator, site):
    programme = site["programme"]
    by_activity = main_table(coordinator.get(reverse(CHANGES), {"activity": programme["counselling"].pk}))
    assert "Koulutuspäivä" in by_activity and "Ohjaaja on sairas" not in by_activity
    upcoming = {"date_after": programme["cancelled"].date.isoformat()}
    by_date = main_table(coordinator.get(reverse(CHANGES), upcoming))
    assert "Ohjaaja on sairas" in by_date and "Koulutuspäivä" not in by_date


def test_closures_have_their_list(coordinator):
    assert "Joululoma" in main_table(coordinator.get(reverse(CLOSURES)))


# --- Registrations ----------------------------------------------------------------------------------------


def test_the_registration_list_shows_each_family_with_labels(coordinator, site):
    table = main_table(coordinator.get(reverse(REGISTRATIONS)))
    assert "Virtanen" in table and "Muualla" in table
    assert "Yhteiskehittämisen päivä" in table
    assert fi(RegistrationStatus.WAITLISTED.label) in table and ">waitlisted<" not in table
    assert "arabia" in table and ">ar<" not in table
    virtanen_row = table.split('_title">Virtanen</span>')[1].split("</tr>")[0]
    cells = [" ".join(cell.split()) for cell in re.findall(r"<td >(.*?)</td>", virtanen_row, re.DOTALL)]
    assert cells[-4:] == ["2", "3", "2", "arabia"]  # adults, children, childcare, interpreter


def test_registrations_filter_by_event_and_status(coordinator, site):
    by_event = main_table(coordinator.get(reverse(REGISTRATIONS), {"event": site["other_event"].pk}))
    assert "Muualla" in by_event and "Virtanen" not in by_event
    waiting = main_table(coordinator.get(reverse(REGISTRATIONS), {"status": "waitlisted"}))
    assert "Odottaja" in waiting and "Virtanen" not in waiting


def test_the_registration_list_links_to_the_event_summary(coordinator, site):
    event = site["event"]
    body = coordinator.get(reverse(REGISTRATIONS), {"event": event.pk}).content.decode()
    assert reverse(SUMMARY, args=[event.pk]) in body


def test_the_csv_export_has_labels_and_neutralised_formulas(coordinator, site):
    event = site["event"]
    header, *rows = csv_rows(coordinator.get(reverse(REGISTRATIONS), {"event": event.pk, "export": "csv"}))
    assert len(rows) == 5
    assert "children_ages" not in header and "interpreter_language" not in header
    by_name = {row[header.index(capfirst(fi(Registration._meta.get_field("name").verbose_name)))]: row for row in rows}
    formula = by_name["'" + FORMULA_NAME]
    assert FORMULA_NAME not in by_name
    assert "'+358401234567" in formula and "'+358 40 1234567 soittakaa" in formula
    virtanen = by_name["Virtanen"]
    assert fi(RegistrationStatus.CONFIRMED.label) in virtanen and "confirmed" not in virtanen
    assert "arabia" in virtanen and "1, 4, 8" in virtanen and "1, 4" in virtanen
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)


def test_the_xlsx_export_keeps_formulas_as_text(coordinator, site):
    sheet = xlsx_sheet(coordinator.get(reverse(REGISTRATIONS), {"event": site["event"].pk, "export": "xlsx"}))
    assert sheet.max_row == 6
    header = [cell.value for cell in sheet[1]]
    assert "children_ages" not in header
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    formula = next(cell for cell in cells if cell.value == FORMULA_NAME)
    assert formula.data_type == "s" and formula.quotePrefix
    assert all(cell.data_type != "f" for cell in cells)
    phone = next(cell for cell in cells if cell.value == "+358401234567")
    assert phone.data_type == "s" and phone.quotePrefix
    assert "arabia" in [cell.value for cell in cells]


def test_neutralise_formula_leaves_other_values_alone():
    assert neutralise_formula("=1+1") == "'=1+1"
    assert neutralise_formula("\tx") == "'\tx"
    assert neutralise_formula("Virtanen") == "Virtanen"
    assert neutralise_formula(-3) == -3


def test_a_registration_opens_read_only(coordinator, site):
    registration = site["sign_ups"]["virtanen"]
    viewset = Registration.snippet_viewset
    inspect = coordinator.get(reverse(viewset.get_url_name("inspect"), args=[registration.pk]))
    assert inspect.status_code == 200
    body = inspect.content.decode()
    assert "virtanen@example.com" in body and "arabia" in body and "Pyörätuoli" in body
    edit = coordinator.get(reverse(viewset.get_url_name("edit"), args=[registration.pk]))
    assert edit.status_code in (302, 403)
    assert coordinator.get(reverse(viewset.get_url_name("add"))).status_code in (302, 403)


def test_registrations_have_no_snippet_chooser(coordinator):
    assert coordinator.get("/admin/snippets/choose/events/registration/").status_code == 404


# --- An event's summary and sign-in list --------------------------------------------------------------------


def test_the_summary_counts_families_people_childcare_and_interpreters(site):
    summary = registration_summary(site["event"])
    assert (summary.confirmed, summary.waitlisted, summary.cancelled) == (3, 1, 1)
    assert (summary.adults, summary.children, summary.people) == (4, 7, 11)
    assert [count for _label, count in summary.childcare] == [2, 1, 2, 1]
    assert summary.childcare_total == 6
    with translation.override("fi"):
        summary = registration_summary(site["event"])
        assert summary.interpreters == [("arabia", 2), ("somali", 1)]
    assert [need.text for need in summary.accessibility_needs] == ["Pyörätuoli"]
    assert [(need.who, need.text) for need in summary.other_needs] == [(FORMULA_NAME, "+358 40 1234567 soittakaa")]


def test_the_summary_page_shows_totals_and_links_to_exports_and_the_sign_in_list(coordinator, site):
    event = site["event"]
    response = coordinator.get(reverse(SUMMARY, args=[event.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="summary-confirmed">3<' in body and 'id="summary-waitlisted">1<' in body
    assert 'id="summary-people">11<' in body
    childcare = body.split('id="summary-childcare"')[1].split("</table>")[0]
    assert [row.split("<td>")[1].split("<")[0] for row in childcare.split("<tr>")[2:]] == ["2", "1", "2", "1", "6"]
    assert "arabia" in body and "Pyörätuoli" in body
    assert f"?event={event.pk}&amp;export=csv" in body and f"?event={event.pk}&amp;export=xlsx" in body
    assert reverse(SIGN_IN, args=[event.pk]) in body
    assert "Muualla" not in body


def test_the_summary_of_a_translation_shows_the_originals_sign_ups(coordinator, site):
    from wagtail.models import Locale

    event = site["event"]
    swedish = event.copy_for_translation(Locale.objects.get_or_create(language_code="sv")[0], copy_parents=True)
    body = coordinator.get(reverse(SUMMARY, args=[swedish.pk])).content.decode()
    assert 'id="summary-confirmed">3<' in body


def test_the_sign_in_list_is_a_plain_printable_table_of_confirmed_families(coordinator, site):
    response = coordinator.get(reverse(SIGN_IN, args=[site["event"].pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "@page" in body and "A4" in body and "<script" not in body
    table = body.split("<tbody>")[1].split("</tbody>")[0]
    assert table.count("<tr>") == 3
    assert "Mäkinen" in table and "Virtanen" in table and "HYPERLINK" in table
    assert "Odottaja" not in table and "Peruja" not in table and "Muualla" not in table
    assert "1, 4, 8" in table and "somali" in table
    assert table.count('class="signature"') == 3


def test_an_unknown_event_is_not_found(coordinator):
    assert coordinator.get(reverse(SUMMARY, args=[999999])).status_code == 404


def test_the_event_page_editor_links_to_the_summary(coordinator, site):
    event = site["event"]
    body = coordinator.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert reverse(SUMMARY, args=[event.pk]) in body
    listing = coordinator.get(reverse("wagtailadmin_explore", args=[site["events_page"].pk])).content.decode()
    assert reverse(SUMMARY, args=[event.pk]) in listing
    home = coordinator.get(reverse("wagtailadmin_pages:edit", args=[site["events_page"].pk])).content.decode()
    assert "event-registrations" not in home


# --- Who may see registrations ----------------------------------------------------------------------------


def denied(response) -> bool:
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in (reverse("wagtailadmin_home"), "/admin/")
    )


def registration_urls(site) -> list[str]:
    event, other = site["event"], site["other_event"]
    registration = site["sign_ups"]["virtanen"]
    viewset = Registration.snippet_viewset
    return [
        reverse(REGISTRATIONS),
        reverse(REGISTRATIONS) + "?export=csv",
        reverse(REGISTRATIONS) + f"?event={event.pk}&export=xlsx",
        reverse(viewset.get_url_name("list_results")),
        reverse(viewset.get_url_name("inspect"), args=[registration.pk]),
        reverse(viewset.get_url_name("inspect"), args=[site["sign_ups"]["elsewhere"].pk]),
        reverse(viewset.get_url_name("delete"), args=[registration.pk]),
        reverse(SUMMARY, args=[event.pk]),
        reverse(SUMMARY, args=[other.pk]),
        reverse(SUMMARY, args=[999999]),
        reverse(SIGN_IN, args=[event.pk]),
        reverse(SIGN_IN, args=[other.pk]),
        "/admin/snippets/choose/events/registration/",
        f"/admin/bulk/events/registration/delete/?id={registration.pk}",
        "/admin/bulk/events/registration/delete/?id=all",
    ]


@pytest.mark.parametrize(
    "permissions",
    [(), ("change_registration", "delete_registration", "add_registration")],
    ids=["editor", "editor-who-may-change-but-not-view"],
)
def test_an_editor_without_the_view_permission_sees_no_registration(client, site, permissions):
    client.force_login(make_editor("toimittaja", *permissions))
    for url in registration_urls(site):
        response = client.get(url)
        assert denied(response) or response.status_code == 404, url
        assert "Virtanen" not in response.content.decode(), url
    assert reverse(REGISTRATIONS) not in client.get(reverse("wagtailadmin_home")).content.decode()
    event = site["event"]
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert editor_page.status_code == 200
    assert reverse(SUMMARY, args=[event.pk]) not in editor_page.content.decode()


def test_a_member_of_staff_with_the_view_permission_sees_them_but_cannot_delete(client, site):
    client.force_login(make_editor("ohjaaja", "view_registration"))
    assert client.get(reverse(REGISTRATIONS)).status_code == 200
    assert client.get(reverse(SUMMARY, args=[site["event"].pk])).status_code == 200
    assert client.get(reverse(REGISTRATIONS), {"export": "csv"}).status_code == 200
    viewset = Registration.snippet_viewset
    assert denied(client.get(reverse(viewset.get_url_name("delete"), args=[site["sign_ups"]["virtanen"].pk])))


def test_who_may_view_and_delete_registrations_may_delete_them_in_bulk(client, site):
    client.force_login(make_editor("koordinaattori2", "view_registration", "delete_registration"))
    registration = site["sign_ups"]["waiting"]
    url = f"/admin/bulk/events/registration/delete/?id={registration.pk}"
    assert "Odottaja" in client.get(url).content.decode()
    client.post(url)
    assert not Registration.objects.filter(pk=registration.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, site):
    for url in registration_urls(site):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url


# --- The dashboard ----------------------------------------------------------------------------------------


class FakeRequest:
    def __init__(self, user):
        self.user = user


def test_the_dashboard_tasks_count_the_programme_and_the_sign_ups(site):
    coordinator = get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123")
    with translation.override("en"):
        tasks = {task.url.split("?")[0]: task for task in events_tasks(FakeRequest(coordinator))}
    assert tasks[reverse(ACTIVITIES)].detail == "3 activities"
    assert "1 cancellations or changes, 1 closures" in tasks[reverse(CHANGES)].detail
    sign_ups = tasks[reverse(REGISTRATIONS)]
    assert sign_ups.detail == "4 confirmed"  # three at the event, one at the other; none of the past one's
    assert "status=confirmed" in sign_ups.url


def test_sign_ups_are_no_task_for_those_who_may_not_see_them(site):
    tasks = events_tasks(FakeRequest(make_editor("toimittaja")))
    assert [task.url for task in tasks] == [reverse(ACTIVITIES), reverse(HOUSE_MEETING_ROTA), reverse(CHANGES)]


def test_the_dashboard_panel_lists_the_events_tasks(coordinator):
    body = coordinator.get(reverse("wagtailadmin_home")).content.decode()
    panel = body.split('id="staff-tasks-section"')[1].split("</section>")[0]
    assert reverse(ACTIVITIES) in panel and reverse(REGISTRATIONS) in panel
