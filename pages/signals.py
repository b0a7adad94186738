"""What moves the content version (`pages.freshness`): every save or deletion that a public page may show.

The rule is broad on purpose: any model of the site's apps, and Wagtail's pages, sites, locales, view
restrictions, images, documents and tags, except the models listed in PRIVATE, whose rows no public page
shows (answers, counts, codes and votes: a vote moves the version itself while its round shows results).
A missed change would serve a stale page; a needless bump only costs one render.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import freshness

SITE_APPS = {"home", "pages", "events", "ideas"}
WAGTAIL_MODELS = {
    "wagtailcore.page",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailimages.image",
    "wagtaildocs.document",
    "taggit.tag",
}
PRIVATE = {
    "events.visitcount",
    "events.registrationchild",
    "ideas.feedback",
    "ideas.childvoice",
    "ideas.votingcode",
    "ideas.vote",
}


def shown_publicly(model) -> bool:
    label = model._meta.label_lower
    if label in PRIVATE:
        return False
    return model._meta.app_label in SITE_APPS or label in WAGTAIL_MODELS


def content_saved(sender, raw=False, **kwargs):
    if not raw:
        freshness.bump()


def relation_changed(sender, action, model, **kwargs):
    if action.startswith("post_") and (shown_publicly(model) or shown_publicly(kwargs["instance"].__class__)):
        freshness.bump()


def page_changed(sender, **kwargs):
    freshness.bump()


def connect() -> None:
    """Connects the handlers to each model shown publicly, by sender: a deletion handler on every model would
    cost each bulk delete of the others (votes taken back) a SELECT of what it deletes."""
    from django.apps import apps

    for model in apps.get_models():
        if shown_publicly(model):
            uid = f"kohtaamo-freshness-{model._meta.label_lower}"
            post_save.connect(content_saved, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(content_saved, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(relation_changed, dispatch_uid="kohtaamo-freshness-m2m")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"kohtaamo-freshness-{id(signal)}")
