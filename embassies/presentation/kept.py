"""Page presentations kept per revision: the JSON of a page's summary, detail and body is built once per
published revision and host, and read back from the `presentation` cache by every later answer.

What a key covers, and why a kept value is never stale:

* the page's own state: id, live revision, last publish time, locale and URL path. Publishing makes a new
  revision (and publish time); a move changes the URL path. Everything the summary, detail and body read of the
  page itself is its live revision's content.
* the origin (scheme and host) of the request: image, document, page and API URLs are absolute.
* `version_beyond_page_log()`: the content version without its page-log part. Every logged edit of an image
  (metadata, focal point, file), document, mission, topic or site moves it, and so does the clock (a notice
  coming into or out of force, an event ending, an expiry passing), so what a summary reads of those is current.
* the newest rendition's id: a rendition made after the value was built (by the task, or on first fetch of a
  signed URL) replaces a signed URL with the file's, so it retires every kept value that shows images.
* for a body, the public pages among those it links to, with their URL paths: a linked page published,
  unpublished or moved changes the body's links.
* `PRESENTATION_VERSION`: raise it when the shape of the JSON changes, so no worker reads an older shape.

What is *not* kept per revision: whether the page itself is public (every answer still selects its pages with
`pages_public()`, so an unpublished, expired or restricted page is never answered from here), and what follows
other pages' public state. Those values (which pages a list's page of results holds, a detail's public page, a
page's alternates, the site's navigation, mission home and home listings) are built through the same public
querysets and kept by `kept_while_content_unchanged` under the whole content version instead, which every
publish, unpublish, move, view restriction, expiry and logged edit moves: the next answer builds them again.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db.models import Max
from wagtail.models import Page

from ..content_version import content_version_of, version_beyond_page_log
from ..models import HubRendition
from ..selectors import pages_public
from .assets import request_origin
from .body import body_linked_page_ids, page_body

PRESENTATION_VERSION = 1
CACHE_ALIAS = "presentation"
KEEP_SECONDS = 24 * 3600  # only lets values of old revisions go; a new revision is a new key
_MISSING = object()


def _store():
    """The `presentation` cache, or None when the deployment has none (then every answer is built)."""
    return caches[CACHE_ALIAS] if CACHE_ALIAS in settings.CACHES else None


def _stamps(request) -> tuple[str, str]:
    """(what every per-revision value of this answer depends on beyond its page, what every value kept per content
    version depends on): worked out once per request, from one content version and the newest rendition."""
    request = getattr(request, "_request", request)
    stamps = getattr(request, "hub_presentation_stamps", None)
    if stamps is None:
        newest_rendition = HubRendition.objects.aggregate(newest=Max("id"))["newest"]
        version = content_version_of(request)[0]
        beyond_page_log = version_beyond_page_log(version)
        origin = request_origin(request)
        stamps = request.hub_presentation_stamps = (
            f"{beyond_page_log}|{newest_rendition}|{origin}",
            f"{version}|{newest_rendition}|{origin}",
        )
    return stamps


def _shared_stamp(request) -> str:
    return _stamps(request)[0]


def _key(kind: str, page: Page, stamp: str, extra: str = "") -> str:
    published = page.last_published_at.isoformat() if page.last_published_at else ""
    raw = f"{PRESENTATION_VERSION}|{page.live_revision_id}|{published}|{page.locale_id}|{page.url_path}|{stamp}|{extra}"
    return f"page-{kind}:{page.pk}:{hashlib.sha256(raw.encode()).hexdigest()[:32]}"


def kept_summaries(pages: list[Page], *, request, build) -> list[dict]:
    """Summaries of `pages` (base pages with id, live revision, publish time, locale and URL path loaded), in
    order: kept ones in one `get_many`, the rest built by `build(missing_pages) -> {page id: summary}` in one
    batch and kept. A page `build` leaves out (gone meanwhile) is left out here too."""
    store = _store()
    if store is None:
        built = build(pages)
        return [built[page.pk] for page in pages if page.pk in built]
    stamp = _shared_stamp(request)
    keys = {page.pk: _key("summary", page, stamp) for page in pages}
    found = store.get_many(keys.values())
    missing = [page for page in pages if keys[page.pk] not in found]
    built = build(missing) if missing else {}
    if built:
        store.set_many({keys[pk]: summary for pk, summary in built.items()}, KEEP_SECONDS)
    summaries = []
    for page in pages:
        summary = found.get(keys[page.pk]) if page.pk not in built else built[page.pk]
        if summary is not None:
            summaries.append(summary)
    return summaries


def _public_linked(linked_ids) -> list[tuple[int, str]]:
    if not linked_ids:
        return []
    return sorted(pages_public(queryset=Page.objects.filter(pk__in=linked_ids)).values_list("pk", "url_path"))


def kept_body(page: Page, *, request, specific: Page | None = None) -> list[dict]:
    """The body of `page`, kept per revision and per public state of the pages it links to. `specific`: the
    page's specific instance with its body, when the caller has it (else it is loaded on a miss)."""
    store = _store()
    if store is None:
        return page_body(specific or page.specific, request=request)
    stamp = _shared_stamp(request)
    links_key = _key("links", page, stamp)
    linked_ids = store.get(links_key)
    if linked_ids is not None:
        public = _public_linked(linked_ids)
        body_key = _key("body", page, stamp, repr(public))
        body = store.get(body_key)
        if body is not None:
            return body
    specific = specific or page.specific
    linked_ids = sorted(body_linked_page_ids(specific.body))
    public = _public_linked(linked_ids)
    body = page_body(specific, request=request, public_page_ids={pk for pk, _path in public})
    store.set_many({links_key: linked_ids, _key("body", page, stamp, repr(public)): body}, KEEP_SECONDS)
    return body


def kept_value(kind: str, page: Page, *, request, build):
    """Any other presentation of `page` that depends only on its revision (and what the shared stamp covers):
    kept under `kind`, built by `build()` on a miss."""
    store = _store()
    if store is None:
        return build()
    key = _key(kind, page, _shared_stamp(request))
    value = store.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        store.set(key, value, KEEP_SECONDS)
    return value


def kept_while_content_unchanged(kind: str, parts: str, *, request, build):
    """A value built from the public state of many pages at once (which pages a listing shows, a page's public
    translations, a mission's sections, whether a page is public at all): kept under the whole content version,
    which every publish, unpublish, move, view restriction, expiry and logged edit moves, so the next answer
    after any of them builds it again through the public querysets. `parts`: what else the value depends on
    (page id, query); the origin is in the key. `build()` raising (a bad query) keeps nothing."""
    store = _store()
    if store is None:
        return build()
    raw = f"{PRESENTATION_VERSION}|{_stamps(request)[1]}|{parts}"
    key = f"public-{kind}:{hashlib.sha256(raw.encode()).hexdigest()[:32]}"
    value = store.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        store.set(key, value, KEEP_SECONDS)
    return value
