"""Settings of the browser journey's server process (tests/browser/conftest.py starts it).

The test settings (fast hashing, immediate tasks), on the database the fixture copied for the journey
(DATABASE_URL), with the search engine and the mail server taken from the environment the way production reads them
(HUB_SEARCH_ENGINE, HUB_SEARCH_URL, HUB_SEARCH_INDEX_PREFIX; EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT: the fixture's
local SMTP server), the social platforms' API addresses and OAuth clients as JSON (HUB_SOCIAL_API_BASES,
HUB_SOCIAL_OAUTH_CLIENTS: the fixture's local fakes), and media served so screenshots show images.
"""

import json
import os

from hub.settings import base as from_environment
from hub.settings.test import *  # noqa: F401,F403

HUB_SEARCH_ENGINE = from_environment.HUB_SEARCH_ENGINE
HUB_SEARCH_URL = from_environment.HUB_SEARCH_URL
HUB_SEARCH_INDEX_PREFIX = from_environment.HUB_SEARCH_INDEX_PREFIX
HUB_SEARCH_TIMEOUT = from_environment.HUB_SEARCH_TIMEOUT
WAGTAILSEARCH_BACKENDS = from_environment.WAGTAILSEARCH_BACKENDS
HUB_SEARCH_FALLBACK_BACKEND = from_environment.HUB_SEARCH_FALLBACK_BACKEND

if "EMAIL_BACKEND" in os.environ:
    EMAIL_BACKEND = from_environment.EMAIL_BACKEND
    EMAIL_HOST, EMAIL_PORT, EMAIL_USE_TLS = from_environment.EMAIL_HOST, from_environment.EMAIL_PORT, from_environment.EMAIL_USE_TLS

HUB_SOCIAL_API_BASES = json.loads(os.environ.get("HUB_SOCIAL_API_BASES") or "{}")
HUB_SOCIAL_OAUTH_CLIENTS = json.loads(os.environ.get("HUB_SOCIAL_OAUTH_CLIENTS") or "{}")

WAGTAILADMIN_BASE_URL = os.environ.get("HUB_JOURNEY_BASE_URL", "http://127.0.0.1:8000")
# Links in the press centre's e-mails (verification, decisions) point at this server.
HUB_PRESS_SITE_BASE_URL = WAGTAILADMIN_BASE_URL
ROOT_URLCONF = "tests.browser.server_urls"

# The browser's requests overlap (autosave while the editor submits): on SQLite, writers queue for the lock
# from the start of their transaction instead of failing with "database is locked".
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 30}  # noqa: F405
