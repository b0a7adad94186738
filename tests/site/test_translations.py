"""The Finnish and Swedish catalogs are complete, safe to format, and the compiled ones are loaded.

The msgids are English, so English needs no catalog. `make messages` compiles the .po files into
the (git-ignored) .mo files before the tests run.
"""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils.translation import gettext, override

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = ["fi", "sv"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
HEADER_FIELD = re.compile(r'^"([\w-]+): ?(.*?)\\n"$', re.MULTILINE)


def po_path(language):
    path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing: run `make messages-update`"
    return path


def load_catalog(language):
    with po_path(language).open("rb") as po_file:
        return read_po(po_file, locale=language)


def header_fields(language):
    """The header entry as written (Babel fills gaps in its own view of the header from CLDR)."""
    header = po_path(language).read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(HEADER_FIELD.findall(header))


def messages(catalog):
    """Every real message (the header has an empty msgid)."""
    return [message for message in catalog if message.id]


def sources_and_translations(message):
    """Pairs of (English source, translation): msgid to msgstr[0], msgid_plural to the other forms."""
    if not message.pluralizable:
        return [(message.id, message.string or "")]
    singular, plural = message.id[0], message.id[1]
    forms = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return [(singular if index == 0 else plural, form or "") for index, form in enumerate(forms)]


def show(msgids):
    return "\n".join(f"  {msgid!r}" for msgid in msgids)


@pytest.fixture(params=LANGUAGES)
def catalog(request):
    return load_catalog(request.param)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_names_the_project_language_and_plural_rule(language):
    headers = header_fields(language)
    assert headers.get("Project-Id-Version") == "Kohtaamo"
    assert headers.get("Language") == language
    assert headers.get("Plural-Forms") == "nplurals=2; plural=(n != 1);"
    assert not load_catalog(language).fuzzy, f"the {language} header is marked fuzzy"


def test_the_catalog_has_messages(catalog):
    assert len(messages(catalog)) > 50


def test_every_message_is_translated_in_every_plural_form(catalog):
    untranslated = []
    for message in messages(catalog):
        pairs = sources_and_translations(message)
        expected_forms = catalog.num_plurals if message.pluralizable else 1
        if len(pairs) != expected_forms or not all(translation.strip() for _source, translation in pairs):
            untranslated.append(message.id)
    assert not untranslated, f"{catalog.locale}: {len(untranslated)} untranslated message(s):\n{show(untranslated)}"


def test_no_message_is_fuzzy(catalog):
    fuzzy = [message.id for message in messages(catalog) if message.fuzzy]
    assert not fuzzy, f"{catalog.locale}: check these and remove the `#, fuzzy` flag:\n{show(fuzzy)}"


def test_no_obsolete_messages_linger(catalog):
    assert not catalog.obsolete, f"{catalog.locale}: obsolete entries:\n{show(catalog.obsolete)}"


def test_translations_keep_every_placeholder_of_the_source(catalog):
    broken = []
    for message in messages(catalog):
        for source, translation in sources_and_translations(message):
            if not translation:
                continue  # reported by the completeness test
            missing = set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(translation))
            if missing:
                broken.append(f"{source!r} -> {translation!r} lacks {sorted(missing)}")
    assert not broken, f"{catalog.locale}: placeholders lost in translation:\n" + "\n".join(broken)


def test_translations_add_no_unknown_placeholders(catalog):
    """A placeholder the source does not have raises KeyError when the string is formatted."""
    broken = []
    for message in messages(catalog):
        pairs = sources_and_translations(message)
        known = set().union(*(PLACEHOLDER.findall(source) for source, _translation in pairs))
        for _source, translation in pairs:
            unknown = set(PLACEHOLDER.findall(translation)) - known
            if unknown:
                broken.append(f"{message.id!r} -> {translation!r} adds {sorted(unknown)}")
    assert not broken, f"{catalog.locale}: placeholders the source does not have:\n" + "\n".join(broken)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fi", "Siirry pääsisältöön"), ("sv", "Hoppa till huvudinnehållet")],
)
def test_the_compiled_catalog_is_loaded(language, expected):
    with override(language):
        translated = gettext("Skip to main content")
    assert translated == expected, (
        f"{language}: got {translated!r}; is locale/{language}/LC_MESSAGES/django.mo compiled? Run `make messages`."
    )
