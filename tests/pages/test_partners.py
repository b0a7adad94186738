import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from pages.models import Partner, SiteSettings
from pages.models.steering import ChairTurn

from .builders import make_partners, make_site


@pytest.fixture
def site(db):
    built = make_site()
    built["partners"] = make_partners(6, built["support"], sector="mixed")
    return built


def names(response) -> list[str]:
    return [partner.name for group in response.context["groups"] for partner in group.partners]


def test_partners_are_grouped_by_sector_in_the_agreed_order(client, site):
    response = client.get("/toimijat/")
    assert [group.sector for group in response.context["groups"]] == ["city", "county", "ngo", "parish", "other"]
    assert len(names(response)) == 6


def is_checked(body: str, slug: str) -> bool:
    """Whether the filter's checkbox for a support type is ticked."""
    found = re.search(rf'<input type="checkbox" name="tuki" value="{slug}"[^>]*>', body)
    assert found, f"no checkbox for {slug}"
    return " checked" in found.group(0)


def test_filter_by_support_type_keeps_only_partners_that_give_it(client, site):
    response = client.get("/toimijat/", {"tuki": "aineellinen"})
    assert response.status_code == 200
    shown = names(response)
    expected = sorted(p.name for p in site["partners"] if site["support"]["aineellinen"] in p.support_types.all())
    assert sorted(shown) == expected and 0 < len(shown) < 6
    assert is_checked(response.content.decode(), "aineellinen")


def test_filter_state_lives_in_the_address_so_reload_and_back_keep_it(client, site):
    body = client.get("/toimijat/?tuki=emotionaalinen&q=Toimija+001").content.decode()
    assert '<form method="get"' in body
    assert is_checked(body, "emotionaalinen")
    assert not is_checked(body, "aineellinen")
    assert re.search(r'<input type="checkbox" name="tuki" value="aineellinen"', body)
    assert 'value="Toimija 001"' in body
    assert names(client.get("/toimijat/?tuki=emotionaalinen&q=Toimija+001")) == ["Toimija 001"]


def test_unknown_and_repeated_filter_values_are_explained_and_ignored(client, site):
    response = client.get("/toimijat/?tuki=olematon&tuki=aineellinen&tuki=aineellinen")
    assert response.status_code == 200
    assert [support.slug for support in response.context["chosen_support"]] == ["aineellinen"]
    assert response.context["notices"]
    assert 'role="status"' in response.content.decode()


def test_repeated_filter_values_count_once_without_a_warning(client, site):
    response = client.get("/toimijat/?tuki=aineellinen&tuki=aineellinen")
    assert [support.slug for support in response.context["chosen_support"]] == ["aineellinen"]
    assert response.context["notices"] == []


def test_thousands_of_filter_values_are_refused_politely_not_with_a_server_error(client, site):
    response = client.get("/toimijat/?" + "&".join(["tuki=aineellinen"] * 1500))
    assert response.status_code == 400


def test_only_unknown_filter_values_show_all_partners_with_a_message(client, site):
    response = client.get("/toimijat/?tuki=%3Cscript%3E")
    assert len(names(response)) == 6
    assert response.context["notices"]
    assert "<script>" not in response.content.decode()


def test_overlong_search_text_shows_all_partners_and_says_why(client, site):
    response = client.get("/toimijat/", {"q": "x" * 5000})
    assert response.status_code == 200
    assert len(names(response)) == 6
    assert any("100" in str(notice) for notice in response.context["notices"])


def test_script_in_the_search_box_is_text_and_finds_nothing(client, site):
    response = client.get("/toimijat/", {"q": "<script>alert(1)</script>"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in body
    assert names(response) == []
    assert "Näytä kaikki toimijat" in body


def test_search_text_matches_name_and_description(client, site):
    assert names(client.get("/toimijat/", {"q": "Toimija 003"})) == ["Toimija 003"]


def test_each_partner_has_its_own_page(client, site):
    partner = site["partners"][0]
    response = client.get(f"/toimijat/{partner.slug}/")
    assert response.status_code == 200
    assert f"<h1>{partner.name}</h1>" in response.content.decode()
    assert client.get("/toimijat/ei-ole/").status_code == 404


def test_logo_without_alternative_text_is_refused(site):
    partner = site["partners"][0]
    partner.logo = Image.objects.create(title="Logo", file=get_test_image_file())
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert "logo_alt" in error.value.error_dict


def test_only_a_steering_group_member_can_chair_it(site):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    outsider = Partner.objects.filter(in_steering_group=False).first()
    with pytest.raises(ValidationError) as error:
        ChairTurn(settings=settings, partner=outsider, sort_order=0).clean()
    assert "partner" in error.value.error_dict
    member = Partner.objects.filter(in_steering_group=True).first()
    ChairTurn(settings=settings, partner=member, sort_order=0).clean()


def test_help_page_shows_the_support_and_the_partners_that_give_it(client, site):
    response = client.get("/apua/", {"tilanne": "ruoka-ja-tavarat"})
    body = response.content.decode()
    assert response.status_code == 200
    givers = [p for p in site["partners"] if site["support"]["aineellinen"] in p.support_types.all()]
    assert givers
    for partner in givers:
        assert f'href="/toimijat/{partner.slug}/"' in body
    assert "Aineellinen tuki selitettynä." in body


def test_help_page_with_an_unknown_situation_says_so(client, site):
    response = client.get("/apua/", {"tilanne": "x" * 3000})
    assert response.status_code == 200
    assert response.context["notices"] == ["Emme löytäneet tätä tilannetta. Valitse tilanne listasta."]
    assert response.context["chosen_situation"] is None


def test_a_higher_app_can_add_a_section_to_a_partners_page_without_pages_importing_it(client, site, tmp_path):
    from django.test import override_settings
    from wagtail import hooks

    from pages.hooks import PARTNER_PAGE_SECTIONS

    (tmp_path / "drop_in.html").write_text("<h2>Neuvonta-ajat</h2><p>{{ section.when }} {{ section.name }}</p>")

    def drop_in_hours(request, partner):
        return (
            ("drop_in.html", {"when": "tiistaisin 10–12", "name": partner.name}) if partner.sector == "city" else None
        )

    templates = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    with hooks.register_temporarily(PARTNER_PAGE_SECTIONS, drop_in_hours), override_settings(TEMPLATES=templates):
        city = client.get("/toimijat/toimija-000/").content.decode()
        ngo = client.get("/toimijat/toimija-002/").content.decode()
    assert "<p>tiistaisin 10–12 Toimija 000</p>" in city
    assert "Neuvonta-ajat" not in ngo
    assert "Neuvonta-ajat" not in client.get("/toimijat/toimija-000/").content.decode()


def test_a_new_site_without_partners_says_they_are_coming_not_that_the_filter_failed(client, db):
    make_site()
    body = client.get("/toimijat/").content.decode()
    assert "Kohtaamispaikan toimijat tulevat tähän pian." in body
    assert "Kaikki 0" not in body
    assert "Yksikään toimija ei vastaa" not in body
