"""StreamField blocks of the general content page."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale

from .freshness import remember


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (h2)")), ("h3", _("Subheading (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "pages/blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    """An image whose alternative text is required unless it is marked decorative."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative only"),
        required=False,
        help_text=_("Tick only if the image adds nothing to the text; screen readers then skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "pages/blocks/image_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [
                            ValidationError(
                                _("Write alternative text, or mark the image decorative."), code="alt_required"
                            )
                        ]
                    )
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Link text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or web address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "pages/blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ErrorList(
                        [ValidationError(_("Choose a page or write a web address, not both."), code="one_target")]
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "pages/blocks/quote_block.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "pages/blocks/faq_item_block.html"


class SteeringGroupBlock(blocks.StaticBlock):
    """The steering group's members, read from the partners marked as members, with the chair of today and the
    next one, computed from the rotation in the site settings."""

    class Meta:
        icon = "group"
        label = _("Steering group members")
        admin_text = _("Lists the partners marked as steering group members, with the current and the next chair.")
        template = "pages/blocks/steering_group_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        partners = apps.get_model("pages", "Partner").objects
        members = remember("steering-group", lambda: list(partners.localized().in_steering_group()), get_language())
        request = (parent_context or {}).get("request")
        site_settings = apps.get_model("pages", "SiteSettings").for_request(request) if request else None
        rotation = site_settings.chair_rotation(timezone.localdate()) if site_settings else None
        chair = rotation.current.translation_key if rotation and rotation.current else None
        following = rotation.next.translation_key if rotation and rotation.next else None
        by_key = {member.translation_key: member for member in members}
        context["members"] = sorted(members, key=lambda member: member.translation_key != chair)
        context["chair"] = by_key.get(chair)
        context["next_chair"] = by_key.get(following) if following != chair else None
        context["rotation"] = rotation
        return context


def support_type_choices():
    """Support types by their language-neutral short name, named in the default language."""
    support_types = apps.get_model("pages", "SupportType").objects.filter(locale=Locale.get_default())
    return [(support.slug, support.name) for support in support_types]


class SupportTypesBlock(blocks.MultipleChoiceBlock):
    """Support types chosen by short name. The stored names are strings already, so reading a page
    skips Wagtail's per-value search of the choices, which here would be a query per value."""

    def normalize_choice(self, value):
        return value


# Symbols in static/icons/icons.svg drawn for everyday situations.
SITUATION_ICONS = [
    ("talk", _("Speech bubbles")),
    ("food", _("Shopping bag")),
    ("child", _("Child and adult")),
    ("advice", _("Signpost")),
    ("friends", _("Group of people")),
    ("candle", _("Candle")),
    ("home", _("House")),
    ("money", _("Coins")),
]


class HelpSituationBlock(blocks.StructBlock):
    """A situation in a family's own words ("We need food or things") and the support that fits it."""

    label = blocks.CharBlock(label=_("Situation in everyday words"), max_length=120)
    slug = blocks.RegexBlock(
        label=_("Short name in addresses"),
        regex=r"^[-a-z0-9]+$",
        max_length=40,
        error_messages={"invalid": _("Use only lowercase letters a–z, digits and hyphens.")},
    )
    explanation = blocks.TextBlock(label=_("What kind of help there is"), max_length=600)
    support = SupportTypesBlock(label=_("Support types"), choices=support_type_choices)
    icon = blocks.ChoiceBlock(label=_("Picture"), choices=SITUATION_ICONS, default="talk")

    class Meta:
        icon = "help"
        label = _("Situation")


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Text"), icon="pilcrow", features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    faq = FaqItemBlock()
    steering_group = SteeringGroupBlock()
