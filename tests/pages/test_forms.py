"""The directory's filter forms: what they keep, what they leave out, and what they tell the reader."""

from types import SimpleNamespace

from django.http import QueryDict
from django.utils import translation

from pages.forms import MAX_FILTER_VALUES, PartnerFilterForm, SituationForm

SUPPORT = [SimpleNamespace(slug=slug, name=slug.title(), icon="people") for slug in ("vertaistuki", "aineellinen")]
SITUATIONS = [{"slug": "ruoka", "label": "Tarvitsemme ruokaa", "support": ["aineellinen"]}]


def partner_filter(query: str) -> PartnerFilterForm:
    return PartnerFilterForm(QueryDict(query), support_types=SUPPORT)


def test_known_support_types_are_kept_once_each_in_the_order_given():
    form = partner_filter("tuki=aineellinen&tuki=vertaistuki&tuki=aineellinen&tuki=")
    assert [support.slug for support in form.values["tuki"]] == ["aineellinen", "vertaistuki"]
    assert form.notices == []


def test_unknown_support_types_are_left_out_with_one_notice_in_the_readers_language():
    with translation.override("sv"):
        form = partner_filter("tuki=olematon&tuki=aineellinen&tuki=toinen")
        assert [support.slug for support in form.values["tuki"]] == ["aineellinen"]
        assert [str(notice) for notice in form.notices] == [
            "Några av stödformerna du valde finns inte. De togs bort ur sökningen."
        ]


def test_values_past_the_limit_are_not_read():
    form = partner_filter("&".join(["tuki=olematon"] * MAX_FILTER_VALUES + ["tuki=aineellinen"]))
    assert form.values["tuki"] == []


def test_an_overlong_word_is_left_out_and_explained_but_the_support_filter_still_applies():
    with translation.override("fi"):
        form = partner_filter("tuki=vertaistuki&q=" + "x" * 101)
        assert form.values["q"] == ""
        assert [support.slug for support in form.values["tuki"]] == ["vertaistuki"]
        assert len(form.notices) == 1 and "100" in form.notices[0]


def test_an_empty_address_cleans_to_no_filter():
    form = PartnerFilterForm(None, support_types=SUPPORT)
    assert form.values == {"tuki": [], "q": ""}
    assert form.notices == []


def test_a_known_situation_cleans_to_the_situation_and_an_unknown_one_to_nothing_with_a_notice():
    assert SituationForm(QueryDict("tilanne=ruoka"), situations=SITUATIONS).values["tilanne"] == SITUATIONS[0]
    with translation.override("en"):
        unknown = SituationForm(QueryDict("tilanne=" + "x" * 3000), situations=SITUATIONS)
        assert not unknown.values["tilanne"]
        assert [str(notice) for notice in unknown.notices] == [
            "We could not find that situation. Please choose one from the list."
        ]


def test_a_submission_key_is_kept_while_the_form_is_corrected_and_refused_when_tampered():
    import uuid

    from pages.forms import SubmissionKeyForm

    key = str(uuid.uuid4())
    kept = SubmissionKeyForm({"submission_key": key})
    assert kept.is_valid() and kept.cleaned_data["submission_key"] == uuid.UUID(key)
    assert kept.next_submission_key == key
    tampered = SubmissionKeyForm({"submission_key": "nonsense"})
    assert not tampered.is_valid()
    assert [error.code for error in tampered.non_field_errors().as_data()] == ["no_key"]
    assert tampered.next_submission_key != "nonsense"
    assert uuid.UUID(tampered.next_submission_key)
    assert SubmissionKeyForm().next_submission_key != SubmissionKeyForm().next_submission_key
