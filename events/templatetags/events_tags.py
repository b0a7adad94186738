import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from pages import freshness
from pages.models import SiteSettings

from .. import rota
from ..models.events import reader_key

register = template.Library()

# In a <script> element, "<" could end it early; JSON allows the same character escaped.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    """`{% event_json_ld page %}`: the event as schema.org JSON-LD for search engines (remembered: the same for
    every reader, and its organiser and picture would cost queries each time)."""
    request = context["request"]

    def build() -> str:
        data = event.json_ld(request, SiteSettings.for_request(request))
        return json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)

    text = freshness.remember("event-json-ld", build, event.pk, *reader_key(request))
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above


@register.simple_tag
def rota_member(event):
    """`{% rota_member page as member %}`: the steering-group member whose turn it is at a house meeting."""
    return rota.member_for(event)
