"""One-off events as pages under `/tapahtumat/`: co-development days, community meetings and the rest."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_lazy as wagtail_words  # Wagtail's own tab names, in its catalogue
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from pages import freshness
from pages.blocks import ContentStreamBlock
from pages.components import Fact, moment
from pages.models import PartnersPage, SupportType
from pages.models.content import SectionPage
from pages.navigation import public_url
from pages.shared import default_locale

from .. import calendar, schedule
from ..blocks import WorkshopsBlock
from ..forms import EVENTS, EventKindFilterForm, ProgrammeFilterForm
from ..hooks import activity_page_sections, event_page_sections, meeting_record_panels
from .activities import KIND_ICONS as ACTIVITY_KIND_ICONS
from .activities import Activity, ActivityKind, Audience, Closure, OccurrenceChange, localize_partners
from .registrations import Registration

FACTS_FROM_SOURCE = _(
    "The same in every language: change these in the page's original language; they are copied to the "
    "translations when it is saved."
)


class EventKind(models.TextChoices):
    CO_DEVELOPMENT_DAY = "co_development", _("Co-development day")
    COMMUNITY_MEETING = "community_meeting", _("Community meeting")
    HOUSE_MEETING = "house_meeting", _("House meeting (staff only)")
    STEERING_GROUP = "steering_group", _("Steering group meeting (staff only)")
    OTHER = "other", _("Other event")


KIND_ICONS = {
    EventKind.CO_DEVELOPMENT_DAY: "light",
    EventKind.COMMUNITY_MEETING: "friends",
    EventKind.HOUSE_MEETING: "home",
    EventKind.STEERING_GROUP: "people",
    EventKind.OTHER: "calendar",
}
# Meetings keep a record (agenda, participants, minutes, decisions); staff-only ones are seen by logged-in staff
# alone: their pages carry Wagtail's login restriction, so no public list, feed, sitemap or search finds them.
MEETING_KINDS = (
    EventKind.CO_DEVELOPMENT_DAY,
    EventKind.COMMUNITY_MEETING,
    EventKind.HOUSE_MEETING,
    EventKind.STEERING_GROUP,
)
STAFF_ONLY_KINDS = (EventKind.HOUSE_MEETING, EventKind.STEERING_GROUP)
# The kinds families can see, for the public filters.
PUBLIC_KINDS = [(value, label) for value, label in EventKind.choices if value not in STAFF_ONLY_KINDS]
MINUTES_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


def without_restricted(pages):
    """`pages` less those under a view restriction (a login, a password, groups), decided in the query itself:
    Wagtail's `.public()` reads every restriction first, in a query of its own each time it is called."""
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return pages.exclude(Exists(restricted))


def is_staff_reader(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def reader_key(request) -> tuple:
    """What a remembered part of a page depends on besides the content (`pages.freshness.remember`): the
    reader's language, the site its links are made for, and whether the reader is staff."""
    site = Site.find_for_request(request)
    return (get_language(), site.pk if site else "-", "staff" if is_staff_reader(request) else "public")


class KnownSiteMixin:
    """A page that looks its meeting place up once: its routes, sections and links ask for it many times.

    While the page serves a request, the request's site (which Wagtail has already found) is taken when the
    cached site root paths say it is the page's own, at no cost in queries."""

    def serve(self, request, *args, **kwargs):
        site = Site.find_for_request(request)
        parts = self.get_url_parts(request) if site is not None else None
        if parts is not None and parts[0] == site.pk:
            self.__dict__["_known_site"] = site
        return super().serve(request, *args, **kwargs)

    def get_site(self):
        if "_known_site" not in self.__dict__:
            self.__dict__["_known_site"] = super().get_site()
        return self.__dict__["_known_site"]


def page_locale(page: Page) -> Locale:
    """`page.locale` without a query each request: locales hardly ever change."""
    if "locale" not in page._state.fields_cache:
        page.locale = freshness.remember("locale-by-id", lambda: Locale.objects.get(pk=page.locale_id), page.locale_id)
    return page.locale


def partners_page_for(locale_id: int):
    """The partners page in a language, for links to partners (remembered: every event and activity asks)."""
    return freshness.remember(
        "partners-page", lambda: PartnersPage.objects.live().filter(locale_id=locale_id).first(), locale_id
    )


class EventPageForm(WagtailAdminPageForm):
    """In a translation the facts (times, capacity) are shown but not edited: the original language owns them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if page.locale_id and page.locale_id != Locale.get_default().pk and page.pk:
            for name in EventPage.synchronized_fields:
                if name in self.fields:
                    self.fields[name].disabled = True


class EventPage(KnownSiteMixin, RoutablePageMixin, SectionPage):
    """An event on given days: when, where, who organises it, and whether families sign up for it."""

    synchronized_fields = (
        "kind",
        "start",
        "end",
        "organiser",
        "registration_enabled",
        "capacity",
        "waiting_list",
        "registration_deadline",
        "childcare_offered",
        "interpreting_offered",
        "adults",
        "children",
        "partners_present",
    )

    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices, default=EventKind.OTHER)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    location = models.CharField(
        _("place"), max_length=200, blank=True, help_text=_("Empty when it is at the meeting place itself.")
    )
    organiser = models.ForeignKey(
        "pages.Partner",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    registration_enabled = models.BooleanField(_("families sign up"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("How many families can take part. Empty for no limit.")
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    registration_deadline = models.DateTimeField(_("sign-up closes"), null=True, blank=True)
    childcare_offered = models.BooleanField(_("childcare offered"), default=True)
    interpreting_offered = models.BooleanField(_("interpreting offered"), default=True)
    adults = models.PositiveIntegerField(_("adults present"), null=True, blank=True)
    children = models.PositiveIntegerField(_("children present"), null=True, blank=True)
    partners_present = ParentalManyToManyField(
        "pages.Partner", verbose_name=_("partners present"), blank=True, related_name="+"
    )
    minutes = RichTextField(
        _("minutes"),
        features=MINUTES_FEATURES,
        blank=True,
        help_text=_("What was discussed, in plain words. Decisions are recorded under Ideas → Decisions."),
    )
    workshops = StreamField(
        WorkshopsBlock(),
        verbose_name=_("workshops"),
        blank=True,
        help_text=_("For a co-development day: one block per workshop, with its theme and what comes next."),
    )

    base_form_class = EventPageForm
    content_panels = SectionPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("organiser"),
            ],
            heading=_("When and who"),
            help_text=FACTS_FROM_SOURCE,
        ),
        FieldPanel("location"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
                FieldPanel("waiting_list"),
                FieldRowPanel([FieldPanel("childcare_offered"), FieldPanel("interpreting_offered")]),
            ],
            heading=_("Sign-up"),
            help_text=FACTS_FROM_SOURCE,
        ),
    ]
    meeting_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("adults"), FieldPanel("children")]),
                FieldPanel("partners_present", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Participants"),
            help_text=FACTS_FROM_SOURCE,
        ),
        FieldPanel("minutes"),
        FieldPanel("workshops"),
    ]
    search_fields = SectionPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("minutes"),
        index.FilterField("start"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @cached_classmethod
    def get_edit_handler(cls):
        """Wagtail's tabs with a "Meeting record" tab after the content; apps above add to it through the
        `kohtaamo_meeting_record_panels` hook (the agenda)."""
        tabs = [
            ObjectList(cls.content_panels, heading=wagtail_words("Content")),
            ObjectList(cls.meeting_panels + meeting_record_panels(), heading=_("Meeting record")),
            ObjectList(cls.promote_panels, heading=wagtail_words("Promote")),
        ]
        if cls.settings_panels:
            tabs.append(ObjectList(cls.settings_panels, heading=wagtail_words("Settings")))
        return TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = ValidationError(_("The end must be after the start."))
        if self.kind in STAFF_ONLY_KINDS and self.registration_enabled:
            errors["registration_enabled"] = ValidationError(
                _("Families cannot sign up for a staff-only meeting. Untick “families sign up”.")
            )
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = ValidationError(_("Sign-up must close before the event starts."))
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """A translation takes its facts from the original; the original passes them on to its translations."""
        source = self.source_event if self.pk else self
        fields = [self._meta.get_field(name) for name in self.synchronized_fields]
        if source.pk != self.pk:
            for field in fields:
                if field.many_to_many:
                    set_translated(getattr(self, field.name), getattr(source, field.name).all(), self.locale)
                else:
                    setattr(self, field.attname, getattr(source, field.attname))
        super().save(*args, **kwargs)
        if source.pk == self.pk and self.pk:
            values = {field.attname: getattr(self, field.attname) for field in fields if not field.many_to_many}
            others = EventPage.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)
            others.update(**values)
            for other in others.select_related("locale"):
                for field in (field for field in fields if field.many_to_many):
                    related = getattr(other, field.name)
                    set_translated(related, getattr(self, field.name).all(), other.locale)
                    related.commit()
        if self.staff_only:
            self.restrict_to_staff()

    @property
    def staff_only(self) -> bool:
        return self.kind in STAFF_ONLY_KINDS

    @property
    def is_meeting(self) -> bool:
        return self.kind in MEETING_KINDS

    def copy(self, *args, **kwargs):
        """A copy (or a translation) of a staff meeting is restricted when it is first saved, and Wagtail then
        copies the original's restriction too: one login restriction is kept."""
        page = super().copy(*args, **kwargs)
        logins = PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.LOGIN)
        for extra in logins.order_by("pk")[1:]:
            extra.delete()
        return page

    def restrict_to_staff(self) -> None:
        """Puts Wagtail's login restriction on this meeting and its translations (where they have none): the
        public queries (`.public()`) then skip it, and a visitor who is not logged in is sent to log in."""
        pages = Page.objects.filter(translation_key=self.translation_key)
        restricted = PageViewRestriction.objects.filter(page__in=pages).values("page_id")
        for page in pages.exclude(pk__in=restricted):
            PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    @property
    def source_event(self) -> "EventPage":
        """The event in the default language: registrations belong to it, whichever language a family used."""
        default = default_locale()
        if self.locale_id == default.pk:
            return self
        return EventPage.objects.filter(translation_key=self.translation_key, locale=default).first() or self

    @property
    def kind_icon(self) -> str:
        return KIND_ICONS.get(self.kind, "calendar")

    @property
    def when_text(self) -> str:
        start, end = timezone.localtime(self.start), timezone.localtime(self.end)
        if start.date() == end.date():
            when = moment(start, end)
            return f"{capfirst(when.date_text)} {when.time_text}"
        first, last = moment(start), moment(end)
        return f"{capfirst(first.date_text)} {first.time_text} – {last.date_text} {last.time_text}"

    @property
    def facts(self) -> list[Fact]:
        items = [
            Fact(_("When"), self.when_text, icon="clock"),
            Fact(_("Where"), self.location or str(_("At the meeting place")), icon="map-pin"),
        ]
        if self.registration_enabled:
            items.append(Fact(_("Sign-up"), str(_("Sign up in advance")), icon="check"))
        return items

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(freshness.remember("event-page", lambda: self.record(request), self.pk, *reader_key(request)))
        if self.registration_enabled:
            context["registration"] = Registration.objects.availability(self)
            context["registration_closes"] = self.registration_deadline or self.start
        context["events_page"] = self.get_parent().specific
        return context

    def record(self, request) -> dict:
        """What the page shows that is the same for every reader: who organised it and took part, and the
        sections apps add (a meeting's agenda, vote and decisions)."""
        return {
            "sections": event_page_sections(request, self),
            "partners_present": list(self.partners_present.order_by("sort_order", "name")),
            "organiser": self.organiser.localized if self.organiser_id else None,
            "partners_page": partners_page_for(self.locale_id),
        }

    @path("")
    def event_route(self, request):
        if self.staff_only and not request.user.has_perm("wagtailadmin.access_admin"):
            # The login restriction already stops visitors; this stops one removed by mistake, too.
            raise Http404
        return self.render(request)

    @path("kalenteri/")
    def calendar_route(self, request):
        """This event alone, to add to a calendar."""
        body = calendar.event_feed(self, link=lambda event: public_url(event.get_url(request)))
        return calendar_response(body, self.slug)

    def json_ld(self, request, place) -> dict:
        """schema.org `Event` for search engines: when, where, who organises it, and that it is free."""
        address = {
            "@type": "PostalAddress",
            "streetAddress": place.street_address,
            "postalCode": place.postal_code,
            "addressLocality": place.city,
            "addressCountry": "FI",
        }
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.intro or self.search_description,
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "inLanguage": self.locale.language_code,
            "url": public_url(self.get_url(request)),
            "location": {"@type": "Place", "name": self.location or place.place_name, "address": address},
            "isAccessibleForFree": True,
            "offers": {
                "@type": "Offer",
                "price": "0",
                "priceCurrency": "EUR",
                "availability": "https://schema.org/InStock",
                "url": public_url(self.get_url(request)),
            },
        }
        organiser = self.organiser.localized if self.organiser else None
        if organiser:
            data["organizer"] = {"@type": "Organization", "name": organiser.name}
            if organiser.website:
                data["organizer"]["url"] = organiser.website
        if self.image:
            data["image"] = public_url(self.image.get_rendition("fill-1200x675|format-jpeg").url)
        return data


def set_translated(related, chosen, locale) -> None:
    """Sets a many-to-many field to `chosen`, each in `locale` where it has a translation."""
    related.set([item.get_translation_or_none(locale) or item for item in chosen])


def calendar_response(body: bytes, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=calendar.CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response


PAST_EVENTS_PER_PAGE = 12
# How far back the calendar feeds reach for events already held.
FEED_PAST_DAYS = 90


class EventIndexPage(KnownSiteMixin, RoutablePageMixin, SectionPage):
    """`/tapahtumat/`: upcoming events first, past ones on a page of their own, a calendar feed of all."""

    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events page")

    def events(self):
        events = without_restricted(EventPage.objects.child_of(self).live())
        return events.exclude(kind__in=STAFF_ONLY_KINDS).select_related("image", "locale")

    def filter_form(self, request) -> EventKindFilterForm:
        return EventKindFilterForm(request.GET, kinds=PUBLIC_KINDS, kind_icons=KIND_ICONS)

    @path("")
    def index_route(self, request):
        form = self.filter_form(request)
        events = self.events().filter(end__gte=timezone.now()).order_by("start")
        if form.values["laji"]:
            events = events.filter(kind__in=form.values["laji"])
        context = {"events": list(events), "filter_form": form, "notices": form.notices, "showing_past": False}
        return self.render(request, context_overrides=context)

    @path("menneet/")
    def past_route(self, request):
        form = self.filter_form(request)
        events = self.events().filter(end__lt=timezone.now()).order_by("-start")
        if form.values["laji"]:
            events = events.filter(kind__in=form.values["laji"])
        page_obj = Paginator(events, PAST_EVENTS_PER_PAGE).get_page(request.GET.get("sivu"))
        query = request.GET.copy()
        query.pop("sivu", None)
        context = {
            "events": list(page_obj),
            "page_obj": page_obj,
            "query": query.urlencode(),
            "filter_form": form,
            "notices": form.notices,
            "showing_past": True,
        }
        return self.render(request, context_overrides=context)

    @path("kalenteri/")
    def calendar_route(self, request):
        """Upcoming events, and those of the last months, for a calendar app to subscribe to."""

        def feed() -> bytes:
            since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
            events = list(self.events().filter(end__gte=since).order_by("start"))
            link = lambda event: public_url(event.get_url(request))  # noqa: E731
            return calendar.programme([], [], [], events, title=self.title, link=link)

        return calendar_response(freshness.remember("events-feed", feed, self.pk, *reader_key(request)), self.slug)


# An activity's page lists its next dates within this many weeks.
UPCOMING_WEEKS = 12
UPCOMING_DATES = 8


class WeekPage(KnownSiteMixin, RoutablePageMixin, SectionPage):
    """`/viikko/`: the week's programme; each public activity has its own page below it.

    The week is Monday to Sunday in Helsinki time, `?viikko=2026-W49` for another. Each page runs a fixed
    number of queries however many activities there are (tests/events/test_query_counts.py).
    """

    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("weekly programme page")

    @classmethod
    def for_request(cls, request) -> "WeekPage | None":
        """The programme page of the request's site in the reader's language (remembered: partner pages ask)."""
        site = Site.find_for_request(request)
        if site is None:
            return None

        def find():
            page = without_restricted(cls.objects.live().descendant_of(site.root_page.localized)).first()
            if page is not None:
                page.__dict__["_known_site"] = site
            return page

        return freshness.remember("week-page", find, site.pk, get_language())

    def activities(self, request):
        """The place's activities in the reader's language that the reader may see (staff-only for staff)."""
        return Activity.objects.localized().filter(site_id=self.get_site().pk).visible_to(request.user)

    def activity_url(self, request, activity) -> str:
        return self.get_url(request) + self.reverse_subpage("activity_route", args=[activity.slug])

    def events(self):
        """The one-off events of this place in this language."""
        events = without_restricted(EventPage.objects.live().descendant_of(self.get_parent()))
        return events.exclude(kind__in=STAFF_ONLY_KINDS).select_related("locale")

    def programme(self, request, first: datetime.date, last: datetime.date, filters: dict | None = None):
        """(items, closures) from `first` to `last`: occurrences and events in time order, in a fixed number
        of queries. Remembered until the content changes: every family opening the week asks the same."""
        filters = {name: sorted(filters.get(name) or []) for name in ("kuka", "laji", "tuki")} if filters else {}
        chosen = ";".join(f"{name}={','.join(values)}" for name, values in filters.items())
        return freshness.remember(
            "week-programme",
            lambda: self.expand_programme(request, first, last, filters),
            self.pk,
            *reader_key(request),
            first.isoformat(),
            last.isoformat(),
            chosen,
        )

    def expand_programme(self, request, first: datetime.date, last: datetime.date, filters: dict):
        kinds = [kind for kind in filters.get("laji", []) if kind != EVENTS]
        activities = self.activities(request).for_listing()
        activities = localize_partners(activities.matching(filters.get("kuka"), kinds, filters.get("tuki")))
        site_id = self.get_site().pk
        changes = OccurrenceChange.objects.filter(activity__site_id=site_id).between(first, last).rows()
        closures = Closure.objects.filter(site_id=site_id).overlapping(first, last).rows()
        items = [
            self.occurrence_item(request, occurrence)
            for occurrence in schedule.occurrences(activities, changes, closures, first, last)
        ]
        only_activities = kinds or filters.get("kuka") or filters.get("tuki")
        if not only_activities or EVENTS in filters.get("laji", []):
            after = schedule.aware(first, datetime.time.min)
            before = schedule.aware(last + datetime.timedelta(days=1), datetime.time.min)
            events = self.events().filter(start__lt=before, end__gt=after)
            items += [self.event_item(request, event) for event in events]
        items.sort(key=lambda item: (item.start, item.title))
        return items, closures

    def occurrence_item(self, request, occurrence) -> schedule.ProgrammeItem:
        activity = occurrence.activity
        return schedule.ProgrammeItem(
            title=activity.title,
            url="" if activity.staff_only else self.activity_url(request, activity),
            start=occurrence.start,
            end=occurrence.end,
            kind_label=activity.get_kind_display(),
            icon=activity.kind_icon,
            place=activity.room,
            cancelled=occurrence.cancelled,
            moved=occurrence.moved,
            reason=occurrence.reason,
            partners=activity.partner_list,
            audiences=activity.audience_labels,
            staff_only=activity.staff_only,
            original_start=occurrence.original_start if occurrence.moved else None,
            uid=schedule.uid("activity", activity.translation_key),
            organiser_text=", ".join(partner.name for partner in activity.partner_list),
        )

    def event_item(self, request, event) -> schedule.ProgrammeItem:
        return schedule.ProgrammeItem(
            title=event.title,
            url=event.get_url(request),
            start=event.start,
            end=event.end,
            kind_label=event.get_kind_display(),
            icon=event.kind_icon,
            place=event.location,
            is_event=True,
            uid=schedule.uid("event", event.translation_key),
        )

    def filter_form(self, request) -> ProgrammeFilterForm:
        support_types = freshness.remember(
            "support-types", lambda: list(SupportType.objects.localized()), get_language()
        )
        return ProgrammeFilterForm(
            request.GET,
            audiences=Audience.choices,
            kinds=ActivityKind.choices,
            kind_icons=ACTIVITY_KIND_ICONS,
            support_types=support_types,
        )

    @path("")
    def week_route(self, request):
        today = timezone.localdate()
        monday = schedule.parse_week(request.GET.get("viikko"), today)
        if monday is None:
            raise Http404
        form = self.filter_form(request)
        days = schedule.week_days(monday)
        items, closures = self.programme(request, days[0], days[-1], form.values)
        base = self.get_url(request)
        query = request.GET.copy()

        def week_url(day):
            query["viikko"] = schedule.week_param(day)
            return f"{base}?{query.urlencode()}"

        this_week = schedule.monday_of(today)
        context = {
            "days": schedule.group_by_day(items, days, today, closures),
            "monday": monday,
            "week_param": schedule.week_param(monday),
            "sunday": days[-1],
            "week_number": monday.isocalendar()[1],
            "is_this_week": monday == this_week,
            "previous_url": week_url(schedule.shift_weeks(monday, -1)),
            "next_url": week_url(schedule.shift_weeks(monday, 1)),
            "this_week_url": week_url(this_week),
            "filter_form": form,
            "notices": form.notices,
            "is_filtered": form.is_filtered,
            "calendar_url": base + self.reverse_subpage("calendar_route"),
        }
        return self.render(request, context_overrides=context)

    @path("kalenteri/")
    def calendar_route(self, request):
        """The whole public programme and the events, for a calendar app to subscribe to."""

        def feed() -> bytes:
            activities = localize_partners(list(self.activities(request).public().for_listing()))
            site_id = self.get_site().pk
            changes = OccurrenceChange.objects.filter(activity__site_id=site_id, activity__staff_only=False).rows()
            closures = Closure.objects.filter(site_id=site_id).rows()
            since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
            events = list(self.events().filter(end__gte=since).order_by("start"))
            link = self.feed_link(request)
            return calendar.programme(activities, changes, closures, events, title=self.title, link=link)

        return calendar_response(freshness.remember("week-feed", feed, self.pk, *reader_key(request)), self.slug)

    def feed_link(self, request):
        def link(item) -> str:
            url = item.get_url(request) if isinstance(item, EventPage) else self.activity_url(request, item)
            return public_url(url)

        return link

    def find_activity(self, request, slug: str):
        activity = self.activities(request).for_listing().filter(slug=slug).first()
        if activity is None:
            raise Http404
        localize_partners([activity])
        return activity

    @path("<str:slug>/")
    def activity_route(self, request, slug):
        today = timezone.localdate()
        context = freshness.remember(
            "activity-page",
            lambda: self.activity_context(request, slug, today),
            self.pk,
            *reader_key(request),
            slug,
            today.isoformat(),
        )
        return self.render(request, context_overrides=context, template="events/activity_page.html")

    def activity_context(self, request, slug: str, today: datetime.date) -> dict:
        """An activity's page: its facts and next dates, the same for every reader on the day."""
        activity = self.find_activity(request, slug)
        until = today + datetime.timedelta(weeks=UPCOMING_WEEKS)
        changes = OccurrenceChange.objects.filter(activity__translation_key=activity.translation_key)
        closures = Closure.objects.filter(site_id=activity.site_id).overlapping(today, until).rows()
        upcoming = schedule.occurrences([activity], changes.between(today, until).rows(), closures, today, until)
        return {
            "activity": activity,
            "facts": activity.facts,
            "upcoming": [self.occurrence_item(request, occurrence) for occurrence in upcoming[:UPCOMING_DATES]],
            "partners_page": partners_page_for(self.locale_id),
            "calendar_url": self.activity_url(request, activity) + "kalenteri/",
            "sections": activity_page_sections(request, activity),
        }

    @path("<str:slug>/kalenteri/")
    def activity_calendar_route(self, request, slug):
        def feed() -> bytes:
            activity = self.find_activity(request, slug)
            if activity.staff_only:
                raise Http404
            changes = OccurrenceChange.objects.filter(activity__translation_key=activity.translation_key).rows()
            closures = Closure.objects.filter(site_id=activity.site_id).rows()
            return calendar.activity_feed(activity, changes, closures, link=self.feed_link(request))

        body = freshness.remember("activity-feed", feed, self.pk, *reader_key(request), slug)
        return calendar_response(body, slug)

    def get_sitemap_urls(self, request=None):
        """The week page and each public activity's own page."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        slugs = Activity.objects.localized(self.locale).filter(site_id=self.get_site().pk).public()
        for slug in dict.fromkeys(slugs.values_list("slug", flat=True)):
            urls.append({"location": base + self.reverse_subpage("activity_route", args=[slug])})
        return urls
