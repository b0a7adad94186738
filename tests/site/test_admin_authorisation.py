"""Every admin address the project adds answers each kind of staff member exactly as their rights allow.

The table below lists, for each admin URL of `events`, `ideas`, `pages` and `home` (snippet lists, exports,
edit and inspect views, choosers, bulk actions, summaries, printable pages, POST actions), which roles of
`tests.site.admin_users.ROLES` may use it; everyone else is refused (403, or Wagtail's redirect to the
dashboard) and sees none of the families' texts (`SECRETS`). Objects of the second meeting place are asked for
by id too: rights are per model, not per place, so they are the same there. A URL the project adds that is
not in the table fails `test_every_admin_url_of_ours_is_in_the_table`, so a new view cannot skip this.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.test import Client, RequestFactory
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone, translation
from wagtail.admin.menu import SubmenuMenuItem, admin_menu
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.viewsets import viewsets
from wagtail.snippets.models import get_snippet_models

from tests.site.admin_users import ROLES, SECRETS, make_world

OUR_APPS = ("events", "ideas", "pages", "home")

EVERYONE = frozenset(ROLES)
NOBODY = frozenset()
SUPERUSER = frozenset({"superuser"})
MODERATORS = frozenset({"moderator", "superuser"})
REGISTRARS = frozenset({"registrar", "superuser"})
LISTENERS = frozenset({"listener", "superuser"})
# Wagtail's form permissions: whoever may edit the form page sees its answers (Editors and Moderators groups).
PAGE_EDITORS = frozenset({"editor", "moderator", "superuser"})

DENIED = "denied"


# --- The table ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One admin address: `allowed` roles get `ok`, everyone else is refused."""

    name: str
    path: Callable[[dict], str]
    allowed: frozenset
    ok: int = 200
    method: str = "get"
    data: Callable[[dict], dict] = lambda world: {}
    label: str = ""
    hidden: tuple[str, ...] = ()
    """Keys of `SECRETS` that no role may see here, not even an allowed one."""

    @property
    def id(self) -> str:
        return f"{self.method} {self.name} {self.label}".strip()


def obj(world: dict, key: str):
    """A world object by a dotted key: "a.registration" is the default place's registration."""
    found = world
    for part in key.split("."):
        found = found[part]
    return found


def url(name: str, *keys: str, query: str = "") -> Callable[[dict], str]:
    """The address of `name` with the pks of the world objects `keys` (an int key is used as it is)."""

    def build(world: dict) -> str:
        args = [key if isinstance(key, int) else obj(world, key).pk for key in keys]
        return reverse(name, args=args) + (f"?{query}" if query else "")

    return build


@dataclass(frozen=True)
class Rights:
    """Who may do what with a snippet model, as its viewset's permission policy decides: `read` lists, inspects
    and exports; `history` is any of add, change and delete (Wagtail's rule). `bulk` gives, for each bulk
    action of the model, who may open its confirmation page (Wagtail's own bulk delete shows it to anyone)."""

    read: frozenset
    add: frozenset
    change: frozenset
    delete: frozenset
    history: frozenset
    objects: tuple[str, ...]
    bulk: dict = field(default_factory=lambda: {"delete": EVERYONE})
    chooser: frozenset = EVERYONE
    """Who may open the model's chooser, if it has one: Wagtail's choosers check no permission, so a model
    whose rows are not for everyone has none (and `read` here makes a chooser added later fail)."""


PUBLIC_FACTS = {"read": SUPERUSER, "add": SUPERUSER, "change": SUPERUSER, "delete": SUPERUSER, "history": SUPERUSER}
IDEAS_WORK = {"read": MODERATORS, "add": MODERATORS, "change": MODERATORS, "delete": MODERATORS, "history": MODERATORS}

SNIPPET_RIGHTS = {
    "events.activity": Rights(**PUBLIC_FACTS, objects=("a.activity", "b.activity")),
    "events.occurrencechange": Rights(**PUBLIC_FACTS, objects=("a.change", "b.change")),
    "events.closure": Rights(**PUBLIC_FACTS, objects=("closure",)),
    "pages.partner": Rights(**PUBLIC_FACTS, objects=("partner",)),
    "pages.supporttype": Rights(**PUBLIC_FACTS, objects=("support_type",)),
    # Never added or edited in the admin; erasing a family's data needs view and delete.
    "events.registration": Rights(
        read=REGISTRARS,
        add=NOBODY,
        change=NOBODY,
        delete=REGISTRARS,
        history=REGISTRARS,
        objects=("a.registration", "b.registration"),
        bulk={"delete": REGISTRARS},
        chooser=REGISTRARS,
    ),
    "events.visitcount": Rights(
        read=LISTENERS,
        add=LISTENERS,
        change=LISTENERS,
        delete=SUPERUSER,
        history=LISTENERS,
        objects=("a.visit_count", "b.visit_count"),
        bulk={"delete": LISTENERS},
        chooser=LISTENERS,
    ),
    "ideas.idea": Rights(
        **IDEAS_WORK,
        objects=("a.waiting_idea", "b.waiting_idea"),
        bulk={"approve": MODERATORS, "reject": MODERATORS, "delete": MODERATORS},
        chooser=MODERATORS,
    ),
    "ideas.ideatheme": Rights(**IDEAS_WORK, objects=("theme",)),
    "ideas.votinground": Rights(**IDEAS_WORK, objects=("a.round", "b.round"), bulk={"delete": MODERATORS}),
    "ideas.decision": Rights(**IDEAS_WORK, objects=("decision",), bulk={"delete": MODERATORS}, chooser=MODERATORS),
    "ideas.feedback": Rights(
        read=LISTENERS,
        add=NOBODY,
        change=NOBODY,
        delete=SUPERUSER,
        history=SUPERUSER,
        objects=("a.feedback", "b.feedback"),
        bulk={"delete": LISTENERS},
        chooser=LISTENERS,
    ),
    "ideas.childvoice": Rights(
        read=LISTENERS,
        add=LISTENERS,
        change=LISTENERS,
        delete=SUPERUSER,
        history=LISTENERS,
        objects=("a.child_voice", "b.child_voice"),
        bulk={"delete": LISTENERS},
        chooser=LISTENERS,
    ),
}

# Wagtail's standard views of a snippet viewset: which right each needs, and whether it takes an object's pk.
SNIPPET_VIEWS = {
    "list": ("read", False),
    "list_results": ("read", False),
    "inspect": ("read", True),
    "add": ("add", False),
    "edit": ("change", True),
    "copy": ("add", True),
    "delete": ("delete", True),
    "usage": ("change", True),
    "history": ("history", True),
    "history_results": ("history", True),
}
# Wagtail's snippet choosers check no permission but "add" for creating: what they list must be public facts.
CHOOSER_VIEWS = {"choose": False, "choose_results": False, "chosen": True}


def snippet_rows(label: str, rights: Rights, names: set[str]) -> list[Row]:
    """Rows for the standard views of the snippet model `label` that are registered (in `names`)."""
    app_label, model_name = label.split(".")
    namespace = f"wagtailsnippets_{app_label}_{model_name}"
    rows = []
    for view, (right, takes_pk) in SNIPPET_VIEWS.items():
        name = f"{namespace}:{view}"
        if name not in names:
            continue
        for key in rights.objects if takes_pk else ("",):
            path = url(name, key) if takes_pk else url(name)
            rows.append(Row(name, path, getattr(rights, right), label=key))
    list_name = f"{namespace}:list"
    viewset = obj_model(label).snippet_viewset
    if list_name in names and viewset.list_export:
        for export in ("csv", "xlsx"):
            rows.append(Row(list_name, url(list_name, query=f"export={export}"), rights.read, label=export))
    chooser = f"wagtailsnippetchoosers_{app_label}_{model_name}"
    for view, takes_pk in CHOOSER_VIEWS.items():
        name = f"{chooser}:{view}"
        if name in names:
            for key in rights.objects if takes_pk else ("",):
                rows.append(Row(name, url(name, key) if takes_pk else url(name), rights.chooser, label=key))
    if f"{chooser}:chosen_multiple" in names:
        name = f"{chooser}:chosen_multiple"
        first = rights.objects[0]
        rows.append(Row(name, lambda world, n=name, k=first: reverse(n) + f"?id={obj(world, k).pk}", rights.chooser))
    if f"{chooser}:create" in names:
        rows.append(Row(f"{chooser}:create", url(f"{chooser}:create"), rights.add))
    for action, allowed in rights.bulk.items():
        rows.append(Row(f"bulk:{label}:{action}", bulk_url(app_label, model_name, action, rights.objects), allowed))
    return rows


def obj_model(label: str):
    return next(model for model in get_snippet_models() if model._meta.label_lower == label)


def bulk_url(app_label: str, model_name: str, action: str, keys: tuple[str, ...]) -> Callable[[dict], str]:
    def build(world: dict) -> str:
        ids = "&".join(f"id={obj(world, key).pk}" for key in keys)
        return reverse("wagtail_bulk_action", args=[app_label, model_name, action]) + f"?{ids}"

    return build


def custom_rows() -> list[Row]:
    """The project's own admin views and the custom views of its viewsets."""
    year = timezone.localdate().year
    rows = [
        Row("events_house_meeting_rota", url("events_house_meeting_rota"), EVERYONE),
        Row("events_count_visits", url("events_count_visits"), LISTENERS),
        Row("events_count_visits", url("events_count_visits"), LISTENERS, ok=302, method="post"),
        Row("events_visits_dashboard", url("events_visits_dashboard"), LISTENERS),
        Row("ideas_surveys", url("ideas_surveys"), EVERYONE),
        # The two-factor code screen (pages/staff_two_factor.py): every staff member's own sign-in step.
        Row("wagtail_2fa_auth", url("wagtail_2fa_auth"), EVERYONE),
        Row("wagtail_2fa_device_new", url("wagtail_2fa_device_new"), EVERYONE),  # each sets up their own phone
        Row("ideas_survey_summary", url("ideas_survey_summary", "survey"), PAGE_EDITORS),
        Row("ideas_report_index", url("ideas_report_index"), LISTENERS, ok=302),
        Row("ideas_report", url("ideas_report", year), LISTENERS),
        Row("ideas_report", url("ideas_report", year, query="format=xlsx"), LISTENERS, label="xlsx"),
        Row(
            "ideas_report",
            lambda world: reverse("ideas_report", args=[year]) + f"?site={world['other_site'].pk}",
            LISTENERS,
            label="other place",
        ),
        Row("feedback:summary", url("feedback:summary"), LISTENERS),
        Row("public_idea_chooser:choose", url("public_idea_chooser:choose"), EVERYONE),
        Row("public_idea_chooser:choose_results", url("public_idea_chooser:choose_results"), EVERYONE),
        Row("public_idea_chooser:chosen", url("public_idea_chooser:chosen", "a.published_idea"), EVERYONE),
        Row("public_idea_chooser:create", url("public_idea_chooser:create"), MODERATORS),
        # An idea awaiting moderation is no one's to choose, whatever id is typed.
        Row(
            "public_idea_chooser:chosen",
            url("public_idea_chooser:chosen", "a.waiting_idea"),
            EVERYONE,
            ok=404,
            label="a.waiting_idea",
        ),
        Row(
            "public_idea_chooser:chosen_multiple",
            lambda world: (
                reverse("public_idea_chooser:chosen_multiple") + f"?id={world['a']['waiting_idea'].pk}"
                f"&id={world['b']['waiting_idea'].pk}&id={world['a']['published_idea'].pk}"
            ),
            EVERYONE,
            hidden=("waiting_idea", "other_waiting_idea"),
        ),
        Row("wagtailforms:list_submissions", url("wagtailforms:list_submissions", "survey"), PAGE_EDITORS),
        Row(
            "wagtailforms:list_submissions",
            url("wagtailforms:list_submissions", "survey", query="export=csv"),
            PAGE_EDITORS,
            label="csv",
        ),
        Row(
            "wagtailsettings:edit",
            lambda world: reverse("wagtailsettings:edit", args=["pages", "sitesettings", world["site"].pk]),
            SUPERUSER,
        ),
    ]
    for place in ("a", "b"):
        rows += [
            Row(
                "events_registration_summary",
                url("events_registration_summary", f"{place}.event"),
                REGISTRARS,
                label=place,
            ),
            Row(
                "events_registration_sign_in_list",
                url("events_registration_sign_in_list", f"{place}.event"),
                REGISTRARS,
                label=place,
            ),
            Row("ideas_round_codes", url("ideas_round_codes", f"{place}.round"), MODERATORS, label=place),
            Row(
                "ideas_round_codes",
                url("ideas_round_codes", f"{place}.round"),
                MODERATORS,
                ok=302,
                method="post",
                data=lambda world: {"count": 1},
                label=place,
            ),
            Row(
                "ideas_round_revoke_code",
                lambda world, p=place: reverse(
                    "ideas_round_revoke_code", args=[world[p]["round"].pk, world[p]["codes"][0].pk]
                ),
                MODERATORS,
                ok=302,
                method="post",
                label=place,
            ),
            Row("ideas_round_print", url("ideas_round_print", f"{place}.round"), MODERATORS, label=place),
            Row(
                "ideas_round_print",
                url("ideas_round_print", f"{place}.round", query="kieli=sv"),
                MODERATORS,
                label=f"{place} sv",
            ),
            Row("ideas_round_paper", url("ideas_round_paper", f"{place}.round"), MODERATORS, label=place),
            Row("ideas_round_results", url("ideas_round_results", f"{place}.round"), MODERATORS, label=place),
            Row("ideas_merge", url("ideas_merge", f"{place}.waiting_idea"), MODERATORS, label=place),
            Row("feedback:poster", url("feedback:poster", f"{place}.activity"), LISTENERS, label=place),
            # Making an idea of a wish needs the children's voice and adding ideas both.
            Row(
                "wagtailsnippets_ideas_childvoice:make_idea",
                url("wagtailsnippets_ideas_childvoice:make_idea", f"{place}.child_voice"),
                SUPERUSER,
                ok=302,
                method="post",
                label=place,
            ),
            Row(
                "bulk:ideas.idea:approve",
                bulk_url("ideas", "idea", "approve", (f"{place}.waiting_idea",)),
                MODERATORS,
                ok=302,
                method="post",
                label=place,
            ),
        ]
    # An id that does not exist: refused before it is looked up, so a guess tells nothing.
    rows += [
        Row(
            "events_registration_summary",
            url("events_registration_summary", 999999),
            REGISTRARS,
            ok=404,
            label="missing",
        ),
        Row("ideas_round_print", url("ideas_round_print", 999999), MODERATORS, ok=404, label="missing"),
        Row("ideas_merge", url("ideas_merge", 999999), MODERATORS, ok=404, label="missing"),
    ]
    return rows


# --- What the project adds to the admin -----------------------------------------------------------------------


def walk(patterns, namespaces=()):
    """(full URL name, view class or function) of every named pattern."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, namespaces + ((pattern.namespace,) if pattern.namespace else ()))
        elif isinstance(pattern, URLPattern) and pattern.name:
            view = getattr(pattern.callback, "view_class", pattern.callback)
            yield ":".join((*namespaces, pattern.name)), view


def our_namespaces() -> set[str]:
    """The URL namespaces of viewsets defined in our apps or for our apps' models (snippets and their choosers)."""
    get_resolver().url_patterns  # noqa: B018 - loading the admin's URLs registers the viewsets
    found = set()
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        app_label = (
            model.split(".")[0] if isinstance(model, str) else getattr(model, "_meta", None) and model._meta.app_label
        )
        defined_here = type(viewset).__module__.split(".")[0] in OUR_APPS
        for_our_model = app_label in OUR_APPS
        if defined_here or for_our_model:
            found.add(viewset.url_namespace)
    return found


def our_admin_url_names() -> set[str]:
    """Every admin URL name of our viewsets and views; Wagtail's own views for Wagtail's models are not ours."""
    namespaces = our_namespaces()
    names = set()
    for name, view in walk(get_resolver().url_patterns):
        ours = view.__module__.split(".")[0] in OUR_APPS or name.rpartition(":")[0] in namespaces
        if ours and reverse_is_admin(name):
            names.add(name)
    return names


def reverse_is_admin(name: str) -> bool:
    """Whether `name` lives under /admin/ (some of our views are public; args are filled with 1)."""
    from django.urls import NoReverseMatch

    for args in ([], [1], [1, 1]):
        try:
            return reverse(name, args=args).startswith("/admin/")
        except NoReverseMatch:
            continue
    return False


def our_bulk_actions() -> set[str]:
    names = set()
    for model in get_snippet_models():
        if model._meta.app_label in OUR_APPS:
            for action in bulk_action_registry.get_bulk_actions_for_model(
                model._meta.app_label, model._meta.model_name
            ):
                names.add(f"bulk:{model._meta.label_lower}:{action.action_type}")
    return names


URL_NAMES = our_admin_url_names()
ROWS = [row for label, rights in SNIPPET_RIGHTS.items() for row in snippet_rows(label, rights, URL_NAMES)]
ROWS += custom_rows()


# --- Fixtures -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module and rolled back after it; each test runs in its own savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = make_world()
        built["clients"] = {}
        for role, user in built["users"].items():
            client = Client()
            client.force_login(user)
            built["clients"][role] = client
        yield built
        transaction.set_rollback(True)


def outcome(response):
    """ "denied" for a refusal (403, or Wagtail's redirect to the dashboard with a message), else the status."""
    if response.status_code == 403:
        return DENIED
    if response.status_code == 302 and response["Location"] in (reverse("wagtailadmin_home"), "/admin/"):
        return DENIED
    return response.status_code


# --- Tests ----------------------------------------------------------------------------------------------------


def test_every_admin_url_of_ours_is_in_the_table():
    """A view added to the admin without a row here fails: its rights must be written down and tested."""
    missing = URL_NAMES - {row.name for row in ROWS}
    assert not missing, f"Admin URLs without a row in the authorisation table: {sorted(missing)}"
    assert len(URL_NAMES) > 100  # the walk found the snippet viewsets, not just a handful of views


def test_every_bulk_action_and_snippet_model_of_ours_is_in_the_table():
    models = {model._meta.label_lower for model in get_snippet_models() if model._meta.app_label in OUR_APPS}
    assert models == set(SNIPPET_RIGHTS)
    missing = our_bulk_actions() - {row.name for row in ROWS}
    assert not missing, f"Bulk actions without a row in the authorisation table: {sorted(missing)}"


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_admin_url_answers_each_role_as_their_rights_allow(world, db, row):
    wrong = {}
    with translation.override("fi"):
        for role in ROLES:
            client = world["clients"][role]
            path = row.path(world)
            response = client.post(path, row.data(world)) if row.method == "post" else client.get(path)
            expected = row.ok if role in row.allowed else DENIED
            got = outcome(response)
            if got != expected:
                wrong[role] = f"{got}, expected {expected}"
                continue
            hidden = SECRETS.keys() if expected == DENIED else row.hidden
            if leaked := shown_secrets(response, hidden):
                wrong[role] = f"answered {got} showing {leaked}"
    assert not wrong, f"{row.id}: {wrong}"


def shown_secrets(response, keys) -> list[str]:
    """The texts of `SECRETS[key]` in the response, as HTML or as JSON writes them."""
    if response.streaming or not keys:
        return []
    body = response.content.decode(errors="replace")
    texts = [SECRETS[key] for key in keys]
    return [text for text in texts if text in body or json.dumps(text)[1:-1] in body]


# The surveys' list opens for anyone in the admin but lists only the surveys they may read: its menu item shows
# only when there is one.
SHOWN_WHEN_THERE_IS_SOMETHING = {"ideas_surveys"}


def menu_urls(user) -> set[str]:
    """The addresses of the admin menu's items (in submenus too) shown to `user`."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = set()

    def collect(menu):
        for item in menu.menu_items_for_request(request):
            if isinstance(item, SubmenuMenuItem):
                collect(item.menu)
            else:
                urls.add(str(item.url))

    collect(admin_menu)
    return urls


def url_name(path: str) -> str | None:
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return None
    return match.view_name


def test_the_menu_shows_each_role_the_pages_they_may_open_and_no_other(world, db):
    """Every menu item of ours opens for whoever sees it, and is hidden from whoever it would refuse."""
    rights = {row.path(world): row for row in ROWS if row.method == "get" and not row.label}
    everything = {path for path in menu_urls(world["users"]["superuser"]) if url_name(path) in URL_NAMES}
    assert len(everything) > 10
    unknown = everything - set(rights)
    assert not unknown, f"Menu items of ours without a row in the table: {sorted(unknown)}"
    wrong = {}
    with translation.override("fi"):
        for role in ROLES:
            shown = menu_urls(world["users"][role]) & everything
            may_open = {path for path in everything if role in rights[path].allowed}
            always = {path for path in may_open if url_name(path) not in SHOWN_WHEN_THERE_IS_SOMETHING}
            if not always <= shown <= may_open:
                wrong[role] = {"shown but refused": sorted(shown - may_open), "hidden": sorted(always - shown)}
    assert not wrong, wrong


# The dashboard's lines about public facts (the programme, cancellations, partners, the place's contact details)
# show their counts to everyone in the admin; their links open for those who may edit them.
TASKS_FOR_EVERYONE = {
    "wagtailsnippets_events_activity:list",
    "wagtailsnippets_events_occurrencechange:list",
    "wagtailsnippets_pages_partner:list",
    "wagtailsettings:edit",
    "wagtailadmin_explore_root",
}


def test_the_dashboard_links_each_role_only_to_what_they_may_open(world, db):
    from pages.hooks import staff_tasks

    rights = {row.path(world).split("?")[0]: row for row in ROWS if row.method == "get" and not row.label}
    wrong = {}
    with translation.override("fi"):
        for role in ROLES:
            request = RequestFactory().get("/admin/")
            request.user = world["users"][role]
            for task in staff_tasks(request):
                path = task.url.split("?")[0]
                if url_name(path) in TASKS_FOR_EVERYONE:
                    continue
                if path not in rights:
                    wrong[task.url] = "no row in the table"
                elif role not in rights[path].allowed:
                    wrong.setdefault(role, []).append(task.url)
    assert not wrong, wrong
