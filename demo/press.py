"""The press centre's demo (`demo/data/press.yaml`): journalists accredited, pending and expired, HQ's briefings
(one past with its published transcript, one weekly and upcoming, each with a journalist's question) and an
embargoed press release whose embargo ends a few days after the seed.

Found again by stable keys (journalist e-mail, page slug under its section), so a second seed writes nothing.
Journalists are written as the press office's decisions leave them (no decision e-mails from a seed); pages go
through Wagtail's revisions, so the release is scheduled exactly as an approved embargoed release is.
"""

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from zoneinfo import ZoneInfo

import yaml
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.test.utils import override_settings
from django.utils.html import escape
from wagtail.models import Page

from embassies.models import ArticlePage, SectionIndexPage
from hub.models import Mission
from hub.roles import HQ_PRESS_OFFICE_GROUP
from press.briefing_rules import BRIEFINGS_SECTION_SLUG
from press.models import AccreditationStatus, BriefingPage, BriefingQuestion, Journalist, QuestionStatus

from .background import jobs_run_once_at_end
from .content import DATA
from .report import DemoAccount, DemoSeedReport

PRESS_DATA = DATA / "press.yaml"
QUIET_MAIL = "django.core.mail.backends.locmem.EmailBackend"
HQ = "hq"


def press_demo_ensure(*, missions: dict[str, Mission], now: dt.datetime, report: DemoSeedReport) -> None:
    """Journalists, briefings and the embargoed release; each only if missing."""
    data = yaml.safe_load(PRESS_DATA.read_text(encoding="utf-8"))
    office = get_user_model().objects.filter(groups__name=HQ_PRESS_OFFICE_GROUP).order_by("pk").first()
    with transaction.atomic():
        journalists = _journalists_ensure(data["journalists"], missions=missions, now=now, office=office, report=report)
    # The release's embargo notice is sent (and recorded) as for any scheduled release, into a kept outbox rather
    # than onto the seed's console.
    with override_settings(EMAIL_BACKEND=QUIET_MAIL), transaction.atomic(), jobs_run_once_at_end():
        for spec in data["briefings"]:
            _briefing_ensure(spec, hq=missions[HQ], journalists=journalists, now=now, report=report)
        for spec in data["releases"]:
            _release_ensure(spec, mission=missions[spec["mission"]], now=now, report=report)


def _journalists_ensure(specs, *, missions, now, office, report: DemoSeedReport) -> dict[str, Journalist]:
    existing = {journalist.user.email: journalist for journalist in Journalist.objects.select_related("user")
                .filter(user__email__in=[spec["email"] for spec in specs])}
    new = [spec for spec in specs if spec["email"] not in existing]
    with ThreadPoolExecutor(max_workers=max(os.cpu_count() or 1, 1)) as pool:  # PBKDF2 releases the GIL
        hashed = list(pool.map(make_password, [spec["password"] for spec in new]))
    for spec, password in zip(new, hashed, strict=True):
        existing[spec["email"]] = _journalist_create(spec, password=password, missions=missions, now=now, office=office)
    for spec in specs:
        created = spec in new
        report.created["journalists"] += created
        report.found["journalists"] += not created
        report.accounts.append(DemoAccount(spec["email"], spec["password"], f"Journalist · {spec['state']} (press area)", created))
    return existing


def _journalist_create(spec, *, password: str, missions, now, office) -> Journalist:
    user = get_user_model().objects.create_user(
        username=spec["email"], email=spec["email"], password=None, first_name=spec["full_name"][:150]
    )
    user.password = password
    user.save(update_fields=["password"])
    accredited_until = {
        "accredited": now + dt.timedelta(days=300), "expired": now - dt.timedelta(days=20), "pending": None,
    }[spec["state"]]
    journalist = Journalist.objects.create(
        user=user, full_name=spec["full_name"], outlet=spec["outlet"], outlet_country=spec["outlet_country"],
        role=spec["role"], language_codes=spec["languages"],
        status=AccreditationStatus.PENDING if spec["state"] == "pending" else AccreditationStatus.ACCREDITED,
        accredited_until=accredited_until, email_verified_at=now - dt.timedelta(days=30),
        decided_at=None if accredited_until is None else accredited_until - dt.timedelta(days=365),
        decided_by=None if accredited_until is None else office,
    )
    chosen = [missions[slug] for slug in spec["missions"]]
    journalist.requested_missions.set(chosen)
    if accredited_until is not None:
        journalist.missions.set(chosen)
    return journalist


def _section(mission: Mission, language_code: str, slug: str) -> SectionIndexPage:
    return SectionIndexPage.objects.get(mission=mission, locale__language_code=language_code, slug=slug)


def _briefing_ensure(spec, *, hq: Mission, journalists, now, report: DemoSeedReport) -> None:
    section = _section(hq, hq.default_language_code, BRIEFINGS_SECTION_SLUG)
    if Page.objects.child_of(section).filter(slug=spec["slug"]).exists():
        report.found["briefings"] += 1
        return
    zone = ZoneInfo(hq.timezone)
    today = now.astimezone(zone).date()
    if "starts_on_weekday" in spec:
        day = today + dt.timedelta(days=(spec["starts_on_weekday"] - today.weekday() - 1) % 7 + 1)  # next one, not today
    else:
        day = today + dt.timedelta(days=spec["starts_in_days"])
    starts_at = dt.datetime.combine(day, dt.time(spec["hour"]), zone)
    page = BriefingPage(
        title=spec["title"], slug=spec["slug"], summary=spec["summary"], starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=1), briefing_format=spec["format"], venue=spec["venue"],
        live_stream_url=spec["live_stream_url"], spokesperson=spec["spokesperson"], language_code="en",
        interpretation_languages=["fr", "ar"], live=False,
    )
    if spec.get("weekly_on"):
        page.recurrence_frequency, page.recurrence_weekdays = "WEEKLY", spec["weekly_on"]
    page.transcript = [
        ("exchange", {
            "question": item["question"], "journalist": item.get("journalist", ""), "outlet": item["outlet"],
            "answer": f"<p>{escape(item['answer'])}</p>", "spokesperson": spec["spokesperson"],
        })
        for item in spec.get("transcript", [])
    ]
    section.add_child(instance=page)
    page.save_revision().publish()
    for item in spec.get("transcript", []):
        if item.get("asked_by"):
            BriefingQuestion.objects.create(
                briefing=page, journalist=journalists[item["asked_by"]], text=item["question"],
                status=QuestionStatus.ANSWERED, answer=item["answer"], answered_at=starts_at + dt.timedelta(minutes=20),
                in_transcript_at=starts_at + dt.timedelta(hours=2),
            )
    if spec.get("question"):
        BriefingQuestion.objects.create(
            briefing=page, journalist=journalists[spec["question"]["asked_by"]], text=spec["question"]["text"]
        )
    report.created["briefings"] += 1


def _release_ensure(spec, *, mission: Mission, now, report: DemoSeedReport) -> None:
    """An approved press release with a go-live in the future: Wagtail schedules it, and until that moment only
    the journalists accredited for the mission read it (the embargo)."""
    section = _section(mission, spec["language"], "news")
    if Page.objects.child_of(section).filter(slug=spec["slug"]).exists():
        report.found["embargoed releases"] += 1
        return
    zone = ZoneInfo(mission.timezone)
    go_live_at = dt.datetime.combine(
        now.astimezone(zone).date() + dt.timedelta(days=spec["embargo_in_days"]), dt.time(9, 0), zone
    )
    page = ArticlePage(
        title=spec["title"], slug=spec["slug"], summary=spec["summary"], kind="press_release",
        body=[("rich_text", spec["body"])], embargo_for_press=True, go_live_at=go_live_at, live=False,
    )
    section.add_child(instance=page)
    page.save_revision().publish()  # a future go-live: publishing only schedules it
    report.created["embargoed releases"] += 1
