"""The sitemap: every page and every partner's page, in every language, at the public address."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .models import Partner, PartnersPage
from .navigation import public_url


class LocalizedSitemap(Sitemap):
    """Every page in every language, and each partner's page under the partners page of each language.

    Wagtail's sitemap lists one language at the Site's host name. Partners cost one query per partners
    page (one per language), whatever their number.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = root.get_translations(inclusive=True)
        pages = Page.objects.none()
        for translated_root in roots:
            pages |= Page.objects.descendant_of(translated_root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            urls += item.get_sitemap_urls(self.request)
            if isinstance(item, PartnersPage):
                urls += self.partner_urls(item)
        for url in urls:
            url["location"] = public_url(url["location"])
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def partner_urls(self, partners_page: PartnersPage) -> list[dict]:
        """The partners that page shows, in the same language fallback as its partner route."""
        base = partners_page.get_full_url(self.request)
        slugs = Partner.objects.localized(partners_page.locale).values_list("slug", flat=True)
        return [
            {"location": base + partners_page.reverse_subpage("partner_route", args=[slug])}
            for slug in dict.fromkeys(slugs)
        ]
