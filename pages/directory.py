"""Reading side of partners: the filterable directory, a partner's own page and the help finder.

Each function returns template context and runs a fixed number of queries whatever the number of
partners (tests/pages/test_query_counts.py holds it to that).
"""

from dataclasses import dataclass, field

from django.http import Http404, QueryDict
from django.utils.translation import gettext as _

from . import partner_sections
from .forms import PartnerFilterForm
from .models.partners import Partner, Sector, SupportType

MAX_FILTER_VALUES = 20


@dataclass
class SectorGroup:
    sector: str
    label: str
    partners: list = field(default_factory=list)


def localized_support_types() -> list[SupportType]:
    return list(SupportType.objects.localized().order_by("sort_order", "name"))


def attach_support(partners: list[Partner], support_types: list[SupportType]) -> list[Partner]:
    """Give each partner `.support`: its support types in the reader's language, in their usual order."""
    by_key = {support.translation_key: support for support in support_types}
    order = {support.translation_key: index for index, support in enumerate(support_types)}
    for partner in partners:
        keys = {support.translation_key for support in partner.support_types.all()}
        partner.support = [by_key[key] for key in sorted(keys & by_key.keys(), key=order.__getitem__)]
    return partners


def group_by_sector(partners: list[Partner]) -> list[SectorGroup]:
    groups = {value: SectorGroup(value, label) for value, label in Sector.choices}
    for partner in partners:
        groups[partner.sector].partners.append(partner)
    return [group for group in groups.values() if group.partners]


def partner_directory(params: QueryDict) -> dict:
    support_types = localized_support_types()
    known = {support.slug: support for support in support_types}
    requested = params.getlist("tuki")[:MAX_FILTER_VALUES]
    chosen = list(dict.fromkeys(value for value in requested if value in known))
    notices = []
    if any(value and value not in known for value in requested):
        notices.append(_("Some of the chosen kinds of support do not exist; they were left out of the filter."))

    form = PartnerFilterForm({"tuki": chosen, "q": params.get("q", "")}, support_types=support_types)
    form.is_valid()
    text = form.cleaned_data.get("q", "")
    if "q" in form.errors:
        notices.append(form.errors["q"][0])

    partners = Partner.objects.localized().for_listing()
    if chosen:
        partners = partners.giving(known[slug].translation_key for slug in chosen)
    if text:
        partners = partners.matching(text)
    partner_list = attach_support(list(partners.order_by("sort_order", "name")), support_types)
    return {
        "filter_form": form,
        "support_types": support_types,
        "chosen_support": [known[slug] for slug in chosen],
        "search_text": text,
        "notices": notices,
        "groups": group_by_sector(partner_list),
        "partner_count": len(partner_list),
        "is_filtered": bool(chosen or text),
    }


def partner_detail(slug: str) -> dict:
    partner = Partner.objects.localized().for_listing().filter(slug=slug).first()
    if partner is None:
        raise Http404
    attach_support([partner], localized_support_types())
    return {"partner": partner, "partner_sections": partner_sections.sections_for(partner)}


def help_finder(page, situation_slug: str | None) -> dict:
    situations = [block.value for block in page.situations]
    chosen = next((item for item in situations if situation_slug and item["slug"] == situation_slug), None)
    context = {"situations": situations, "chosen_situation": chosen, "help_notice": None}
    if situation_slug and chosen is None:
        context["help_notice"] = _("We could not find that situation. Please choose one from the list.")
    if chosen is None:
        return context
    support_types = localized_support_types()
    by_slug = {support.slug: support for support in support_types}
    wanted = [by_slug[slug] for slug in chosen["support"] if slug in by_slug]
    partners = Partner.objects.localized().for_listing().giving(support.translation_key for support in wanted)
    helping = attach_support(list(partners.order_by("sort_order", "name")), support_types)
    context["support_sections"] = [
        (support, [partner for partner in helping if support in partner.support]) for support in wanted
    ]
    return context
