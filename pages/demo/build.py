"""How the demo is built: pages and translatable snippets in every language, created only when missing.

Every step looks for what it would create and leaves an existing object, and what an editor changed
in it, alone; so `load_demo` can run again at any time.
"""

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from ..models import ContentPage


def p(*paragraphs: str) -> tuple:
    return ("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))


def h2(text: str) -> tuple:
    return ("heading", {"text": text, "level": "h2"})


def faq(question: str, answer: str) -> tuple:
    return ("faq", {"question": question, "answer": RichText(f"<p>{answer}</p>")})


def ul(*items: str) -> tuple:
    return ("paragraph", RichText("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"))


def made(values: dict) -> dict:
    """`values` with each callable replaced by what it returns, for an object being created: a demo picture
    is drawn and stored only when the page or snippet showing it is made, not on every run."""
    return {field: value() if callable(value) else value for field, value in values.items()}


def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def ensure_page(parent_by_language: dict[str, Page], spec: dict, page_class=ContentPage) -> dict[str, Page]:
    """Create the page of `spec` under each language's parent unless it is there; return them by language."""
    locales = ensure_locales()
    pages: dict[str, Page] = {}
    source = None
    for code, content in spec["content"].items():
        parent = parent_by_language[code]
        if source is None:
            existing = parent.get_children().filter(locale=locales[code], slug=spec["slug"]).first()
        else:
            existing = source.get_translation_or_none(locales[code])
        if existing is not None:
            pages[code] = existing.specific
            source = source or pages[code]
            continue
        if source is None:
            page = page_class(slug=spec["slug"], **made(content))
            parent.add_child(instance=page)
        else:
            page = source.copy_for_translation(locales[code])
            for field, value in made(content).items():
                setattr(page, field, value)
        page.show_in_menus = spec.get("show_in_menus", True)
        page.save_revision().publish()
        pages[code] = page
        source = source or page
    return pages


def ensure_tree(parent_by_language: dict[str, Page], spec: dict) -> dict[str, dict[str, Page]]:
    """The page of `spec` and its `children`, recursively; returns every page made, by slug and language."""
    pages = ensure_page(parent_by_language, spec)
    made = {spec["slug"]: pages}
    for child in spec.get("children", []):
        made.update(ensure_tree(pages, child))
    return made


def ensure_translatable(model, spec: dict, common: dict) -> dict[str, object]:
    """Create a translatable snippet in the default language and its translations, unless there."""
    locales = ensure_locales()
    objects: dict[str, object] = {}
    source = None
    for code, content in spec["content"].items():
        if source is None:
            obj = model.objects.filter(locale=locales[code], slug=spec["slug"]).first()
            if obj is None:
                obj = model(locale=locales[code], slug=spec["slug"], **made(common), **made(content))
                obj.save()
            source = obj
        else:
            obj = source.get_translation_or_none(locales[code])
            if obj is None:
                obj = source.copy_for_translation(locales[code])
                for field, value in made(content).items():
                    setattr(obj, field, value)
                obj.save()
        objects[code] = obj
    return objects
