from wagtail.snippets.models import register_snippet

from .viewsets import PartnerGroup

register_snippet(PartnerGroup)
