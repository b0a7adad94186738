from .content import ContentPage
from .partners import HelpPage, Partner, PartnersPage, SupportType
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
