"""Journalists for tests, in each state of accreditation; briefings; embargoed releases."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from embassies import factories as content
from embassies.models import SectionIndexPage

from .models import AccreditationStatus, BriefingPage, Journalist

PASSWORD = "correct-horse-battery-staple-42"


def journalist(
    username: str = "reporter",
    *,
    status: str = AccreditationStatus.ACCREDITED,
    missions=(),
    accredited_until=None,
    outlet: str = "Le Courrier",
    outlet_country: str = "FR",
    **fields,
) -> Journalist:
    """A journalist account (a plain, non-staff user with `PASSWORD`); accredited for a year by default."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD
    )
    if status == AccreditationStatus.ACCREDITED and accredited_until is None:
        accredited_until = timezone.now() + timedelta(days=365)
    created = Journalist.objects.create(
        user=user,
        full_name=fields.pop("full_name", username.title()),
        outlet=outlet,
        outlet_country=outlet_country,
        status=status,
        accredited_until=accredited_until,
        **fields,
    )
    if missions:
        created.missions.set(missions)
    return created


def briefings_section(mission, language_code: str | None = None):
    """The mission's "press-briefings" section (HQ has one from provisioning; another mission gets one added)."""
    language_code = language_code or mission.default_language_code
    try:
        return content.section(mission, "press-briefings", language_code)
    except SectionIndexPage.DoesNotExist:
        home = mission.home_pages.get(locale__language_code=language_code)
        return content.added(home, SectionIndexPage(title="Press briefings", slug="press-briefings"))


def briefing(parent, *, title: str = "Regular press briefing", starts_at=None, live: bool = True, **fields) -> BriefingPage:
    """A briefing under `parent` (a press-briefings section), an hour long, in person by default."""
    starts_at = starts_at or timezone.now() + timedelta(days=3)
    fields = {
        "summary": "The spokesperson's regular briefing.", "venue": "Press room, Ministry", "spokesperson": "Ana Silva",
        "ends_at": starts_at + timedelta(hours=1), **fields,
    }
    return content.added(parent, BriefingPage(title=title, starts_at=starts_at, **fields), live=live)


# --- embargo ---


def embargoed_release(mission, *, title, until=None, language=None, kind="press_release", missions=(),
                      network_wide=False, section="news", body="Text under embargo", **fields):
    """A release approved with a future go-live: Wagtail schedules it (not live) and keeps that revision. `body` is
    text for one rich-text block, or the blocks themselves."""
    page = content.article(
        content.section(mission, section, language), title=title, live=False, kind=kind,
        summary=f"{title} standfirst", body=[("rich_text", f"<p>{body}</p>")] if isinstance(body, str) else body,
        embargo_for_press=True, embargo_network_wide=network_wide,
        go_live_at=until or timezone.now() + timedelta(hours=2), **fields,
    )
    if missions:
        page.embargo_missions.set(missions)
    page.save_revision().publish()  # a future go-live: publishing only schedules it
    page.refresh_from_db()
    return page
