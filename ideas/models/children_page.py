"""The children's picture form: big pictures a small child points at, filled in with an adult. No names.

`/lasten-aani/` is the form (also on the place's tablet, so its rate limit is generous) and `kiitos/` below
it the thank-you screen, which leads straight to a new form for the next child. An answer is stored in the
page's language, for the page's meeting place, and names the activity by its source translation.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from events.models import Activity
from events.models.events import KnownSiteMixin, page_locale
from pages import throttle
from pages.models.content import SectionPage

from ..children_forms import ChildrenVoiceForm
from .idea_routes import methods, private
from .voice import ChildVoice

ANSWERS_PER_CLIENT = throttle.Limit(60, 10 * 60)
"""Sendings from one address: a tablet at the place may take a whole group's answers in a few minutes."""
ANSWERS_OVERALL = throttle.Limit(1000, 60 * 60)
ACTIVITY_PARAMETER = "toiminta"
"""`?toiminta=<activity slug>` chooses the activity in advance (a link or QR code at the activity)."""
DEFAULT_GUIDANCE = _(
    "Fill this in together with the child. Read the questions aloud and let the child point at the pictures; "
    "tick what the child shows you. You can write down the child's wish in their own words. Do not write the "
    "child's name, or anyone else's."
)


class ChildrenVoicePage(KnownSiteMixin, RoutablePageMixin, SectionPage):
    """Children's voice of one meeting place: "what do you like here", "what would you like to do"."""

    adult_guidance = models.TextField(
        _("guidance for the adult"),
        blank=True,
        max_length=1000,
        help_text=_("Shown above the form: how to fill it in with the child."),
    )

    content_panels = SectionPage.content_panels + [FieldPanel("adult_guidance")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("children's voice page")
        verbose_name_plural = _("children's voice pages")

    def place(self):
        site = self.get_site()
        if site is None:
            raise Http404
        return site

    def activities(self, site) -> list[Activity]:
        """The place's public activities that have not ended, in the page's language where translated."""
        today = timezone.localdate()
        rows = Activity.objects.localized(page_locale(self)).for_site(site).public()
        rows = rows.filter(Q(last_date__isnull=True) | Q(last_date__gte=today))
        return sorted(rows, key=lambda activity: activity.title.casefold())

    def route_url(self, request, name: str) -> str:
        return self.get_url(request) + self.reverse_subpage(name)

    @path("", name="form")
    @methods("GET", "POST")
    def form_route(self, request):
        site = self.place()
        activities = self.activities(site)
        if request.method != "POST":
            form = ChildrenVoiceForm(
                initial={"activity": request.GET.get(ACTIVITY_PARAMETER, "")}, activities=activities
            )
            return self.render_form(request, form)
        if not throttle.allow(request, "children-voice", ANSWERS_PER_CLIENT):
            return throttle.too_many_requests(request, ANSWERS_PER_CLIENT)
        if not throttle.allow_overall("children-voice", ANSWERS_OVERALL):
            return throttle.too_many_requests(request, ANSWERS_OVERALL, overall=True)
        form = ChildrenVoiceForm(request.POST, activities=activities)
        if form.is_valid():
            cleaned = form.cleaned_data
            activity = cleaned.get("activity")
            try:
                ChildVoice.objects.store(
                    submission_key=cleaned["submission_key"],
                    site=site,
                    activity=activity.get_default_translation() if activity else None,
                    age_group=cleaned["age_group"],
                    likes=cleaned["likes"],
                    wishes=cleaned["wishes"],
                    wish=cleaned["wish"],
                    language=self.locale.language_code,
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                query = "?" + urlencode({ACTIVITY_PARAMETER: activity.slug}) if activity else ""
                return redirect(self.route_url(request, "thanks") + query)
        return self.render_form(request, form)

    def render_form(self, request, form):
        context = {
            "form": form,
            "picture_fields": [form["likes"], form["wishes"]],
            "guidance": self.adult_guidance or DEFAULT_GUIDANCE,
        }
        response = self.render(request, context_overrides=context, template="ideas/children_voice_page.html")
        add_never_cache_headers(response)  # the form carries a CSRF token
        return response

    @path("kiitos/", name="thanks")
    @methods("GET")
    def thanks_route(self, request):
        again = self.get_url(request)
        slug = request.GET.get(ACTIVITY_PARAMETER, "")
        if slug and any(activity.slug == slug for activity in self.activities(self.place())):
            again += "?" + urlencode({ACTIVITY_PARAMETER: slug})
        context = {"again_url": again}
        return private(self.render(request, context_overrides=context, template="ideas/children_voice_thanks.html"))
