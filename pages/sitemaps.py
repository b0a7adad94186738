from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
    """Wagtail's sitemap lists one language; this one lists the site's pages in every language."""

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = root.get_translations(inclusive=True)
        pages = Page.objects.none()
        for translated_root in roots:
            pages |= Page.objects.descendant_of(translated_root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()
