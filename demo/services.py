"""Writes of the demo network: missions, topics, assets, pages with translations, staff accounts (and, through
`demo.scenarios`, content in review, the API consumer and its webhook).

Everything is found again by a stable key before anything is created (mission slug, topic slug and
locale, image or document title in the mission's collection, page slug under its section, username),
so a second run finds the whole network and writes nothing. Pages are created and published through
Wagtail's own revision and translation API, then back-dated so lists and facets look lived-in.
"""

import hashlib
import io
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, time, timedelta
from itertools import groupby
from typing import NamedTuple, Protocol, TypeVar
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, PageLogEntry

from embassies.models import (
    ArticlePage,
    ConsularNoticePage,
    EventPage,
    HubDocument,
    HubImage,
    MissionContentPage,
    MissionHomePage,
    SectionIndexPage,
    Topic,
)
from embassies.selectors import mission_sections_missing
from hub.models import Mission, Region
from hub.roles import Role
from hub.services import locale_ensure, mission_create, mission_provision, role_grant

from . import scenarios
from .background import jobs_run_once_at_end
from .press import press_demo_ensure
from .content import DATA, DemoContent, demo_content
from .report import DemoAccount, DemoSeedReport
from .spec import DocumentRef, DocumentSpec, ImageRef, ImageSpec, MissionSpec, PageSpec, StaffSpec, Version

T = TypeVar("T")


class Progress(Protocol):
    """Wraps the items of one phase of the seed, e.g. to draw a progress bar over them."""

    def __call__(self, items: Sequence[T], *, desc: str, unit: str) -> Iterable[T]: ...


def _without_progress(items: Sequence[T], *, desc: str, unit: str) -> Iterable[T]:
    return items


class _Assets(NamedTuple):
    images: dict[str, HubImage]
    documents: dict[str, HubDocument]


class _PageWork(NamedTuple):
    mission: Mission
    page: PageSpec
    language_code: str


def demo_seed(*, progress: Progress = _without_progress, content: DemoContent | None = None) -> DemoSeedReport:
    """Build the demo network from the data files, or find it built: missions, topics, assets, about 160 pages, staff,
    content in every state of review, an API consumer with a key and a failing webhook, and the press centre's
    journalists, briefings and an embargoed release."""
    content = content or demo_content()
    report = DemoSeedReport()
    with transaction.atomic():
        topics = _topics_ensure(content, report=report)
    missions = {
        spec.slug: _mission_ensure(spec, report=report)
        for spec in progress(content.missions, desc="Missions", unit="mission")
    }
    assets = _assets_ensure(content, missions=missions, report=report, progress=progress)
    writer = PageWriter(topics=topics, assets=assets, report=report, now=timezone.now())
    _pages_ensure(content, missions=missions, writer=writer, progress=progress)
    with transaction.atomic():
        hashed = _passwords_hashed(content.staff)
        report.accounts = [_account_ensure(spec, missions=missions, hashed=hashed, report=report) for spec in content.staff]
    with transaction.atomic():
        consumer, report.api_key = scenarios.api_consumer_ensure(missions=missions, report=report)
        webhook = scenarios.webhook_ensure(consumer=consumer, missions=missions, report=report)
    users = {user.username: user for user in get_user_model().objects.filter(username__in=[spec.username for spec in content.staff])}
    scenarios.reviews_ensure(content.reviews, writer=writer, missions=missions, users=users, report=report)
    press_demo_ensure(missions=missions, now=writer.now, report=report)
    report.webhook = webhook
    report.deliveries_attempted = scenarios.webhook_deliveries_attempt(webhook=webhook)
    return report


def _topics_ensure(content: DemoContent, *, report: DemoSeedReport) -> dict[tuple[str, str], Topic]:
    """The policy topics in every demo language, translations sharing the English topic's key."""
    topics = {}
    for slug, names in content.topics.items():
        english, created = Topic.objects.get_or_create(
            slug=slug,
            locale=locale_ensure(language_code="en"),
            defaults={"name": names["en"], "description": content.topic_descriptions[slug]},
        )
        report.created["topics"] += created
        report.found["topics"] += not created
        topics[slug, "en"] = english
        for code, name in names.items():
            if code == "en":
                continue
            topic, created = Topic.objects.get_or_create(
                slug=slug,
                locale=locale_ensure(language_code=code),
                defaults={"name": name, "translation_key": english.translation_key},
            )
            report.created["topics"] += created
            report.found["topics"] += not created
            topics[slug, code] = topic
    return topics


def _mission_ensure(spec: MissionSpec, *, report: DemoSeedReport) -> Mission:
    """The mission with the spec's slug, created and provisioned through `mission_create` if missing."""
    mission = Mission.objects.filter(slug=spec.slug).first()
    if mission is not None:
        report.found["missions"] += 1
        if mission.collection_id is None or mission_sections_missing(mission=mission):
            mission_provision(mission=mission)  # e.g. a press-briefings section, standard since issue 16
        return mission
    with transaction.atomic(), jobs_run_once_at_end():
        mission = _mission_create(spec)
    report.created["missions"] += 1
    return mission


def _mission_create(spec: MissionSpec) -> Mission:
    mission, _provisioning = mission_create(
        slug=spec.slug,
        name=spec.name,
        kind=spec.kind,
        country=spec.country,
        city=spec.city,
        region=Region.objects.get(slug=spec.region),
        timezone=spec.timezone,
        default_language_code=spec.default_language_code,
        extra_language_codes=list(spec.languages[1:]),
        names=spec.names,
        social_accounts=list(spec.social_accounts),
        **spec.contact,
    )
    return mission


def _assets_ensure(
    content: DemoContent, *, missions: dict[str, Mission], report: DemoSeedReport, progress: Progress
) -> _Assets:
    assets = _Assets({}, {})
    for spec in progress([*content.images, *content.documents], desc="Images and documents", unit="file"):
        mission = missions[spec.mission]
        if isinstance(spec, ImageSpec):
            assets.images[spec.key] = _image_ensure(spec, mission=mission, report=report)
        else:
            assets.documents[spec.key] = _document_ensure(spec, mission=mission, report=report)
    return assets


def _image_ensure(spec: ImageSpec, *, mission: Mission, report: DemoSeedReport) -> HubImage:
    """The image titled so in the mission's collection, saved from its data file with its provenance if missing.

    Its renditions are made when first asked for (Wagtail's signed dynamic-serve URLs), not during the seed."""
    existing = HubImage.objects.filter(collection=mission.collection, title=spec.title).first()
    if existing is not None:
        report.found["images"] += 1
        return existing
    path = DATA / spec.file
    data = path.read_bytes()
    image = HubImage(
        title=spec.title,
        collection=mission.collection,
        file=ImageFile(io.BytesIO(data), name=path.name),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
        alt_text=spec.alt_text,
        caption=spec.caption,
        credit=spec.credit,
        source_mission=mission,
        licence=spec.licence,
        licence_notes=spec.licence_notes,
        is_shared=spec.is_shared,
    )
    image.renditions_on_demand = True
    image.save()
    report.created["images"] += 1
    return image


def _document_ensure(spec: DocumentSpec, *, mission: Mission, report: DemoSeedReport) -> HubDocument:
    """The document titled so in the mission's collection, saved from its data file if missing."""
    existing = HubDocument.objects.filter(collection=mission.collection, title=spec.title).first()
    if existing is not None:
        report.found["documents"] += 1
        return existing
    path = DATA / spec.file
    data = path.read_bytes()
    document = HubDocument.objects.create(
        title=spec.title,
        collection=mission.collection,
        file=ContentFile(data, name=path.name),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
        credit=spec.credit,
        source_mission=mission,
        is_shared=spec.is_shared,
    )
    report.created["documents"] += 1
    return document


def _pages_ensure(content: DemoContent, *, missions: dict[str, Mission], writer: "PageWriter", progress: Progress) -> None:
    """Every page and translation of every mission, one transaction per mission."""
    work = []
    for slug, mission in missions.items():
        languages = set(mission.language_codes)
        for page in content.pages.get(slug, ()):
            if page.source_language in languages:
                work.extend(_PageWork(mission, page, code) for code in page.versions if code in languages)
    for _mission, items in groupby(progress(work, desc="Pages and translations", unit="page"), key=lambda item: item.mission.pk):
        with transaction.atomic(), jobs_run_once_at_end():
            for item in items:
                writer.ensure(item)


class PageWriter:
    """Finds or creates one page version at a time; a translation is made from its source page."""

    def __init__(self, *, topics: dict[tuple[str, str], Topic], assets: _Assets, report: DemoSeedReport, now: datetime):
        self.topics = topics
        self.assets = assets
        self.report = report
        self.now = now
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.sections: dict[tuple[int, str, str], SectionIndexPage] = {}

    def ensure(self, item: _PageWork) -> None:
        mission, spec, code = item
        source = self.existing(mission, spec, spec.source_language)
        if code == spec.source_language:
            if source is not None:
                self.report.found["pages"] += 1
                return
            self.create_source(mission, spec)
            self.report.created["pages"] += 1
            return
        if source is None:
            return
        if source.get_translation_or_none(self.locales[code]) is not None:
            self.report.found["translations"] += 1
            return
        self._create_translation(mission, spec, code, source)
        self.report.created["translations"] += 1

    def _section(self, mission: Mission, code: str, slug: str) -> SectionIndexPage:
        key = (mission.pk, code, slug)
        if key not in self.sections:
            home = MissionHomePage.objects.get(mission=mission, locale__language_code=code)
            self.sections[key] = SectionIndexPage.objects.child_of(home).get(slug=slug)
        return self.sections[key]

    def existing(self, mission: Mission, spec: PageSpec, code: str) -> MissionContentPage | None:
        page = Page.objects.child_of(self._section(mission, code, spec.section)).filter(slug=spec.slug).first()
        return page.specific if page is not None else None

    def create_source(self, mission: Mission, spec: PageSpec, *, user=None, go_live_at=None) -> MissionContentPage:
        """The page in its source language, its first revision saved by `user`; published unless a draft."""
        page_class = EventPage if spec.event else ConsularNoticePage if spec.notice else ArticlePage
        page = page_class(slug=spec.slug, live=False, **self._details(mission, spec))
        if page_class is ArticlePage:
            page.kind = spec.kind
        if spec.status == "scheduled":
            go_live_at = self.local_morning(mission, spec.go_live_in_days)
        page.go_live_at = go_live_at
        self._write_version(page, spec, spec.versions[spec.source_language], spec.source_language)
        self._section(mission, spec.source_language, spec.section).add_child(instance=page)
        revision = page.save_revision(user=user, log_action=user is not None)  # an edit by a person shows in their history
        if spec.status == "draft":
            return page
        revision.publish()
        if spec.status == "live":
            self._backdate(page, self._published_at(mission, spec.first_published_days_ago))
        return page

    def _create_translation(self, mission: Mission, spec: PageSpec, code: str, source: MissionContentPage) -> None:
        version = spec.versions[code]
        page = source.copy_for_translation(self.locales[code])
        self._write_version(page, spec, version, code)
        revision = page.save_revision()
        if version.draft or not source.live:
            return
        revision.publish()
        self._backdate(page, self._published_at(mission, max(spec.first_published_days_ago - 1, 0)))

    def _details(self, mission: Mission, spec: PageSpec) -> dict:
        """Type-specific fields: an event's times in the mission's zone, a notice's validity."""
        zone = ZoneInfo(mission.timezone)
        today = self.now.astimezone(zone).date()
        details: dict = {"hero_image": self.assets.images.get(spec.hero)}
        if spec.event:
            event = spec.event
            starts_at = datetime.combine(today + timedelta(days=event.starts_in_days), time(event.hour, event.minute), zone)
            details |= {
                "starts_at": starts_at,
                "ends_at": starts_at + timedelta(hours=event.duration_hours),
                "timezone": mission.timezone,
                "venue": event.venue,
                "address": event.address,
                "online_url": event.online_url,
                "registration_url": event.registration_url,
            }
        if spec.notice:
            notice = spec.notice
            valid_from = datetime.combine(today - timedelta(days=notice.valid_from_days_ago), time(8, 0), zone)
            details |= {
                "notice_type": notice.notice_type,
                "severity": notice.severity,
                "valid_from": valid_from,
                "valid_until": valid_from + timedelta(days=notice.valid_for_days) if notice.valid_for_days else None,
            }
        return details

    def _write_version(self, page: MissionContentPage, spec: PageSpec, version: Version, code: str) -> None:
        page.title = page.draft_title = version.title
        page.summary = version.summary
        page.body = [(block_type, self._resolved(value)) for block_type, value in version.body]
        page.share_text_x = version.share_x
        page.share_text_facebook = version.share_facebook
        page.share_text_linkedin = version.share_linkedin
        page.tags.set(list(spec.tags))
        page.topics.set([self.topics.get((slug, code)) or self.topics[slug, "en"] for slug in spec.topics])

    def _resolved(self, value):
        """Block values with image and document keys replaced by the saved assets."""
        if isinstance(value, ImageRef):
            return self.assets.images[value.key]
        if isinstance(value, DocumentRef):
            return self.assets.documents[value.key]
        if isinstance(value, dict):
            return {key: self._resolved(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self._resolved(item) for item in value]
        return value

    def local_morning(self, mission: Mission, days_ahead: int) -> datetime:
        """08:00 in the mission's time zone, `days_ahead` days from now."""
        zone = ZoneInfo(mission.timezone)
        return datetime.combine(self.now.astimezone(zone).date() + timedelta(days=days_ahead), time(8, 0), zone)

    def _published_at(self, mission: Mission, days_ago: int) -> datetime:
        """A plausible office-hours moment `days_ago` days back, in the mission's time zone."""
        local = self.now.astimezone(ZoneInfo(mission.timezone))
        moment = local.replace(hour=9 + days_ago % 7, minute=(days_ago * 17) % 60, second=0, microsecond=0)
        return min(moment - timedelta(days=days_ago), self.now)

    def _backdate(self, page: Page, when: datetime) -> None:
        """Move a just-published page's dates, revisions and history to when it was 'really' published."""
        Page.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when, latest_revision_created_at=when
        )
        page.revisions.update(created_at=when)
        PageLogEntry.objects.filter(page_id=page.pk).update(timestamp=when)


def _passwords_hashed(staff: Sequence[StaffSpec]) -> dict[str, str]:
    """The stored password of each account still to create, hashed side by side: each hash is a long PBKDF2
    loop in hashlib, which releases the GIL, so the cores share them."""
    existing = set(get_user_model().objects.filter(username__in=[spec.username for spec in staff]).values_list("username", flat=True))
    new = [spec for spec in staff if spec.username not in existing]
    with ThreadPoolExecutor(max_workers=max(os.cpu_count() or 1, 1)) as pool:
        return dict(zip([spec.username for spec in new], pool.map(make_password, [spec.password for spec in new]), strict=True))


def _account_ensure(
    spec: StaffSpec, *, missions: dict[str, Mission], hashed: dict[str, str], report: DemoSeedReport
) -> DemoAccount:
    """A demo login holding its role; an existing account keeps its password and is only given the role."""
    User = get_user_model()
    user = User.objects.filter(username=spec.username).first()
    created = user is None
    if created:
        create = User.objects.create_superuser if spec.superuser else User.objects.create_user
        user = create(
            username=spec.username,
            email=f"{spec.username}@demo.mfa.example",
            password=None,
            first_name=spec.first_name,
            last_name=spec.last_name,
        )
        user.password = hashed[spec.username]
        user.save(update_fields=["password"])
    report.created["accounts"] += created
    report.found["accounts"] += not created
    mission = missions.get(spec.mission)
    region = Region.objects.get(slug=spec.region) if spec.region else None
    if spec.role is not None:
        role_grant(user=user, role=spec.role, mission=mission, region=region)
    return DemoAccount(spec.username, spec.password, _role_label(spec, mission, region), created)


def _role_label(spec: StaffSpec, mission: Mission | None, region: Region | None) -> str:
    if spec.superuser:
        return "Superuser"
    label = Role(spec.role).label
    scope = mission.name if mission else region.name if region else ""
    return f"{label} · {scope}" if scope else str(label)
