"""No cold path after a publish: the answers readers ask for most are rendered again for the new content version.

The API's kept answers (api/caching.py) and the reference site's kept pages (frontend_templates/caching.py) are
keyed by the content version, so a publish anywhere retires all of them at once, and the next reader of each would
wait for a full render. Two things spare them that:

* **Re-rendering the most requested answers.** Each process counts the public answers it gives (`asked`: 200s
  and 304s, so a URL that answers 404 is never re-rendered). The first request that sees a new content version (`seen`) starts one background thread in its process, which requests the
  most asked-for URLs again through the hub's own handler (no network, no cookies, no credentials), so they are
  kept for the new version before readers ask. Nothing stale is ever served: an unpublished page is gone from the
  first answer after the publish, which a stale-while-revalidate answer could not promise.
  The process that publishes starts it as soon as the change commits (`content_changed`).
* **One render per burst.** A reader who misses takes a lock in the cache (`cache.add`, atomic in every backend);
  the others who miss the same answer meanwhile wait a moment for it (`kept_or_wait`) instead of rendering it
  again, and render it themselves only if it does not come.

Settings: `HUB_KEPT_ANSWERS_REWARM_TOP` (how many URLs, 0 turns re-rendering off), `HUB_KEPT_ANSWERS_REWARM`
(`background`, or `inline` to re-render inside the request that noticed, for tests), `HUB_KEPT_ANSWERS_WAIT_SECONDS`
(how long a reader waits for another's render).
"""

import logging
import threading
import time
from collections import Counter
from io import BytesIO

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import connections, transaction

logger = logging.getLogger(__name__)

# A request the hub makes of itself; WSGI keys without the HTTP_ prefix cannot come from a client.
REWARM_ENVIRON_KEY = "hub.rewarm"
LOCK_SECONDS = 30  # a render that takes longer, or died, lets the next reader take over
_POLL_SECONDS = 0.02
_TRACKED_MAX = 1000  # distinct URLs counted per process; the least asked-for go first

_lock = threading.Lock()
_popularity: Counter = Counter()
_seen_version: str | None = None


def _request_key(request) -> tuple:
    return (request.scheme, request.get_host(), request.get_full_path(), request.headers.get("Accept", ""))


def seen(request, version: str) -> None:
    """A public request under `version`: the first one to see a new content version re-renders the most requested
    answers. The hub's own requests note the version too (so they never start another round), nothing else."""
    global _seen_version
    with _lock:
        changed = _seen_version is not None and version != _seen_version
        _seen_version = version
        top = _most_requested() if changed and not request.META.get(REWARM_ENVIRON_KEY) else []
    if top:
        _rewarm_start(top)


def asked(request) -> None:
    """Count a public answer given (a 200 or a 304), so only URLs that answer are ever re-rendered; the hub's own
    requests are not readers."""
    if request.META.get(REWARM_ENVIRON_KEY):
        return
    with _lock:
        _popularity[_request_key(request)] += 1
        if len(_popularity) > _TRACKED_MAX:
            for key, _count in _popularity.most_common()[_TRACKED_MAX // 2 :]:
                del _popularity[key]


def _most_requested() -> list[tuple]:
    """The most requested URLs, then halve every count so popularity follows what readers ask for lately."""
    limit = getattr(settings, "HUB_KEPT_ANSWERS_REWARM_TOP", 20)
    top = [key for key, _count in _popularity.most_common(limit)] if limit > 0 else []
    for key in list(_popularity):
        _popularity[key] //= 2
        if not _popularity[key]:
            del _popularity[key]
    return top


def content_changed(**_kwargs) -> None:
    """page_published / page_unpublished receiver: once the change commits, this process (the one that published)
    renders its most requested answers again at once, before a reader has to notice the new version."""
    def start():
        with _lock:
            top = _most_requested()
        if top:
            _rewarm_start(top)

    transaction.on_commit(start)


def _rewarm_start(keys: list[tuple]) -> None:
    if getattr(settings, "HUB_KEPT_ANSWERS_REWARM", "background") == "inline":
        rewarm(keys)
        return
    thread = threading.Thread(target=_rewarm_in_background, args=(keys,), name="kept-answers-rewarm", daemon=True)
    thread.start()


def _rewarm_in_background(keys: list[tuple]) -> None:
    try:
        rewarm(keys)
    finally:
        connections.close_all()  # this thread's own connections


def rewarm(keys: list[tuple]) -> int:
    """Request each (scheme, host, path, Accept) through the hub's own handler, so its answer is kept for the
    current content version; returns how many answered 200. A failing URL is logged and the others go on."""
    handler = BaseHandler()
    handler.load_middleware()
    answered = 0
    for scheme, host, full_path, accept in keys:
        path, _question, query = full_path.partition("?")
        name, _colon, port = host.partition(":")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SCRIPT_NAME": "",
            "SERVER_NAME": name,
            "SERVER_PORT": port or ("443" if scheme == "https" else "80"),
            "HTTP_HOST": host,
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": scheme,
            "wsgi.input": BytesIO(),
            REWARM_ENVIRON_KEY: True,
        }
        if accept:
            environ["HTTP_ACCEPT"] = accept
        try:
            # get_response, not the WSGI entry point: no request_started/finished signals, which would close the
            # database connection of the request this may run inside.
            response = handler.get_response(WSGIRequest(environ))
            answered += response.status_code == 200
        except Exception:  # one broken URL must not stop the rest
            logger.exception("re-rendering %s failed", full_path)
    return answered


def kept_or_wait(store, key: str):
    """The kept value under `key`; on a miss, the lock to render it, or a short wait for the reader who holds it.

    Returns (value, holds_lock): a value to answer with, or None with holds_lock telling whether this reader took
    the lock (and must `release` it once it has kept its answer)."""
    value = store.get(key)
    if value is not None:
        return value, False
    if store.add(_lock_key(key), 1, LOCK_SECONDS):
        return None, True
    deadline = time.monotonic() + getattr(settings, "HUB_KEPT_ANSWERS_WAIT_SECONDS", 2.0)
    while time.monotonic() < deadline:
        time.sleep(_POLL_SECONDS)  # another reader is rendering this answer; nothing to await but the cache
        value = store.get(key)
        if value is not None:
            return value, False
    return None, False


def release(store, key: str) -> None:
    store.delete(_lock_key(key))


def _lock_key(key: str) -> str:
    return f"{key}:rendering"


def forget() -> None:
    """Drop the counts and the last seen version (tests)."""
    global _seen_version
    with _lock:
        _popularity.clear()
        _seen_version = None
