"""Production: everything from the environment, secure defaults that `check --deploy` accepts."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import TASK_BACKENDS, env_bool, env_list

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment (50+ random characters) in production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment in production.")

if not HUB_SOCIAL_TOKEN_KEYS:  # noqa: F405
    raise ImproperlyConfigured("HUB_SOCIAL_TOKEN_KEYS must be set in the environment in production (Fernet keys, "
                               "comma-separated, the first encrypts).")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("HUB_TASK_BACKEND", "database")]}}

# A CDN or reverse proxy to purge on publish: WAGTAILFRONTENDCACHE_URL=http://varnish:6081 (HTTP PURGE).
if os.environ.get("WAGTAILFRONTENDCACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["WAGTAILFRONTENDCACHE_URL"],
        }
    }

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    "private": {"BACKEND": "embassies.assets.storage.PrivateAssetStorage"},
}

# Persistent database connections (seconds; DATABASE_CONN_MAX_AGE=0 turns them off): opening one per request
# costs more than most API answers. Checked before reuse, so a restarted database is not an error.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# The shared cache: API throttle counts, CORS origins, the search engine's outage flag. Every worker on every
# host must see the same one, so production never uses a per-process cache unless told to:
#   HUB_CACHE_URL=redis://cache:6379/0  Redis (django's own backend; `pip install redis`)
#   HUB_CACHE_URL=db (default)           the database (`manage.py createcachetable` once), no extra service
#   HUB_CACHE_URL=locmem                 per process: one worker only, or throttles multiply by the workers
_CACHE_URL = os.environ.get("HUB_CACHE_URL", "db").strip()
if _CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _CACHE_URL}  # noqa: F405
    CACHES["presentation"] = {**CACHES["default"], "KEY_PREFIX": "presentation"}  # noqa: F405
elif _CACHE_URL == "db":
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "hub_cache"}  # noqa: F405
elif _CACHE_URL != "locmem":
    raise ImproperlyConfigured("HUB_CACHE_URL must be redis://…, db or locmem.")
