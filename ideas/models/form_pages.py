"""Pages whose questions staff write with Wagtail's form builder: the yearly visitor survey (anonymous) and
the ways to take part, whose interest form tells the coordinator by e-mail (the place's e-mail address in
its site settings). Each translation has its own questions; answers are Wagtail form submissions.

Both forms are sent the same way (`AnswerFormMixin`): rate limited, a hidden trap field for robots, text
with hidden control characters or over a length limit refused with a message, and a submission key that
makes a double submit store one answer. The key is kept in the answer's JSON (`SUBMISSION_KEY`, a name no
question can have) and looked up among the page's answers of the last day, under a lock on the page row,
so it holds across app servers and restarts without a column of its own. After sending, the visitor is
redirected to the thank-you address `kiitos/` below the page.
"""

import datetime
import uuid

from django import forms
from django.db import models, transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractFormField, FormMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from pages import throttle
from pages.blocks import ContentStreamBlock
from pages.exports import SafeSubmissionsListView
from pages.forms import PlainTextField, SubmissionKeyForm, TrapFieldForm
from pages.models.content import SectionPage

from ..interest_mail import queue_interest_mail

SINGLE_LINE_MAX = 255
MULTI_LINE_MAX = 2000
TEXT_LIMIT_MESSAGE = _("Use at most %(limit_value)d characters (you wrote %(show_value)d).")
ANSWER_PREFIX = "q"
"""The answers' field names start with this, so a question can never take the name of the key or the trap."""
SUBMISSION_KEY = "_submission_key"
"""Where an answer keeps its submission key in its JSON: a question's name never starts with "_"."""
KEY_KEPT = datetime.timedelta(days=1)
THANKS_PATH = "kiitos"


class FirstOptionRadioSelect(forms.RadioSelect):
    """Radio buttons whose field points at its first button, so the error summary's link lands on the question
    (Django's radio buttons point nowhere)."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class FirstOptionCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class PlainTextFormBuilder(FormBuilder):
    """Wagtail's form builder with visitors' text read as `PlainTextField` (hidden characters refused) under a
    length limit with a message, and choice questions whose error links find them."""

    def text_options(self, options: dict, limit: int) -> dict:
        return {**options, "max_length": limit, "error_messages": {"max_length": TEXT_LIMIT_MESSAGE}}

    def create_singleline_field(self, field, options):
        return PlainTextField(**self.text_options(options, SINGLE_LINE_MAX))

    def create_multiline_field(self, field, options):
        return PlainTextField(widget=forms.Textarea(attrs={"rows": 5}), **self.text_options(options, MULTI_LINE_MAX))

    def create_hidden_field(self, field, options):
        return PlainTextField(widget=forms.HiddenInput, **self.text_options(options, SINGLE_LINE_MAX))

    def create_email_field(self, field, options):
        return forms.EmailField(**self.text_options(options, 254))

    def create_number_field(self, field, options):
        return forms.DecimalField(max_digits=12, **options)

    def create_radio_field(self, field, options):
        return super().create_radio_field(field, {**options, "widget": FirstOptionRadioSelect})

    def create_dropdown_field(self, field, options):
        """An optional list starts with an empty choice, so that skipping it answers nothing (not its first)."""
        choices = self.get_formatted_field_choices(field)
        if not options.get("required"):
            choices = [("", "—"), *choices]
        return forms.ChoiceField(**{**options, "choices": choices})

    def create_checkboxes_field(self, field, options):
        return super().create_checkboxes_field(field, {**options, "widget": FirstOptionCheckboxSelectMultiple})


class GuardForm(SubmissionKeyForm, TrapFieldForm):
    """What every sending carries besides the answers: the submission key and a trap field for robots."""


def never_cached(response):
    """A page with a form (its CSRF token) or an answer's thanks: never kept in a shared cache."""
    add_never_cache_headers(response)
    return response


class AnswerFormMixin(FormMixin):
    """Serves a form-builder page that the public answers (see the module's docstring)."""

    form_builder = PlainTextFormBuilder
    submissions_list_view_class = SafeSubmissionsListView
    throttle_scope = ""
    tries_per_client = throttle.Limit(30, 10 * 60)
    """Sendings of the form, corrections included."""
    answers_per_client = throttle.Limit(10, 60 * 60)
    answers_overall = throttle.Limit(500, 60 * 60)

    def get_form_parameters(self):
        return {"prefix": ANSWER_PREFIX}

    def route(self, request, path_components):
        if path_components == [THANKS_PATH] and self.live:
            return RouteResult(self, kwargs={"thanks": True})
        return super().route(request, path_components)

    def thanks_url(self, request) -> str:
        return self.get_url(request) + THANKS_PATH + "/"

    def serve(self, request, *args, thanks=False, **kwargs):
        allowed = ("GET", "HEAD") if thanks else ("GET", "HEAD", "POST")
        if request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        if thanks:
            return never_cached(self.render_landing_page(request))
        if request.method != "POST":
            return self.render_form(request, self.get_form(page=self, user=request.user), GuardForm())
        if not throttle.allow(request, f"{self.throttle_scope}-tries", self.tries_per_client):
            return throttle.too_many_requests(request, self.tries_per_client)
        form = self.get_form(request.POST, page=self, user=request.user)
        guard = GuardForm(request.POST)
        if guard.caught:  # answered as if stored; nothing is
            return self.refuse_answer(request) or redirect(self.thanks_url(request))
        if form.is_valid() and guard.is_valid():
            key = guard.cleaned_data["submission_key"]
            if self.has_answer(key):
                return redirect(self.thanks_url(request))
            refused = self.refuse_answer(request)
            if refused is not None:
                return refused
            self.store_answer(form, key)
            return redirect(self.thanks_url(request))
        for error in guard.non_field_errors():
            form.add_error(None, error)
        return self.render_form(request, form, guard)

    def refuse_answer(self, request):
        """The 429 page once this client, or everybody together, has sent too many answers; else None."""
        if not throttle.allow(request, self.throttle_scope, self.answers_per_client):
            return throttle.too_many_requests(request, self.answers_per_client)
        if not throttle.allow_overall(self.throttle_scope, self.answers_overall):
            return throttle.too_many_requests(request, self.answers_overall, overall=True)
        return None

    def has_answer(self, key: uuid.UUID) -> bool:
        """Whether an answer sent with `key` is stored (keys are looked for among the last day's answers)."""
        recent = self.get_submissions().filter(submit_time__gte=timezone.now() - KEY_KEPT)
        return recent.filter(**{f"form_data__{SUBMISSION_KEY}": str(key)}).exists()

    def store_answer(self, form, key: uuid.UUID):
        """Stores the answers once per key (None when the key's answer was already stored)."""
        with transaction.atomic():
            # Locking the page row makes concurrent sendings of one key wait for each other (on SQLite the
            # IMMEDIATE transaction already does).
            list(Page.objects.select_for_update().filter(pk=self.pk).values_list("pk", flat=True))
            if self.has_answer(key):
                return None
            submission = self.process_form_submission(form, submission_key=key)
            self.answer_stored(submission)
        return submission

    def process_form_submission(self, form, submission_key: uuid.UUID | None = None):
        data = dict(form.cleaned_data)
        if submission_key is not None:
            data[SUBMISSION_KEY] = str(submission_key)
        return self.get_submission_class().objects.create(form_data=data, page=self)

    def answer_stored(self, submission) -> None:
        """Called in the storing transaction; what else a stored answer starts."""

    def render_form(self, request, form, guard):
        context = self.get_context(request)
        context.update(form=form, guard=guard)
        return never_cached(TemplateResponse(request, self.get_template(request), context))

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["guard"] = GuardForm()
        return context


class SurveyPage(AnswerFormMixin, SectionPage):
    """A visitor survey (once a year): anonymous, no name or address asked, one answer per sending."""

    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=["bold", "italic", "link"])

    content_panels = SectionPage.content_panels + [
        InlinePanel("form_fields", label=_("questions")),
        FieldPanel("thank_you_text"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    throttle_scope = "survey"
    # Families may answer on the place's tablet, all from one address.
    tries_per_client = throttle.Limit(90, 10 * 60)
    answers_per_client = throttle.Limit(30, 60 * 60)
    answers_overall = throttle.Limit(1000, 60 * 60)

    class Meta:
        verbose_name = _("survey page")
        verbose_name_plural = _("survey pages")

    def summary_admin_url(self) -> str:
        """The admin's summary of the survey's answers (all its translations together)."""
        return reverse("ideas_survey_summary", args=[self.pk])


class SurveyField(AbstractFormField):
    page = ParentalKey(SurveyPage, on_delete=models.CASCADE, related_name="form_fields")


class TakePartPage(AnswerFormMixin, SectionPage):
    """Ways to take part (volunteer, intern, peer group leader, co-development day) and an interest form."""

    body = StreamField(
        ContentStreamBlock(), verbose_name=_("ways to take part"), blank=True, help_text=_("One heading per way.")
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=["bold", "italic", "link"])

    content_panels = SectionPage.content_panels + [
        FieldPanel("body"),
        InlinePanel("form_fields", label=_("interest form")),
        FieldPanel("thank_you_text"),
    ]
    search_fields = SectionPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    throttle_scope = "take-part"
    answers_per_client = throttle.Limit(5, 60 * 60)
    answers_overall = throttle.Limit(100, 60 * 60)

    class Meta:
        verbose_name = _("ways to take part page")
        verbose_name_plural = _("ways to take part pages")

    def answer_stored(self, submission) -> None:
        queue_interest_mail(submission)


class TakePartField(AbstractFormField):
    page = ParentalKey(TakePartPage, on_delete=models.CASCADE, related_name="form_fields")
