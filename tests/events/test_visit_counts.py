"""Visit counts: the quick form on a day's occurrences, saving all or nothing, who may count, the dashboard's
numbers and charts, its fixed number of queries, the list's filters and export, and the dashboard task."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from events.models import VisitCount
from events.visits_admin import visits_tasks

from .builders import cancel, close, make_activity, make_programme_site, move
from .builders_admin import make_editor

FORM = "events_count_visits"
DASHBOARD = "events_visits_dashboard"
LIST = "wagtailsnippets_events_visitcount:list"
ONE_DAY = datetime.timedelta(days=1)


def today() -> datetime.date:
    return timezone.localdate()


def weekday(day: datetime.date) -> list[int]:
    return [day.weekday()]


@pytest.fixture
def site(db):
    """Today: the café (translated into Swedish), a cancelled counselling hour, a staff-only house meeting, a baby
    group moved here from yesterday at a new time, a fathers' group moved away to tomorrow, and a club that
    meets on another weekday."""
    site = make_programme_site()
    day = today()
    started = {"first_date": day - datetime.timedelta(days=30)}
    cafe = make_activity(site, title="Perhekahvila", weekdays=weekday(day), end_time=datetime.time(11, 30), **started)
    sv = Locale.objects.get_or_create(language_code="sv")[0]
    swedish = cafe.copy_for_translation(sv)
    swedish.title = "Familjecafé"
    swedish.save()
    counselling = make_activity(
        site,
        title="Perheneuvonta",
        kind="drop_in",
        weekdays=weekday(day),
        start_time=datetime.time(13),
        end_time=datetime.time(15),
        **started,
    )
    cancel(counselling, day, "Neuvoja on sairas.")
    house_meeting = make_activity(site, title="Talokokous", weekdays=weekday(day), staff_only=True, **started)
    babies = make_activity(site, title="Vauvaryhmä", kind="peer", weekdays=weekday(day - ONE_DAY), **started)
    move(babies, day - ONE_DAY, new_date=day, start=datetime.time(10), end=datetime.time(12), reason="Sali varattu.")
    fathers = make_activity(site, title="Isäryhmä", kind="peer", weekdays=weekday(day), **started)
    move(fathers, day, new_date=day + ONE_DAY)
    club = make_activity(site, title="Kerho", kind="club", weekdays=weekday(day + 2 * ONE_DAY), **started)
    site.update(
        cafe=cafe, counselling=counselling, house_meeting=house_meeting, babies=babies, fathers=fathers, club=club
    )
    return site


@pytest.fixture
def coordinator(client, site):
    """A coordinator whose admin speaks Finnish, the default."""
    client.force_login(get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123"))
    return client


@pytest.fixture
def english(coordinator):
    """The coordinator's admin in English, for the texts that are not translated yet."""
    user = get_user_model().objects.get(username="koordinaattori")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return coordinator


def form_url(day: datetime.date | None = None) -> str:
    return reverse(FORM) + (f"?date={day.isoformat()}" if day else "")


def titles(response) -> list[str]:
    return [row.activity.title for row in response.context["rows"]]


def row_data(activity, adults="", children="", first_time_families="") -> dict:
    prefix = f"a{activity.pk}"
    return {
        f"{prefix}-adults": adults,
        f"{prefix}-children": children,
        f"{prefix}-first_time_families": first_time_families,
    }


def stored(activity, day=None) -> tuple[int, int, int] | None:
    count = VisitCount.objects.filter(activity=activity, date=day or today()).first()
    return (count.adults, count.children, count.first_time_families) if count else None


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


# --- What there is to count ---------------------------------------------------------------------------------


def test_the_form_opens_on_todays_public_occurrences(coordinator, site):
    response = coordinator.get(form_url())
    assert response.status_code == 200
    # In time order; cancelled, staff-only, moved-away and other days' activities are not there.
    assert titles(response) == ["Perhekahvila", "Vauvaryhmä"]
    rows = {row.activity.title: row for row in response.context["rows"]}
    assert rows["Perhekahvila"].time == "9.00–11.30"
    assert rows["Vauvaryhmä"].time == "10.00–12.00"
    assert "Sali varattu." in rows["Vauvaryhmä"].note
    body = response.content.decode()
    assert "Familjecafé" not in body and "Perheneuvonta" not in body and "Talokokous" not in body


def test_each_number_has_a_label_naming_its_activity_and_time(coordinator, site):
    body = coordinator.get(form_url()).content.decode()
    table = body.split('<table class="listing visits-count">')[1].split("</table>")[0]
    inputs = re.findall(r'<input type="number" name="([^"]+)"[^>]*id="([^"]+)"', table)
    assert len(inputs) == 6
    labels = dict(re.findall(r'<label for="([^"]+)" class="w-sr-only">([^<]+)</label>', table))
    for name, input_id in inputs:
        activity = site["cafe"] if name.startswith(f"a{site['cafe'].pk}-") else site["babies"]
        time = "9.00–11.30" if activity == site["cafe"] else "10.00–12.00"
        assert activity.title in labels[input_id] and time in labels[input_id], name
    assert len(set(labels.values())) == 6


def test_a_closure_leaves_nothing_to_count_but_a_stored_count_still_shows(coordinator, site):
    VisitCount.objects.create(activity=site["cafe"], date=today(), adults=3, children=4)
    close(site, today(), today() + ONE_DAY)
    response = coordinator.get(form_url())
    assert titles(response) == ["Perhekahvila"]
    assert response.context["rows"][0].time == ""
    assert 'value="3"' in response.content.decode()


def test_a_past_day_shows_that_days_occurrences(coordinator, site):
    yesterday = coordinator.get(form_url(today() - ONE_DAY))
    assert yesterday.context["day"] == today() - ONE_DAY
    assert titles(yesterday) == []  # the baby group moved away from yesterday
    week_ago = today() - 7 * ONE_DAY  # nothing changed then
    assert titles(coordinator.get(form_url(week_ago))) == ["Isäryhmä", "Perhekahvila", "Perheneuvonta"]
    assert titles(coordinator.get(form_url(today() - 5 * ONE_DAY))) == ["Kerho"]


# --- Saving -------------------------------------------------------------------------------------------------


def test_saving_stores_the_filled_rows_zero_included_and_nothing_for_an_empty_row(coordinator, site):
    data = {**row_data(site["cafe"], "12", "15", "2"), **row_data(site["babies"], "0", "0", "0")}
    response = coordinator.post(form_url(), data)
    assert response.status_code == 302 and response["Location"] == form_url(today())
    assert stored(site["cafe"]) == (12, 15, 2)
    assert stored(site["babies"]) == (0, 0, 0)
    assert VisitCount.objects.count() == 2

    VisitCount.objects.all().delete()
    coordinator.post(form_url(), {**row_data(site["cafe"], "4"), **row_data(site["babies"])})
    assert stored(site["cafe"]) == (4, 0, 0)
    assert stored(site["babies"]) is None


def test_the_form_is_prefilled_and_saving_again_updates_the_same_count(coordinator, site):
    coordinator.post(form_url(), row_data(site["cafe"], "12", "15", "2"))
    first = VisitCount.objects.get()
    body = coordinator.get(form_url()).content.decode()
    assert f'name="a{site["cafe"].pk}-adults" value="12"' in body
    assert f'name="a{site["cafe"].pk}-children" value="15"' in body

    coordinator.post(form_url(), row_data(site["cafe"], "13", "15", "3"))
    assert VisitCount.objects.get().pk == first.pk
    assert stored(site["cafe"]) == (13, 15, 3)


def test_a_past_day_is_saved_on_that_day(coordinator, site):
    week_ago = today() - 7 * ONE_DAY
    coordinator.post(form_url(week_ago), row_data(site["fathers"], "3", "5", "1"))
    assert stored(site["fathers"], week_ago) == (3, 5, 1)
    assert stored(site["fathers"]) is None


@pytest.mark.parametrize("bad", ["-1", "1000", "abc", "2.5"])
def test_one_bad_number_stores_nothing_and_shows_the_error_by_its_row(coordinator, site, bad):
    VisitCount.objects.create(activity=site["babies"], date=today(), adults=1, children=1)
    data = {**row_data(site["cafe"], "12", "15", "2"), **row_data(site["babies"], "5", bad, "0")}
    response = coordinator.post(form_url(), data)
    assert response.status_code == 200
    assert stored(site["cafe"]) is None
    assert stored(site["babies"]) == (1, 1, 0)
    body = response.content.decode()
    field_id = f"id_a{site['babies'].pk}-children"
    summary = body.split('id="visits-errors"')[1].split("</div>")[0]
    assert f'href="#{field_id}"' in summary and "Vauvaryhmä" in summary
    assert summary.count("<li>") == 1
    assert re.search(rf'<input[^>]*aria-invalid="true"[^>]*id="{field_id}"', body) or re.search(
        rf'<input[^>]*id="{field_id}"[^>]*aria-invalid="true"', body
    )
    assert f'id="{field_id}-error"' in body
    assert f'name="a{site["cafe"].pk}-adults" value="12"' in body  # what was typed is kept


def test_future_days_are_refused_with_a_message_and_nothing_is_stored(english, site):
    coordinator = english
    tomorrow = today() + ONE_DAY
    response = coordinator.get(form_url(tomorrow))
    assert response.status_code == 302 and response["Location"] == reverse(FORM)
    assert messages_of(response) == ["Visits can be counted for today or earlier, not for days to come."]
    response = coordinator.post(form_url(tomorrow), row_data(site["fathers"], "3", "5", "1"))
    assert response.status_code == 302
    assert not VisitCount.objects.exists()
    with pytest.raises(ValidationError):
        VisitCount.objects.record(tomorrow, {site["fathers"]: {"adults": 1, "children": 0, "first_time_families": 0}})
    assert not VisitCount.objects.exists()


def test_a_day_that_is_no_date_is_refused_with_a_message(coordinator, site):
    response = coordinator.get(reverse(FORM) + "?date=2026-02-30")
    assert response.status_code == 302 and response["Location"] == reverse(FORM)
    assert messages_of(response)


def test_the_next_day_link_stops_at_today(coordinator, site):
    assert coordinator.get(form_url()).context["next_url"] == ""
    yesterday = coordinator.get(form_url(today() - ONE_DAY))
    assert yesterday.context["next_url"] == form_url(today())
    assert form_url(today() - 2 * ONE_DAY) == yesterday.context["previous_url"]


# --- Who may count ------------------------------------------------------------------------------------------


def denied(response) -> bool:
    """The admin answers a refusal by sending the user to its dashboard with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


@pytest.mark.parametrize(
    "permissions", [(), ("add_visitcount",), ("change_visitcount", "view_visitcount")], ids=["none", "add", "change"]
)
def test_counting_needs_both_the_add_and_the_change_permission(client, site, permissions):
    client.force_login(make_editor("toimittaja", *permissions))
    assert denied(client.get(form_url()))
    assert denied(client.post(form_url(), row_data(site["cafe"], "1", "1", "1")))
    assert not VisitCount.objects.exists()
    assert reverse(FORM) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_member_of_staff_with_both_permissions_counts(client, site):
    client.force_login(make_editor("ohjaaja", "add_visitcount", "change_visitcount"))
    client.post(form_url(), row_data(site["cafe"], "1", "2", "0"))
    assert stored(site["cafe"]) == (1, 2, 0)
    assert denied(client.get(reverse(DASHBOARD)))  # the dashboard needs the view permission


def test_the_dashboard_needs_the_view_permission(client, site):
    client.force_login(make_editor("toimittaja", "add_visitcount", "change_visitcount"))
    assert denied(client.get(reverse(DASHBOARD)))
    client.force_login(make_editor("raportoija", "view_visitcount"))
    assert client.get(reverse(DASHBOARD)).status_code == 200
    assert denied(client.get(form_url()))


def test_anonymous_visitors_are_sent_to_sign_in(client, site):
    for url in (form_url(), reverse(DASHBOARD), reverse(LIST)):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url


# --- The dashboard ------------------------------------------------------------------------------------------


def add_counts(site) -> None:
    """2025: the café in March (17 people), counselling in late December (5), and one in 2024 left out."""
    cafe, counselling = site["cafe"], site["counselling"]
    VisitCount.objects.create(activity=cafe, date=datetime.date(2025, 3, 3), adults=5, children=7)
    VisitCount.objects.create(activity=cafe, date=datetime.date(2025, 3, 10), adults=2, children=3)
    VisitCount.objects.create(
        activity=counselling, date=datetime.date(2025, 12, 22), adults=4, children=1, first_time_families=2
    )
    VisitCount.objects.create(activity=cafe, date=datetime.date(2024, 12, 30), adults=50, children=50)


def chart_rows(body: str, chart_id: str) -> dict[str, tuple[str, str]]:
    """{label: (number shown, bar width)} of the chart in the element `chart_id`."""
    part = body.split(f'id="{chart_id}"')[1].split("</table>")[0]
    rows = re.findall(
        r'<th scope="row">([^<]+)</th>\s*<td class="bar-chart__value">([^<]+)</td>.*?<rect width="([^"]+)"', part, re.S
    )
    return {label: (number, width) for label, number, width in rows}


def kind_rows(body: str) -> dict[str, list[int]]:
    table = body.split('id="visits-kinds"')[1].split("<tbody>")[1].split("</tbody>")[0]
    rows = re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', table, re.S)
    return {label: [int(cell) for cell in re.findall(r"<td>(\d+)</td>", cells)] for label, cells in rows}


def test_the_dashboard_shows_the_years_totals_and_charts_of_the_stored_sums(coordinator, site):
    add_counts(site)
    body = coordinator.get(reverse(DASHBOARD), {"year": 2025}).content.decode()
    assert re.search(r'id="visits-adults">11<', body)
    assert re.search(r'id="visits-children">11<', body)
    assert re.search(r'id="visits-first-time">2<', body)
    assert re.search(r'id="visits-occurrences">3<', body)

    monthly = chart_rows(body, "visits-monthly")
    assert len(monthly) == 12
    assert monthly["Maaliskuu"] == ("17", "100.0")
    assert monthly["Joulukuu"] == ("5", "29.4")
    assert monthly["Tammikuu"] == ("0", "0.0")

    weekly = chart_rows(body, "visits-weekly")
    assert len(weekly) == 12  # the last twelve weeks of 2025: 13 October to 29 December
    values = {label.split(" ")[1]: number for label, (number, _width) in weekly.items()}
    assert values["52"] == "5" and values["1"] == "0" and values["42"] == "0"
    assert "10" not in values  # March is long before

    kinds = kind_rows(body)
    assert len(kinds) == 5
    assert kinds["Avoin toiminta"] == [0, 0, 17, *[0] * 9, 17]
    assert kinds["Neuvonta-aika"] == [*[0] * 11, 5, 5]
    assert kinds["Vertaisryhmä"] == [0] * 13
    footer = body.split('id="visits-kinds"')[1].split("<tfoot>")[1].split("</tfoot>")[0]
    assert [int(cell) for cell in re.findall(r"<td>(\d+)</td>", footer)] == [0, 0, 17, *[0] * 8, 5, 22]


def test_the_dashboard_defaults_to_this_year_and_ignores_an_unknown_year(coordinator, site):
    VisitCount.objects.create(activity=site["cafe"], date=today(), adults=6, children=9)
    add_counts(site)
    for url in (reverse(DASHBOARD), reverse(DASHBOARD) + "?year=1700", reverse(DASHBOARD) + "?year=x"):
        body = coordinator.get(url).content.decode()
        assert re.search(r'id="visits-adults">6<', body), url
        this_week = list(chart_rows(body, "visits-weekly").values())[-1]
        assert this_week == ("15", "100.0"), url


def build_counts(site, number: int) -> None:
    activities = [site["cafe"], site["counselling"], site["babies"], site["fathers"], site["club"]]
    start = today() - datetime.timedelta(days=number // len(activities) + 1)
    VisitCount.objects.bulk_create(
        VisitCount(
            activity=activities[index % len(activities)],
            date=start + datetime.timedelta(days=index // len(activities)),
            adults=index % 7,
            children=index % 11,
        )
        for index in range(number)
    )


def count_queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_the_dashboard_and_the_form_run_the_same_number_of_queries_for_10_and_300_counts(coordinator, site):
    build_counts(site, 10)
    small = [count_queries(coordinator, url) for url in (reverse(DASHBOARD), form_url())]
    VisitCount.objects.all().delete()
    build_counts(site, 300)
    assert VisitCount.objects.count() == 300
    large = [count_queries(coordinator, url) for url in (reverse(DASHBOARD), form_url())]
    assert small == large


# --- The list and its export --------------------------------------------------------------------------------


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def listed(response) -> list[tuple[str, str]]:
    """(activity, date) of each row of the list, as a Finnish-speaking member of staff sees them."""
    table = response.content.decode().split('<table class="listing')[1].split("</table>")[0]
    titles = re.findall(r'id="snippet_\d+_title">([^<]+)<', table)
    days = re.findall(r"<td >\s*\w+ (\d+\.\d+\.\d{4})\s*</td>", table)
    return list(zip(titles, days, strict=True))


def test_the_list_filters_by_month_and_activity(coordinator, site):
    add_counts(site)
    march = listed(coordinator.get(reverse(LIST), {"month": "2025-03"}))
    assert march == [("Perhekahvila", "10.3.2025"), ("Perhekahvila", "3.3.2025")]
    counselling = listed(coordinator.get(reverse(LIST), {"activity": site["counselling"].pk}))
    assert counselling == [("Perheneuvonta", "22.12.2025")]
    assert len(listed(coordinator.get(reverse(LIST)))) == 4


def test_the_export_writes_labels_and_neutralises_formulas(coordinator, site):
    add_counts(site)
    site["cafe"].title = "=SUM(A1:A9)"
    site["cafe"].save()
    response = coordinator.get(reverse(LIST), {"month": "2025-03", "export": "csv"})
    with translation.override("fi"):  # the admin's language while the file streams
        rows = csv_rows(response)
    assert len(rows) == 3
    assert rows[1][0] == "'=SUM(A1:A9)"
    assert rows[0][0] == "Toiminta" and len(rows[0]) == 7
    assert rows[1][1:6] == ["Avoin toiminta", "2025-03-10", "2", "3", "0"]
    assert rows[2][1:6] == ["Avoin toiminta", "2025-03-03", "5", "7", "0"]

    response = coordinator.get(reverse(LIST), {"activity": site["counselling"].pk, "export": "xlsx"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    values = [cell.value for cell in sheet[2]]
    assert values[0] == "Perheneuvonta"
    assert values[3:6] == [4, 1, 2]


# --- The admin dashboard's task -----------------------------------------------------------------------------


def test_the_task_counts_todays_occurrences_for_those_who_may_count(site):
    counter = make_editor("ohjaaja", "add_visitcount", "change_visitcount")
    VisitCount.objects.create(activity=site["babies"], date=today(), adults=2)
    request = RequestFactory().get("/admin/")
    request.user = counter
    with translation.override("en"):
        tasks = [(str(task.label), task.url, str(task.detail)) for task in visits_tasks(request)]
    assert tasks == [("Count today's visits", reverse(FORM), "2 activities today, 1 counted")]
    request.user = make_editor("toimittaja", "view_visitcount")
    assert visits_tasks(request) == []


def test_the_admin_dashboard_links_to_the_form(coordinator):
    body = coordinator.get(reverse("wagtailadmin_home")).content.decode()
    panel = body.split('id="staff-tasks-section"')[1].split("</section>")[0]
    assert reverse(FORM) in panel


def test_the_menu_offers_counting_the_dashboard_and_the_list(coordinator):
    body = coordinator.get(reverse("wagtailadmin_home")).content.decode()
    for url in (reverse(FORM), reverse(DASHBOARD), reverse(LIST)):
        assert url.replace("/", "\\/") in body or url in body, url


def test_a_count_added_in_the_list_takes_an_activity_in_the_default_language_and_no_future_day(coordinator, site):
    add_url = reverse("wagtailsnippets_events_visitcount:add")
    form = coordinator.get(add_url).context["form"]
    choices = {str(label) for _value, label in form.fields["activity"].choices}
    assert "Perhekahvila" in choices and "Familjecafé" not in choices
    data = {"activity": site["cafe"].pk, "adults": 3, "children": 4, "first_time_families": 0}
    response = coordinator.post(add_url, {**data, "date": (today() + ONE_DAY).isoformat()})
    assert response.status_code == 200 and not VisitCount.objects.exists()
    coordinator.post(add_url, {**data, "date": today().isoformat()})
    assert stored(site["cafe"]) == (3, 4, 0)


def test_with_two_places_the_form_and_the_dashboard_ask_which_and_show_that_ones_activities(english, site):
    from wagtail.models import Page, Site

    alone = english.get(reverse(FORM)).content.decode()
    assert 'id="visits-site"' not in alone
    root = Page.get_first_root_node()
    other_home = root.add_child(instance=Page(title="Toinen paikka", slug="toinen-paikka"))
    other = Site.objects.create(hostname="toinen.example.fi", root_page=other_home, site_name="Toinen paikka")
    other_activity = make_activity({"site": other}, title="Toisen paikan kahvila", weekdays=weekday(today()))
    for name in (FORM, DASHBOARD):
        html = english.get(reverse(name)).content.decode()
        assert 'id="visits-site"' in html and ">Toinen paikka</option>" in html
    chosen = english.get(reverse(FORM), {"site": other.pk}).content.decode()
    assert f'<option value="{other.pk}" selected>' in chosen
    assert other_activity.title in chosen and site["cafe"].title not in chosen
