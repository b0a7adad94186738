"""The directory: the pages where families find which partner helps with what.

`/toimijat/` lists partners by sector with a filter and gives each partner a page of its own;
`/apua/` ("Where do I get help?") leads from everyday situations to support types and partners.
Each runs a fixed number of queries whatever the number of partners (tests/pages/test_query_counts.py).
"""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from ..blocks import HelpSituationBlock
from ..components import Fact
from ..forms import PartnerFilterForm, SituationForm
from ..freshness import remember
from ..hooks import partner_card_notes, partner_page_sections
from ..listing import attach_support, group_by_sector, support_sections
from .content import SectionPage
from .partners import Partner, Sector, SupportType
from .place import SiteSettings


class PartnersPage(RoutablePageMixin, SectionPage):
    """/toimijat/: partners grouped by sector, filterable by support type; each partner has its own page."""

    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners page")

    @path("")
    def index_route(self, request):
        support_types = SupportType.for_reader()
        form = PartnerFilterForm(request.GET, support_types=support_types)
        chosen, text = form.values["tuki"], form.values["q"]
        if chosen or text:
            partners = Partner.objects.localized().for_listing().filtered(chosen, text)
            partner_list = attach_support(list(partners), support_types)
        else:
            partner_list = Partner.for_reader()
        notes = partner_card_notes(request, partner_list)
        for partner in partner_list:
            partner.card_note = notes.get(partner.translation_key, "")
        context = {
            "filter_form": form,
            "support_types": support_types,
            "chosen_support": chosen,
            "chosen_facts": [Fact(support.name, support.explanation, icon=support.icon) for support in chosen],
            "search_text": text,
            "notices": form.notices,
            "groups": group_by_sector(partner_list, Sector.choices),
            "partner_count": len(partner_list),
            "is_filtered": bool(chosen or text),
        }
        return self.render(request, context_overrides=context)

    @path("<str:slug>/")
    def partner_route(self, request, slug):
        partner = next((partner for partner in Partner.for_reader() if partner.slug == slug), None)
        if partner is None:
            raise Http404
        rotation = SiteSettings.for_request(request).chair_rotation(timezone.localdate())
        chair = rotation.current.translation_key if rotation.current else None
        context = {
            "partner": partner,
            "chairs_now": partner.in_steering_group and partner.translation_key == chair,
            "partner_sections": partner_page_sections(request, partner),
        }
        return self.render(request, context_overrides=context, template="pages/partner_detail.html")


class HelpPage(SectionPage):
    """The "where do I get help?" page: everyday situations leading to the support and the partners that give it."""

    situations = StreamField([("situation", HelpSituationBlock())], verbose_name=_("situations"), min_num=1)

    content_panels = SectionPage.content_panels + [FieldPanel("situations")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("help finder page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        situations = [block.value for block in self.situations]
        form = SituationForm(request.GET, situations=situations)
        chosen = form.values["tilanne"] or None
        context.update(situations=situations, chosen_situation=chosen, notices=form.notices)
        partners_pages = PartnersPage.objects.live().filter(locale_id=self.locale_id)
        context["partners_page"] = remember("partners-page", partners_pages.first, self.locale_id)
        if chosen is not None:
            by_slug = {support.slug: support for support in SupportType.for_reader()}
            wanted = [by_slug[slug] for slug in chosen["support"] if slug in by_slug]
            # `Partner.objects.giving(wanted)`, read from the remembered list: `.support` holds what each gives.
            partners = [partner for partner in Partner.for_reader() if set(partner.support) & set(wanted)]
            context["support_sections"] = support_sections(wanted, partners)
        return context
