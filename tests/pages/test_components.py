"""The shared components: the pattern page that shows them, and what they render."""

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from pages import components

COMPONENTS = Path(settings.BASE_DIR) / "templates" / "components"
PATTERN_TEMPLATE = Path(settings.BASE_DIR) / "pages" / "templates" / "pages" / "patterns.html"
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def staff_client(client, db):
    user = get_user_model().objects.create_superuser("coordinator", "coordinator@example.fi", "a-long-password-1")
    client.force_login(user)
    return client


def test_the_pattern_page_includes_every_component():
    source = PATTERN_TEMPLATE.read_text()
    included = set(re.findall(r'\{% include "components/([a-z_]+)\.html"', source))
    available = {path.stem for path in COMPONENTS.glob("*.html")}
    assert len(available) >= 13
    assert available - included == set()


@pytest.mark.django_db
def test_the_pattern_page_sends_visitors_to_sign_in_when_debug_is_off(client):
    response = client.get("/komponentit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/komponentit/")


@pytest.mark.django_db
def test_in_development_anyone_sees_the_pattern_page(client, settings):
    settings.DEBUG = True
    response = client.get("/en/komponentit/")
    assert response.status_code == 200
    assert "<h1>Components</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/komponentit/", "Komponentit"), ("/sv/komponentit/", "Komponenter"), ("/en/komponentit/", "Components")],
)
def test_staff_see_the_pattern_page_in_their_language_and_search_engines_do_not(staff_client, path, heading):
    response = staff_client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    assert f"<h1>{heading}</h1>" in body
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]


def test_the_error_summary_links_to_fields_that_describe_their_errors(staff_client):
    body = staff_client.get("/en/komponentit/").content.decode()
    summary = body.split('class="error-summary"')[1].split("</div>")[0]
    assert '<a href="#invalid_name">Write your name.</a>' in summary
    assert '<a href="#invalid_email">Write the e-mail address in the form name@example.fi.</a>' in summary
    name_input = re.search(r'<input type="text" name="name"[^>]*id="invalid_name"[^>]*>', body).group(0)
    assert 'aria-invalid="true"' in name_input
    assert 'aria-describedby="invalid_name_helptext invalid_name_error"' in name_input
    assert '<p class="field-error" id="invalid_name_error">' in body
    assert '<p class="hint" id="invalid_name_helptext">A first name is enough.</p>' in body
    # What the visitor typed stays in the field.
    assert 'value="not an address"' in body


@pytest.mark.parametrize(
    ("language", "text"),
    [("fi", "Maanantai 30. marraskuuta"), ("sv", "Måndag 30 november"), ("en", "Monday 30 November")],
)
def test_a_date_and_time_is_written_the_way_the_readers_language_writes_it(language, text):
    start = datetime.datetime(2026, 11, 30, 7, 30, tzinfo=datetime.UTC)  # 9.30 in Helsinki
    with translation.override(language):
        html = render_to_string(
            "components/datetime.html", {"start": start, "end": start + datetime.timedelta(hours=2)}
        )
    assert f'<time datetime="2026-11-30T09:30+02:00">{text}</time>' in html
    assert "9.30–11.30" in html


def test_opening_hours_become_a_table_with_the_day_heading_each_row():
    row = type("Row", (), {"day_name": "maanantai", "opens": datetime.time(9), "closes": datetime.time(15)})
    with translation.override("fi"):
        table = components.opening_hours_table([row])
        html = render_to_string("components/table.html", {"table": table})
    assert '<th scope="col">Päivä</th>' in html
    assert '<th scope="row">Maanantai</th><td data-label="Avoinna">9.00–15.00</td>' in html


@pytest.mark.django_db
def test_a_picture_comes_in_modern_formats_and_several_widths_with_its_size_set():
    image = Image.objects.create(title="Perhekahvila", file=get_test_image_file(size=(1600, 1000)))
    request = RequestFactory().get("/")
    html = render_to_string(
        "components/picture.html", {"image": image, "alt": "Vanhempia ja lapsia kahvilassa", "request": request}
    )
    sources = {kind: srcset for srcset, kind in re.findall(r'<source [^>]*srcset="([^"]+)"[^>]*type="([^"]+)"', html)}
    assert set(sources) == {"image/avif"}
    assert re.fullmatch(r"\S+\.avif 480w, \S+\.avif 960w, \S+\.avif 1440w", sources["image/avif"])
    img = re.search(r"<img [^>]+>", html).group(0)
    assert re.search(r'srcset="\S+\.webp 480w, \S+\.webp 960w, \S+\.webp 1440w"', img)
    assert 'alt="Vanhempia ja lapsia kahvilassa"' in img
    assert 'width="480"' in img and 'height="300"' in img
    assert 'loading="lazy"' in img


@pytest.mark.django_db
def test_images_and_their_renditions_are_served_but_documents_are_not(client):
    image = Image.objects.create(title="Kuva", file=get_test_image_file(size=(800, 500)))
    rendition = image.get_rendition("width-400|format-webp")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert "max-age=86400" in response["Cache-Control"]
    assert client.get("/media/documents/anything.pdf").status_code == 404
    assert client.get("/media/images/../kohtaamo.sqlite3").status_code == 404


def test_contact_facts_link_phone_and_e_mail_and_leave_icons_out_where_asked():
    with translation.override("fi"):
        with_icons = components.contact_facts("09 123 4567", "kohtaamo@example.fi")
        plain = components.contact_facts("09 123 4567", "kohtaamo@example.fi", icons=False)
    assert [(fact.term, fact.text, fact.href, fact.icon) for fact in with_icons] == [
        ("Puhelin", "09 123 4567", "tel:+35891234567", "phone"),
        ("Sähköposti", "kohtaamo@example.fi", "mailto:kohtaamo@example.fi", "mail"),
    ]
    assert [fact.icon for fact in plain] == ["", ""]
    assert [fact.href for fact in plain] == [fact.href for fact in with_icons]


def test_bar_chart_draws_each_bar_to_scale_beside_its_number_in_the_readers_format():
    chart = components.BarChart(
        caption="Käynnit",
        bars=[components.Bar("maanantai", 40), components.Bar("tiistai", 10), components.Bar("keskiviikko", 2.5)],
        label_heading="Päivä",
        value_heading="Käyntejä",
    )
    with translation.override("fi"):
        html = render_to_string("components/bar_chart.html", {"chart": chart})
    rows = re.findall(
        r'<th scope="row">([^<]+)</th>\s*<td class="bar-chart__value">([^<]+)</td>.*?<rect width="([^"]+)"', html, re.S
    )
    assert rows == [("maanantai", "40", "100.0"), ("tiistai", "10", "25.0"), ("keskiviikko", "2,5", "6.2")]
    assert "<caption>Käynnit</caption>" in html
    assert 'aria-hidden="true"><svg' in html and "style=" not in html


def test_bar_chart_of_nothing_says_so_and_draws_no_bar():
    chart = components.BarChart(caption="Palaute", bars=[components.Bar("Hyvä", 0)], empty_text="Ei vastauksia vielä.")
    html = render_to_string("components/bar_chart.html", {"chart": chart})
    assert 'rect width="0"' in html and "Ei vastauksia vielä." in html
    full = components.BarChart(caption="Palaute", bars=[components.Bar("Hyvä", 3)], empty_text="Ei vastauksia vielä.")
    assert "Ei vastauksia vielä." not in render_to_string("components/bar_chart.html", {"chart": full})


def test_error_summary_links_a_group_of_choices_to_its_first_choice_and_a_field_to_itself():
    from django import forms

    class Form(forms.Form):
        name = forms.CharField()
        size = forms.ChoiceField(choices=[("s", "S"), ("m", "M")], widget=forms.RadioSelect)

    html = render_to_string("components/error_summary.html", {"form": Form(data={})})
    assert re.findall(r'<a href="#([^"]*)">', html) == ["id_name", "id_size_0"]
    assert 'id="id_size_0"' in str(Form(data={})["size"])
