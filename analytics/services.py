"""Writes of analytics: a read received from the beacon, the day's salt, the nightly rollup and the deletion of
raw hits past their retention."""

import hashlib
import secrets
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from .models import BREAKDOWN_DIMENSIONS, DailySalt, PageHit, PageReadsDaily, ReadsRollup
from .traffic import asks_not_to_be_tracked, device_class, is_bot, is_prefetch, referrer_host, referrer_source

UTM_MAX_LENGTH = 100


def _salt_key(day: date) -> str:
    return f"analytics-salt-{day.isoformat()}"


def salt_of_day(*, day: date) -> str:
    """The day's random salt, made by the first read of the day, which also deletes every older one. Kept in
    the cache until the day ends, so a read costs no query for it; the next day's first read deletes it there too
    (a database cache keeps expired rows)."""
    key = _salt_key(day)
    salt = cache.get(key)
    if salt is None:
        row, created = DailySalt.objects.get_or_create(day=day, defaults={"salt": secrets.token_hex(32)})
        if created:
            DailySalt.objects.filter(day__lt=day).delete()
            cache.delete_many([_salt_key(day - timedelta(days=back)) for back in range(1, 8)])
        salt = row.salt
        day_ends = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=timezone.get_current_timezone())
        cache.set(key, salt, timeout=max(1, int((day_ends - timezone.now()).total_seconds())))
    return salt


def visitor_hash(*, salt: str, site: str, address: str, user_agent: str) -> str:
    """The Plausible model: one visitor on one site on one day; without the day's salt it cannot be recomputed."""
    material = "\x1f".join((salt, site, address, user_agent)).encode()
    return hashlib.blake2b(material, digest_size=16).hexdigest()


def _utm(url: str) -> dict[str, str]:
    query = parse_qs(urlsplit(url).query) if url else {}
    return {
        f"utm_{name}": (query.get(f"utm_{name}") or [""])[0].strip()[:UTM_MAX_LENGTH]
        for name in ("source", "medium", "campaign")
    }


def hit_receive(
    *, page, mission_id: int | None, site: str, url: str, referrer: str, language: str, address: str,
    user_agent: str, headers, private: bool,
) -> PageHit | None:
    """Count one read of a public `page`, or None when it was no read by a person: a crawler or a prefetch.
    `private` (the body's `dnt`), Do-Not-Track or Global Privacy Control count it without a visitor hash. The address
    and the user agent go into the hash and the device class, and are not kept."""
    if is_bot(user_agent) or is_prefetch(headers):
        return None
    now = timezone.now()
    today = timezone.localdate(now)
    host = referrer_host(referrer)
    own_host = (urlsplit(url).hostname or "").lower() if url else ""
    source = referrer_source(host, own_host=own_host)
    visitor = "" if private or asks_not_to_be_tracked(headers) else visitor_hash(
        salt=salt_of_day(day=today), site=site, address=address, user_agent=user_agent
    )
    return PageHit.objects.create(
        page=page, mission_id=mission_id, day=today, hour=now.replace(minute=0, second=0, microsecond=0),
        visitor=visitor, referrer_source=source, referrer_host="" if source == "direct" else host,
        language=language.split("-")[0].split("_")[0].lower()[:8], device=device_class(user_agent), **_utm(url),
    )


@dataclass
class DayRolledUp:
    day: date
    hits: int
    pages: int
    seconds: float


def _day_rollup(day: date) -> DayRolledUp:
    """Recount one day from its raw hits and replace its rollup rows with the result."""
    started = time.monotonic()
    hits = PageHit.objects.filter(day=day)
    with transaction.atomic():
        totals = list(hits.values("page_id").annotate(
            mission_id=Max("mission_id"), views=Count("id"), visitors=Count("visitor", distinct=True, filter=~Q(visitor=""))
        ))
        breakdown: dict[int, dict[str, dict[str, int]]] = defaultdict(dict)
        for dimension in BREAKDOWN_DIMENSIONS:
            for row in hits.exclude(**{dimension: ""}).values("page_id", dimension).annotate(views=Count("id")):
                breakdown[row["page_id"]].setdefault(dimension, {})[row[dimension]] = row["views"]
        PageReadsDaily.objects.filter(day=day).delete()
        PageReadsDaily.objects.bulk_create([
            PageReadsDaily(
                page_id=row["page_id"], mission_id=row["mission_id"], day=day, views=row["views"],
                visitors=row["visitors"], breakdown=breakdown[row["page_id"]],
            )
            for row in totals
        ], batch_size=1000)
        counted = sum(row["views"] for row in totals)
        ReadsRollup.objects.update_or_create(day=day, defaults={"hits": counted, "rolled_up_at": timezone.now()})
    return DayRolledUp(day=day, hits=counted, pages=len(totals), seconds=time.monotonic() - started)


def reads_rollup(*, progress: Callable[[DayRolledUp], None] | None = None) -> list[DayRolledUp]:
    """Roll up every day whose raw hits differ from what its rollup counted (new days, today, late hits).
    Idempotent: a second run finds nothing to do, and a forced recount gives the same rows."""
    raw_counts = dict(PageHit.objects.values_list("day").annotate(hits=Count("id")).values_list("day", "hits"))
    counted = dict(ReadsRollup.objects.filter(day__in=raw_counts).values_list("day", "hits"))
    done = []
    for day in sorted(day for day, hits in raw_counts.items() if counted.get(day) != hits):
        done.append(_day_rollup(day))
        if progress:
            progress(done[-1])
    return done


def raw_hits_prune(*, today: date | None = None) -> int:
    """Delete raw hits older than `HUB_ANALYTICS_RAW_DAYS` days whose day has been rolled up (and salts of past
    days, in case no read came today); their counts live on in `PageReadsDaily`. Returns how many were deleted."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.HUB_ANALYTICS_RAW_DAYS)
    DailySalt.objects.filter(day__lt=today).delete()
    deleted, _by_model = PageHit.objects.filter(
        day__lt=cutoff, day__in=ReadsRollup.objects.filter(day__lt=cutoff).values("day")
    ).delete()
    return deleted
