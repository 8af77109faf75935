"""The shapes demo content is written in: missions, pages in several languages, assets, staff.

The data files in `demo/data/` hold these plain values (`demo.content` reads them); `demo.services`
turns them into missions, pages, images and users. Bodies name images and documents by key
(`ImageRef`, `DocumentRef`) because the assets only exist once the seed has saved them.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from hub.roles import Role

Block = tuple[str, object]


class ImageRef(NamedTuple):
    """An image of the demo network, by its key in `demo.assets`."""

    key: str


class DocumentRef(NamedTuple):
    """A document of the demo network, by its key in `demo.assets`."""

    key: str


@dataclass(frozen=True)
class MissionSpec:
    """A mission as `hub.services.mission_create` takes it."""

    slug: str
    name: str
    kind: str
    country: str
    city: str
    region: str
    timezone: str
    languages: tuple[str, ...]
    names: dict[str, str] = field(default_factory=dict)
    contact: dict[str, str] = field(default_factory=dict)
    social_accounts: tuple[dict[str, str], ...] = ()

    @property
    def default_language_code(self) -> str:
        return self.languages[0]


@dataclass(frozen=True)
class Version:
    """A page as readers of one language see it."""

    title: str
    summary: str
    body: tuple[Block, ...] = ()
    share_x: str = ""
    share_facebook: str = ""
    share_linkedin: str = ""
    draft: bool = False


@dataclass(frozen=True)
class Event:
    """When and where an event happens, relative to the day the demo is seeded, in the mission's time."""

    starts_in_days: int
    hour: int
    minute: int = 0
    duration_hours: float = 2
    venue: str = ""
    address: str = ""
    online_url: str = ""
    registration_url: str = ""


@dataclass(frozen=True)
class Notice:
    """A consular notice's type, severity and period of validity, relative to the seeding day."""

    notice_type: str
    severity: str
    valid_from_days_ago: int
    valid_for_days: int | None = None


@dataclass(frozen=True)
class PageSpec:
    """One page of a mission and its translations; the first version is the source language.

    `status` is "live", "draft" (saved, never published) or "scheduled" (to go live later).
    """

    slug: str
    section: str
    versions: dict[str, Version]
    kind: str = "news"
    event: Event | None = None
    notice: Notice | None = None
    topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    hero: str = ""
    published_days_ago: int | None = None
    status: str = "live"
    go_live_in_days: int = 0

    @property
    def source_language(self) -> str:
        return next(iter(self.versions))

    @property
    def first_published_days_ago(self) -> int:
        """How long ago the source went live: explicit, or before the event or with the notice."""
        if self.published_days_ago is not None:
            return self.published_days_ago
        if self.event is not None:
            return max(2, 24 - self.event.starts_in_days)
        if self.notice is not None:
            return self.notice.valid_from_days_ago
        return 30


@dataclass(frozen=True)
class ImageSpec:
    """An image of a mission's collection; `file` is its path under `demo/data/`."""

    key: str
    mission: str
    title: str
    alt_text: str
    caption: str
    credit: str
    file: str
    licence: str = "ministry"
    licence_notes: str = ""
    is_shared: bool = False


@dataclass(frozen=True)
class DocumentSpec:
    """A PDF of a mission's collection; `file` is its path under `demo/data/`."""

    key: str
    mission: str
    title: str
    file: str
    credit: str = ""
    is_shared: bool = False


@dataclass(frozen=True)
class StaffSpec:
    """A demo account: one role, and the password printed for it (demo only)."""

    username: str
    password: str
    first_name: str
    last_name: str
    role: Role | None = None
    mission: str = ""
    region: str = ""
    superuser: bool = False


REVIEW_STATES = ("draft", "in_review", "changes_requested", "scheduled", "published")
DECIDED_STATES = ("changes_requested", "scheduled", "published")


@dataclass(frozen=True)
class ReviewSpec:
    """A page a demo account sends through its mission's review workflow, replayed at its moment: submitted
    `submitted_hours_ago` hours before the seed and, for decided states, decided by `reviewer` later."""

    mission: str
    author: str
    state: str
    page: PageSpec
    submitted_hours_ago: float
    reviewer: str = ""
    decided_hours_ago: float | None = None
    comment: str = ""
    go_live_in_days: int = 0
