from ..assets.models import AssetKind, AssetLicence, HubDocument, HubImage, HubRendition, PeopleConsent
from .pages import (
    SOCIAL_SHARE_LIMITS,
    ArticleKind,
    ArticlePage,
    ConsularNoticePage,
    ConsularNoticeType,
    EventPage,
    HQRootPage,
    MissionContentPage,
    MissionHomePage,
    NetworkRootPage,
    NoticeSeverity,
    SectionIndexPage,
)
from .snippets import Topic

__all__ = [
    "SOCIAL_SHARE_LIMITS",
    "ArticleKind",
    "ArticlePage",
    "AssetKind",
    "AssetLicence",
    "PeopleConsent",
    "ConsularNoticePage",
    "ConsularNoticeType",
    "EventPage",
    "HQRootPage",
    "HubDocument",
    "HubImage",
    "HubRendition",
    "MissionContentPage",
    "MissionHomePage",
    "NetworkRootPage",
    "NoticeSeverity",
    "SectionIndexPage",
    "Topic",
]
