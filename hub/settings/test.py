"""Fast, isolated settings for the test suite."""

from .base import *  # noqa: F401,F403
import os

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "presentation": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-presentation"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One media directory per pytest-xdist worker (PYTEST_XDIST_WORKER is gw0, gw1, …): parallel workers never share files.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", "/tmp/embassy-hub-test-media" + (f"-{_XDIST_WORKER}" if _XDIST_WORKER else ""))
# Popular answers are rendered again inside the request that sees a new content version (hub/kept_answers.py): a
# background thread would not see the test's uncommitted data.
HUB_KEPT_ANSWERS_REWARM = "inline"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
HUB_PRESS_SITE_BASE_URL = WAGTAILADMIN_BASE_URL

# The suite runs on database search whatever the environment says; tests/search point the hub at the live
# engine themselves (HUB_SEARCH_TEST_URL), each run under its own index prefix.
HUB_SEARCH_ENGINE = ""
HUB_SEARCH_INDEX_PREFIX = f"test-{os.getpid()}-"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
HUB_SEARCH_FALLBACK_BACKEND = "default"

# Throttle counts live in the cache for the whole run: keep the anonymous rate out of other tests' way
# (tests/api/test_consumers.py sets its own rates), and let webhook tests POST to a loopback receiver.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anonymous": "100000/min", "api_key": "100000/min", "journalist_token": "100000/min"}}  # noqa: F405
HUB_WEBHOOKS = {**HUB_WEBHOOKS, "ALLOW_LOCAL_ADDRESSES": True, "TIMEOUT_SECONDS": 2}  # noqa: F405

# The demo network, for tests/demo and the seed tests; production settings never install it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

# A fixed token key when none is set, so development works out of the box; never used in production.
if not HUB_SOCIAL_TOKEN_KEYS:  # noqa: F405
    import base64 as _b64
    import hashlib as _hashlib
    HUB_SOCIAL_TOKEN_KEYS = [_b64.urlsafe_b64encode(_hashlib.sha256(b"embassy-hub-test-only-social-tokens").digest()).decode()]
