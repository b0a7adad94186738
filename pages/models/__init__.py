from .content import ContentPage
from .directory import HelpPage, PartnersPage
from .partners import Partner, SupportType
from .place import OpeningHours, SiteSettings, SocialLink, VisitPage

__all__ = [
    "ContentPage",
    "HelpPage",
    "OpeningHours",
    "Partner",
    "PartnersPage",
    "SiteSettings",
    "SocialLink",
    "SupportType",
    "VisitPage",
]
