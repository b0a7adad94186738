"""Partners under one roof and the kinds of support they give."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from ..freshness import remember
from ..listing import attach_support
from ..localized import LocalizedQuerySet, SynchronizedFieldsMixin
from ..phone import PhoneNumberField
from ..phone import display as display_phone

SAME_IN_EVERY_LANGUAGE = _("The same in every language: saving here changes every translation.")


class Sector(models.TextChoices):
    CITY = "city", _("City")
    WELLBEING_COUNTY = "county", _("Wellbeing services county")
    NGO = "ngo", _("Non-profit organisation")
    PARISH = "parish", _("Parish")
    OTHER = "other", _("Other")


class SupportCategory(models.TextChoices):
    """The seed's taxonomy: peer support, psychosocial support and practical (instrumental) support."""

    PEER = "peer", _("Peer support")
    PSYCHOSOCIAL = "psychosocial", _("Psychosocial support")
    INSTRUMENTAL = "instrumental", _("Practical support")


class SupportIcon(models.TextChoices):
    PEOPLE = "people", _("People together")
    HEART = "heart", _("Heart")
    INFO = "info", _("Information")
    LIGHT = "light", _("Light")
    HANDS = "hands", _("Helping hands")
    BASKET = "basket", _("Basket")


class SupportType(SynchronizedFieldsMixin, TranslatableMixin, index.Indexed, models.Model):
    """A kind of support (peer, emotional, informational, spiritual, functional, material)."""

    synchronized_fields = ("slug", "category", "icon", "sort_order")

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("short name in addresses"),
        max_length=40,
        allow_unicode=True,
        help_text=_("Used in filter addresses, e.g. ?tuki=aineellinen."),
    )
    category = models.CharField(_("category"), max_length=20, choices=SupportCategory.choices)
    explanation = models.TextField(_("plain-language explanation"), max_length=500)
    icon = models.CharField(_("icon"), max_length=20, choices=SupportIcon.choices, default=SupportIcon.PEOPLE)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = LocalizedQuerySet.as_manager()
    search_fields = [index.SearchField("name"), index.SearchField("explanation"), index.FilterField("locale_id")]
    panels = [
        FieldPanel("name"),
        FieldPanel("explanation"),
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("category"), FieldPanel("icon"), FieldPanel("sort_order")],
            heading=_("Facts"),
            help_text=SAME_IN_EVERY_LANGUAGE,
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("support type")
        verbose_name_plural = _("support types")
        ordering = ["sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_support_type_slug_per_locale")]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def for_reader(cls) -> list["SupportType"]:
        """`SupportType.objects.localized()` as a list: the same for every reader of a language."""
        return remember("support-types", lambda: list(cls.objects.localized()), translation.get_language())


class PartnerQuerySet(LocalizedQuerySet):
    def in_steering_group(self):
        return self.filter(in_steering_group=True)

    def giving(self, support_types):
        """Partners that give any of these support types, whichever language the types are in."""
        keys = [support.translation_key for support in support_types]
        return self.filter(support_types__translation_key__in=keys).distinct()

    def matching(self, text: str):
        return self.filter(Q(name__icontains=text) | Q(description__icontains=text) | Q(responsibility__icontains=text))

    def filtered(self, support_types, text: str):
        """The directory's filter: partners giving any of the support types and matching the text; empty keeps all."""
        partners = self.giving(support_types) if support_types else self
        return partners.matching(text) if text else partners

    def for_listing(self, renditions: bool = True):
        """Everything a listing shows, in a fixed number of queries however many partners there are.

        With every rendition of each logo (a handful): the directory's cards and a partner's own page ask for
        different sizes and formats, and Wagtail makes a rendition missing from the prefetched ones again on
        every request. Rows to be remembered take none (`renditions=False`): they would keep only the renditions
        made before; Wagtail's rendition cache finds those made since."""
        if not renditions:
            return self.select_related("locale", "logo").prefetch_related("support_types")
        from wagtail.images import get_image_model

        return self.select_related("locale").prefetch_related(
            "support_types", Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions())
        )


class PartnerForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.locale_id:  # offer the support types of the partner's own language
            support = self.fields["support_types"]
            support.queryset = support.queryset.filter(locale_id=self.instance.locale_id)


class Partner(SynchronizedFieldsMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    """An organisation working in the place: its sector, the support it gives, and how to reach it."""

    synchronized_fields = (
        "slug",
        "sector",
        "support_types",
        "phone",
        "email",
        "website",
        "logo",
        "in_steering_group",
        "sort_order",
    )

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name in addresses"), max_length=80, allow_unicode=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    description = models.TextField(_("description"), max_length=1000, help_text=_("One paragraph in plain words."))
    responsibility = models.CharField(
        _("area of responsibility in the place"),
        max_length=250,
        blank=True,
        help_text=_("What this partner is responsible for in the place, as agreed."),
    )
    support_types = ParentalManyToManyField(SupportType, verbose_name=_("support given"), blank=True)
    phone = PhoneNumberField(_("phone"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(
        _("logo's alternative text"), max_length=200, blank=True, help_text=_("Usually the organisation's name.")
    )
    in_steering_group = models.BooleanField(_("member of the steering group"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = PartnerQuerySet.as_manager()
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.SearchField("responsibility"),
        index.AutocompleteField("name"),
        index.FilterField("sector"),
        index.FilterField("locale_id"),
    ]
    base_form_class = PartnerForm
    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("responsibility"),
        FieldPanel("logo_alt"),
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("sector"),
                FieldPanel("support_types", widget=forms.CheckboxSelectMultiple),
                FieldPanel("logo"),
                FieldPanel("sort_order"),
            ],
            heading=_("Facts"),
            help_text=SAME_IN_EVERY_LANGUAGE,
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Contact"),
            help_text=SAME_IN_EVERY_LANGUAGE,
        ),
        MultiFieldPanel(
            [FieldPanel("in_steering_group")],
            heading=_("Steering group"),
            help_text=_(
                "The same in every language. The chair's rotation is set in the site settings, among the members."
            ),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_partner_slug_per_locale")]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def for_reader(cls) -> list["Partner"]:
        """Every partner in the reader's language (`localized()`, `for_listing()`), each with `.support` attached:
        the directory unfiltered, the partners' own pages and the help page read them from the cache."""

        def build():
            partners = cls.objects.localized().for_listing(renditions=False)
            return attach_support(list(partners), SupportType.for_reader())

        return remember("partners", build, translation.get_language())

    def clean(self):
        super().clean()
        errors = {}
        if self.logo_id and not self.logo_alt.strip():
            errors["logo_alt"] = ValidationError(
                _("Write alternative text for the logo, usually the organisation's name.")
            )
        if errors:
            raise ValidationError(errors)

    @property
    def support_names(self) -> str:
        return ", ".join(support.name for support in self.support_types.all())

    @property
    def steering_group_role(self) -> str:
        return str(_("Member")) if self.in_steering_group else ""

    steering_group_role.fget.short_description = _("steering group")

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone)

    @property
    def logo_text(self) -> str:
        """The logo's alternative text; the name where a translation has none yet (the logo is shared)."""
        return self.logo_alt.strip() or self.name

    @property
    def anchor(self) -> str:
        return f"toimija-{self.slug}"
