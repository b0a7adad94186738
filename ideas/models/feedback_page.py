"""`/palaute/`: immediate feedback on the place's activities, one screen per activity.

`/palaute/<activity>/` is the form a poster's QR code opens (five faces, two optional texts); `kioski/` below
it is the same form for the place's tablet, which starts over by itself after each answer. Only the public
activities of the page's own meeting place have a form. An answer is stored for the activity's source
translation in the page's language, with nothing about who gave it; sendings are rate limited per client
and for the whole site.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Site

from events.models import Activity, WeekPage
from events.models.events import KnownSiteMixin, page_locale
from pages import throttle
from pages.models.content import SectionPage

from ..feedback_forms import FeedbackForm
from .idea_routes import methods, private
from .voice import Feedback

ANSWERS_PER_CLIENT = throttle.Limit(30, 10 * 60)
"""Generous: the families at the place share its network, and the kiosk tablet is one client."""
ANSWERS_OVERALL = throttle.Limit(1000, 10 * 60)
KIOSK_SECONDS = 10
"""How long the kiosk's thank-you screen shows before an empty form opens (with JavaScript)."""


class FeedbackPage(KnownSiteMixin, RoutablePageMixin, SectionPage):
    """Feedback on the activities of one meeting place (its Wagtail site)."""

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("feedback page")
        verbose_name_plural = _("feedback pages")

    @classmethod
    def for_site(cls, site: Site, language: str | None = None) -> "FeedbackPage | None":
        """The live feedback page of `site` in `language`, or in the site's own language when it has no live
        translation; None when the site has none."""
        page = cls.objects.live().public().descendant_of(site.root_page).order_by("path").first()
        if page is None or not language or page.locale.language_code == language:
            return page
        translation = (
            cls.objects.live().public().filter(translation_key=page.translation_key, locale__language_code=language)
        )
        return translation.first() or page

    def activities(self):
        """The public activities of the page's meeting place, in the page's language where translated."""
        return Activity.objects.localized(page_locale(self)).public().for_site(self.get_site())

    def find_activity(self, slug: str) -> Activity:
        activity = self.activities().filter(slug=slug).first()
        if activity is None:
            raise Http404
        return activity

    def route_url(self, request, name: str, slug: str) -> str:
        return self.get_url(request) + self.reverse_subpage(name, args=[slug])

    def form_url(self, activity, request=None) -> str:
        """The address of `activity`'s form (the one its poster's QR code opens)."""
        return self.route_url(request, "form", activity.slug)

    def activity_page_url(self, request, activity) -> str:
        """The activity's own page in the weekly programme of this language, or "" without one."""
        week_page = WeekPage.objects.live().public().child_of(self.get_parent()).first()
        return week_page.activity_url(request, activity) if week_page else ""

    # The list

    @path("", name="index")
    @methods("GET")
    def index_route(self, request):
        today = timezone.localdate()
        activities = self.activities().exclude(last_date__lt=today).order_by("title", "pk")
        context = {"activities": [(activity, self.form_url(activity, request)) for activity in activities]}
        return self.render(request, context_overrides=context)

    # An activity's form, on a phone and at the place

    @path("<str:slug>/", name="form")
    @methods("GET", "POST")
    def form_route(self, request, slug):
        return self.answer(request, slug, kiosk=False)

    @path("<str:slug>/kioski/", name="kiosk")
    @methods("GET", "POST")
    def kiosk_route(self, request, slug):
        return self.answer(request, slug, kiosk=True)

    def answer(self, request, slug: str, *, kiosk: bool):
        activity = self.find_activity(slug)
        form = FeedbackForm()
        if request.method == "POST":
            if not throttle.allow(request, "feedback", ANSWERS_PER_CLIENT):
                return throttle.too_many_requests(request, ANSWERS_PER_CLIENT)
            if not throttle.allow_overall("feedback", ANSWERS_OVERALL):
                return throttle.too_many_requests(request, ANSWERS_OVERALL, overall=True)
            form = FeedbackForm(request.POST)
            if form.is_valid():
                self.store(form, activity, kiosk=kiosk)
                return redirect(self.route_url(request, "kiosk_thanks" if kiosk else "thanks", activity.slug))
        context = {"activity": activity, "form": form, "kiosk": kiosk}
        return private(self.render(request, context_overrides=context, template="ideas/feedback_form.html"))

    def store(self, form: FeedbackForm, activity: Activity, *, kiosk: bool) -> Feedback:
        """Stores the answer once however many times the form was sent; returns it."""
        answer, _created = Feedback.objects.store(
            submission_key=form.cleaned_data["submission_key"],
            activity=activity.get_default_translation(),
            language=self.locale.language_code,
            at_place=kiosk,
            **form.answer_fields(),
        )
        return answer

    # Thanks

    @path("<str:slug>/kiitos/", name="thanks")
    @methods("GET")
    def thanks_route(self, request, slug):
        activity = self.find_activity(slug)
        context = {
            "activity": activity,
            "activity_url": self.activity_page_url(request, activity),
            "again_url": self.form_url(activity, request),
        }
        return private(self.render(request, context_overrides=context, template="ideas/feedback_thanks.html"))

    @path("<str:slug>/kioski/kiitos/", name="kiosk_thanks")
    @methods("GET")
    def kiosk_thanks_route(self, request, slug):
        activity = self.find_activity(slug)
        context = {
            "activity": activity,
            "kiosk": True,
            "next_url": self.route_url(request, "kiosk", activity.slug),
            "seconds": format_html('<span data-kiosk-seconds="">{}</span>', KIOSK_SECONDS),
            "kiosk_seconds": KIOSK_SECONDS,
        }
        return private(self.render(request, context_overrides=context, template="ideas/feedback_kiosk_thanks.html"))


def activity_feedback_section(request, activity):
    """For events.hooks.ACTIVITY_PAGE_SECTIONS: a link from a public activity's page to its feedback form, on
    the feedback page of the activity's place in the reader's language (or the place's own language)."""
    if activity.staff_only:
        return None
    page = FeedbackPage.for_site(activity.site, get_language())
    if page is None:
        return None
    return ("ideas/includes/activity_feedback.html", {"url": page.form_url(activity, request)})
