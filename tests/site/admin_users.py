"""Staff with limited rights and two meeting places' worth of admin objects, for the admin's authorisation tests.

Each role is a group of permissions as a coordinator would set it up under Settings → Groups; one user a role.
Every object the admin shows exists in both places (the default site and a second one), so a test can change
an id in an address to another place's object. Texts a limited user must never see are in `SECRETS`.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from events.models import EventIndexPage, VisitCount
from ideas.models import ChildVoice, ChildVoiceKind, Feedback, IdeaStatus, IdeaTheme, SurveyField, SurveyPage
from ideas.voice_choices import AgeGroup, Face
from tests.events.builders import cancel, close, make_activity, make_sign_up_event, register
from tests.ideas.builders import make_codes, make_idea, make_ideas_site, make_round
from tests.ideas.decision_builders import make_meeting, other_site, write_decision
from tests.pages.builders import make_partners

ROLES = ("admin_only", "editor", "moderator", "registrar", "listener", "superuser")
"""`admin_only` may only sign in to the admin; `editor` edits pages (Wagtail's Editors group); `moderator` edits
pages and moderates ideas, themes, voting rounds and decisions, but sees no registrations nor families'
answers; `registrar` sees and erases registrations only; `listener` reads feedback, records children's voice,
counts visits and reads the yearly report, but moderates nothing; `superuser` may do everything."""

IDEAS_MODELS = ("idea", "ideatheme", "votinground", "decision")
ROLE_PERMISSIONS = {
    "admin_only": ["wagtailadmin.access_admin"],
    "moderator": [
        f"ideas.{action}_{model}" for model in IDEAS_MODELS for action in ("add", "change", "delete", "view")
    ],
    "registrar": ["wagtailadmin.access_admin", "events.view_registration", "events.delete_registration"],
    "listener": [
        "wagtailadmin.access_admin",
        "ideas.view_feedback",
        "ideas.view_report",
        *(f"ideas.{action}_childvoice" for action in ("add", "change", "view")),
        *(f"events.{action}_visitcount" for action in ("add", "change", "view")),
    ],
}
# Wagtail's own groups, made by its migrations: page editing (and publishing, for moderators) and admin access.
WAGTAIL_GROUPS = {"editor": "Editors", "moderator": "Moderators"}

SECRETS = {
    "registration": "Salaperäinen Perhe",
    "other_registration": "Toisen Paikan Perhe",
    "waiting_idea": "Odottava salainen idea",
    "other_waiting_idea": "Toisen paikan odottava idea",
    "feedback": "Palautteen salainen teksti",
    "other_feedback": "Toisen paikan palauteteksti",
    "wish": "Lapsen salainen toive",
    "other_wish": "Toisen paikan lapsen toive",
    "decision": "Talokokouksen sisäinen päätös",
    "survey_answer": "Kyselyn salainen vastaus",
}


def permissions(names: list[str]) -> list[Permission]:
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def make_role_users() -> dict:
    """One user per role in `ROLES`, by role."""
    users = {}
    for role in ROLES:
        user = get_user_model().objects.create_user(
            f"rooli-{role}", password="pitka-salasana-123", is_superuser=role == "superuser"
        )
        if role in WAGTAIL_GROUPS:
            user.groups.add(Group.objects.get(name=WAGTAIL_GROUPS[role]))
        if role in ROLE_PERMISSIONS:
            group = Group.objects.create(name=f"Rooli {role}")
            group.permissions.add(*permissions(ROLE_PERMISSIONS[role]))
            user.groups.add(group)
        users[role] = user
    return users


def make_place(site: dict, prefix: str, registration: str, idea: str, feedback: str, wish: str) -> dict:
    """What one meeting place holds: an activity with a cancellation and feedback, an event with a sign-up,
    an idea awaiting moderation, a published one in an open round with codes, a children's voice record with a
    wish and a visit count."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    activity = make_activity(site, title=f"{prefix} kahvila", first_date=yesterday - datetime.timedelta(days=30))
    event = make_sign_up_event(site, title=f"{prefix} kehittämispäivä")
    published = make_idea(site, title=f"{prefix} julkaistu idea")
    voting_round = make_round(site, [published], title=f"{prefix} äänestys")
    return {
        "activity": activity,
        "change": cancel(activity, yesterday + datetime.timedelta(days=7)),
        "event": event,
        "registration": register(event, registration, children=[(3, True)]),
        "waiting_idea": make_idea(site, status=IdeaStatus.AWAITING, title=idea),
        "published_idea": published,
        "round": voting_round,
        "codes": make_codes(voting_round, 2),
        "feedback": Feedback.objects.create(activity=activity, face=Face.BAD, better=feedback, language="fi"),
        "child_voice": ChildVoice.objects.create(
            site=site["site"], kind=ChildVoiceKind.OBSERVATION, age_group=AgeGroup.SMALL, wish=wish, language="fi"
        ),
        "visit_count": VisitCount.objects.create(activity=activity, date=yesterday, adults=2, children=3),
    }


def make_second_site() -> dict:
    """Another meeting place with its own root page, host and events page, as a `site` dict for the builders."""
    site = other_site()
    root = Page.objects.get(pk=site["site"].root_page_id)
    site["events_page"] = root.add_child(instance=EventIndexPage(title="Tapahtumat", slug="tapahtumat"))
    return site


def make_survey(site: dict) -> SurveyPage:
    page = SurveyPage(
        title="Kävijäkysely",
        slug="kavijakysely",
        form_fields=[SurveyField(label="Mitä haluatte sanoa?", field_type="multiline", required=False)],
    )
    survey = site["home"].add_child(instance=page)
    field = SurveyField.objects.get(page=survey)
    FormSubmission.objects.create(page=survey, form_data={field.clean_name: SECRETS["survey_answer"]})
    return survey


def make_world() -> dict:
    """The users and both places' objects: `world["a"]` the default site's, `world["b"]` the second one's."""
    site = make_ideas_site()
    second = make_second_site()
    today = timezone.localdate()
    world = {
        "users": make_role_users(),
        "site": site["site"],
        "other_site": second["site"],
        "a": make_place(site, "Oma", *(SECRETS[key] for key in ("registration", "waiting_idea", "feedback", "wish"))),
        "b": make_place(
            second,
            "Toinen",
            *(SECRETS[key] for key in ("other_registration", "other_waiting_idea", "other_feedback", "other_wish")),
        ),
        "closure": close(site, today + datetime.timedelta(days=20), today + datetime.timedelta(days=27)),
        "partner": make_partners(1, site["support"])[0],
        "support_type": next(iter(site["support"].values())),
        "theme": IdeaTheme.objects.create(name="Ulkoilu", slug="ulkoilu"),
        "decision": write_decision(make_meeting(site, kind="house_meeting"), text=SECRETS["decision"]),
        "survey": make_survey(site),
    }
    return world
