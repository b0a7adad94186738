from .content import ContentPage
from .directory import HelpPage, PartnersPage
from .partners import Partner, SupportType
from .place import OpeningHours, SiteSettings, SocialLink, VisitPage
from .steering import ChairTurn

__all__ = [
    "ChairTurn",
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
