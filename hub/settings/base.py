"""Settings shared by every environment; anything deploy-specific comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean flag such as DEBUG=1 / DEBUG=false from the environment."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated list from the environment, ignoring blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hub",
    "embassies",
    "search",
    "api",
    "frontend_templates",
    "press",
    "social",
    "analytics",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    # After wagtail.admin: its ready() replaces Wagtail's synchronous workflow e-mails with queued ones.
    "moderation",
    "modelcluster",
    "taggit",
    "django_filters",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hub.middleware.RejectNulBytesMiddleware",
    # CORS under /api/ only, for origins an active consumer lists (api.consumers.signal_handlers.cors_origin_listed).
    "corsheaders.middleware.CorsMiddleware",
    # Django's own 4xx/5xx answers under /api/ (unknown paths, uncaught exceptions) in the API's JSON shape.
    "api.middleware.ApiErrorBodyMiddleware",
    # Sessions, users and messages are skipped under /api/, which authenticates by key (hub/middleware.py).
    "hub.middleware.SessionMiddleware",
    "hub.middleware.HubLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "hub.middleware.AuthenticationMiddleware",
    "hub.middleware.MessageMiddleware",
    # Admin URLs naming another mission's object answer 404 before their view runs (hub/isolation.py).
    "hub.isolation.AdminIsolationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Public reference-site pages: Cache-Control, ETag/Last-Modified, 304s and kept pages (frontend_templates/caching.py).
    "frontend_templates.caching.SitePageCacheMiddleware",
]

# Browsers on an origin listed by an active API consumer may read the API from JavaScript; no origin is allowed
# by settings, each is allowed by the check_request_enabled signal, and every API answer varies by Origin.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOWED_ORIGINS: list[str] = []
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = [
    "Accept", "Accept-Language", "Authorization", "Content-Type", "If-None-Match", "If-Modified-Since", "X-Api-Key",
]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]
CORS_PREFLIGHT_MAX_AGE = 600

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: DATABASE_URL (PostgreSQL in production and CI); SQLite is the embedded default.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One writer at a time: a transaction takes the write lock when it starts (not when it first writes, which
    # fails at once with "database is locked" if another process writes meanwhile), and waits up to 20 s for it.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. The admin speaks these languages; content may use any of
# the content languages below (a configurable subset via HUB_CONTENT_LANGUAGES).
LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

ALL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("vi", "Tiếng Việt"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
    ("zh-hans", "简体中文"),
    ("ru", "Русский"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("de", "Deutsch"),
    ("pt", "Português"),
    ("hi", "हिन्दी"),
]
_wanted_languages = env_list("HUB_CONTENT_LANGUAGES")
_unknown_languages = set(_wanted_languages) - {code for code, _ in ALL_CONTENT_LANGUAGES}
if _unknown_languages:
    raise ImproperlyConfigured(f"HUB_CONTENT_LANGUAGES has unknown codes: {sorted(_unknown_languages)}")
WAGTAIL_CONTENT_LANGUAGES = [
    (code, name) for code, name in ALL_CONTENT_LANGUAGES if not _wanted_languages or code in _wanted_languages
]
if not any(code == LANGUAGE_CODE for code, _ in WAGTAIL_CONTENT_LANGUAGES):
    raise ImproperlyConfigured("HUB_CONTENT_LANGUAGES must include the home language 'en'.")
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A translation starts as a draft and goes through review like any other change; without this,
# wagtail-localize publishes the translation of a live page whoever submits it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español"), ("vi", "Tiếng Việt"), ("ar", "العربية")]

# Regions that missions belong to and that HQ reviewers are organised by.
HUB_DEFAULT_REGIONS = [
    ("asia-pacific", "Asia-Pacific"),
    ("europe", "Europe"),
    ("americas", "Americas"),
    ("africa-middle-east", "Africa & Middle East"),
]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = os.environ.get("STATIC_URL", "/static/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Originals of images and documents, never under MEDIA_ROOT (embassies/assets/storage.py, docs/security.md).
    "private": {"BACKEND": "embassies.assets.storage.PrivateAssetStorage"},
}
HUB_PRIVATE_MEDIA_ROOT = os.environ.get("HUB_PRIVATE_MEDIA_ROOT", "")
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Embassy Hub <hub@localhost>")

# Wagtail
WAGTAIL_SITE_NAME = "Embassy Hub"
# Staff avatars are uploaded in the admin (Account → Profile picture), never fetched from Gravatar: the hub works
# offline, and a staff member's e-mail hash is not sent to an outside server on every admin page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "embassies.HubImage"
WAGTAILDOCS_DOCUMENT_MODEL = "embassies.HubDocument"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
# Upload limits (embassies.assets.uploads): bytes per file and pixels per image, from the environment.
HUB_UPLOAD_MAX_BYTES = int(os.environ.get("HUB_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
HUB_UPLOAD_MAX_PIXELS = int(os.environ.get("HUB_UPLOAD_MAX_PIXELS", "64000000"))
WAGTAILDOCS_MAX_UPLOAD_SIZE = HUB_UPLOAD_MAX_BYTES
WAGTAILIMAGES_MAX_UPLOAD_SIZE = HUB_UPLOAD_MAX_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = HUB_UPLOAD_MAX_PIXELS
WAGTAILIMAGES_IMAGE_FORM_BASE = "embassies.assets.forms.HubImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "embassies.assets.forms.HubDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document downloads as an attachment (never rendered inline in the hub's origin, PDFs included).
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Moderation (moderation): approval publishes (or schedules) without reviewers holding publish permission.
WAGTAIL_FINISH_WORKFLOW_ACTION = "moderation.workflow_actions.workflow_state_publish"
# Which workflow a submitted mission page goes through (embassies' MissionContentPage.get_workflow asks it, so
# content never imports moderation); empty for Wagtail's own lookup in the tree.
HUB_WORKFLOW_CHOOSER = "moderation.selectors.workflow_for_page"
# Hours an item may wait for review before it is flagged overdue, by kind (article kinds, event, consular_notice,
# emergency_notice, other); "default" covers the rest.
HUB_MODERATION_SERVICE_LEVELS = {"consular_notice": 4, "emergency_notice": 4, "default": 24}
# Page types a workflow rule may send through the fast track (one approval by the mission head or an HQ duty officer).
HUB_MODERATION_FAST_TRACK_PAGE_TYPES = ["embassies.ConsularNoticePage"]

# Search (docs/search.md): an Elasticsearch-family engine when HUB_SEARCH_ENGINE is set, the database otherwise.
# With an engine, Wagtail's admin search uses modelsearch's backend for it, and the database backend is kept up
# to date beside it so that the hub's search can fall back to it while the engine is unreachable.
HUB_SEARCH_ENGINE = os.environ.get("HUB_SEARCH_ENGINE", "").strip().lower()
HUB_SEARCH_URL = os.environ.get("HUB_SEARCH_URL", "").strip()
HUB_SEARCH_USERNAME = os.environ.get("HUB_SEARCH_USERNAME", "")
HUB_SEARCH_PASSWORD = os.environ.get("HUB_SEARCH_PASSWORD", "")
HUB_SEARCH_INDEX_PREFIX = os.environ.get("HUB_SEARCH_INDEX_PREFIX", "hub-")
HUB_SEARCH_TIMEOUT = float(os.environ.get("HUB_SEARCH_TIMEOUT", "5"))
_WAGTAIL_SEARCH_ENGINE_BACKENDS = {
    "opensearch": ("wagtail.search.backends.opensearch3", "http_auth"),
    "elasticsearch": ("wagtail.search.backends.elasticsearch9", "basic_auth"),
}
if HUB_SEARCH_ENGINE in {"", "none", "database"}:
    HUB_SEARCH_ENGINE = ""
elif HUB_SEARCH_ENGINE not in _WAGTAIL_SEARCH_ENGINE_BACKENDS:
    raise ImproperlyConfigured(f"HUB_SEARCH_ENGINE must be opensearch or elasticsearch, got {HUB_SEARCH_ENGINE!r}.")
elif not HUB_SEARCH_URL:
    raise ImproperlyConfigured("HUB_SEARCH_URL must be set when HUB_SEARCH_ENGINE is.")
HUB_SEARCH_FALLBACK_BACKEND = "default"
# Wagtail's draft autosave in the page editor, milliseconds after the last edit (0 turns it off).
WAGTAIL_AUTOSAVE_INTERVAL = int(os.environ.get("WAGTAIL_AUTOSAVE_INTERVAL", "500"))
# modelsearch folds accents into the indexed word prefixes but searches with the engine's built-in `standard`
# analyzer, which keeps them: "tức" would never match. Redefined in its indices, `standard` folds them too.
WAGTAILSEARCH_ENGINE_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {"standard": {"type": "custom", "tokenizer": "standard", "filter": ["asciifolding", "lowercase"]}}
        }
    }
}
if HUB_SEARCH_ENGINE:
    _backend, _auth_option = _WAGTAIL_SEARCH_ENGINE_BACKENDS[HUB_SEARCH_ENGINE]
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": _backend,
            "URLS": [HUB_SEARCH_URL],
            "INDEX_PREFIX": f"{HUB_SEARCH_INDEX_PREFIX}wagtail-",
            "TIMEOUT": HUB_SEARCH_TIMEOUT,
            "INDEX_SETTINGS": WAGTAILSEARCH_ENGINE_INDEX_SETTINGS,
            "OPTIONS": {_auth_option: (HUB_SEARCH_USERNAME, HUB_SEARCH_PASSWORD)} if HUB_SEARCH_USERNAME else {},
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    HUB_SEARCH_FALLBACK_BACKEND = "database"

# REST API
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "api.schema.HubAutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.RememberedContentNegotiation",
    # Consumers' keys (docs/api-consumers.md); without one a caller is anonymous, read-only and throttled lower.
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.consumers.authentication.ApiKeyAuthentication"],
    "DEFAULT_THROTTLE_CLASSES": [
        "api.consumers.throttles.AnonymousRateThrottle",
        "api.consumers.throttles.ApiKeyRateThrottle",
        "api.press.throttles.JournalistTokenRateThrottle",
    ],
    # "api_key" is the fallback; each consumer's own rate is set in the admin.
    "DEFAULT_THROTTLE_RATES": {
        "anonymous": os.environ.get("HUB_API_ANONYMOUS_RATE", "60/min"),
        "api_key": "1200/min",
        # Each journalist token's requests to /api/v1/press/ (embargoed releases, briefings, kits, status).
        "journalist_token": os.environ.get("HUB_API_JOURNALIST_TOKEN_RATE", "300/min"),
        # Journalists' registrations through /api/v1/press/journalists/, per address.
        "press_register": os.environ.get("HUB_API_PRESS_REGISTER_RATE", "10/hour"),
        # Page reads reported by the beacon (/api/v1/analytics/hit), per reader's address: a shared office
        # address reads many pages a minute (docs/analytics.md).
        "analytics_hit": os.environ.get("HUB_API_ANALYTICS_HIT_RATE", "600/min"),
    },
    # Reverse proxies in front of the hub that append to X-Forwarded-For; 0 trusts only REMOTE_ADDR.
    "NUM_PROXIES": int(os.environ.get("HUB_API_NUM_PROXIES", "0")),
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.HubCursorPagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "api.errors.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Embassy Hub API",
    "DESCRIPTION": "Live content of the ministry's missions for embassy sites and social tools.",
    "VERSION": "1.0.0",
    "PREPROCESSING_HOOKS": ["api.schema.only_hub_api_v1"],
    # Choice sets that share a field name ("status") get names of their own rather than a hash suffix.
    "ENUM_NAME_OVERRIDES": {
        "BriefingTimeEnum": "api.press.briefings.WHEN", "SocialPlatformEnum": "hub.models.SocialPlatform.choices",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.optional_security_first",
        "api.schema.sparse_field_results",
        "api.schema.response_examples",
    ],
    # Swagger UI served from the hub itself, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Analytics (docs/analytics.md): raw page hits are kept this many days after their rollup, then deleted.
HUB_ANALYTICS_RAW_DAYS = int(os.environ.get("HUB_ANALYTICS_RAW_DAYS", "30"))

# Social publishing (docs/social.md). Tokens of connected accounts are encrypted with these Fernet keys
# (comma-separated; the first encrypts, every one decrypts, so a new key goes first and `manage.py social_rotate_keys`
# re-encrypts). dev and test derive a fixed key when unset; production refuses to start without one.
HUB_SOCIAL_TOKEN_KEYS = [key.strip() for key in os.environ.get("HUB_SOCIAL_TOKEN_KEYS", "").split(",") if key.strip()]
# platform → API base URL; unset platforms use the platform's documented address (tests point them at local fakes).
HUB_SOCIAL_API_BASES: dict[str, str] = {}
HUB_SOCIAL_DELIVERY = {
    "MAX_ATTEMPTS": int(os.environ.get("HUB_SOCIAL_MAX_ATTEMPTS", "8")),
    "RETRY_BASE_SECONDS": 30,
    "RETRY_MAX_SECONDS": 3600,
    "TIMEOUT_SECONDS": float(os.environ.get("HUB_SOCIAL_TIMEOUT_SECONDS", "10")),
}

# Draft previews for consumers' sites, and webhooks (docs/api-consumers.md).
HUB_PREVIEW_TOKEN_MAX_AGE_SECONDS = int(os.environ.get("HUB_PREVIEW_TOKEN_MAX_AGE_SECONDS", str(30 * 60)))
HUB_WEBHOOKS = {
    "TIMEOUT_SECONDS": float(os.environ.get("HUB_WEBHOOK_TIMEOUT_SECONDS", "5")),
    "MAX_ATTEMPTS": int(os.environ.get("HUB_WEBHOOK_MAX_ATTEMPTS", "10")),
    "RETRY_BASE_SECONDS": 60,
    "RETRY_MAX_SECONDS": 6 * 60 * 60,
    # Plain http and private or loopback addresses: for development and tests only.
    "ALLOW_LOCAL_ADDRESSES": env_bool("HUB_WEBHOOK_ALLOW_LOCAL_ADDRESSES", False),
}

# Public base URL of the API, for CDN purges; a CDN is configured with WAGTAILFRONTENDCACHE (see Wagtail's
# frontend cache docs), e.g. from the environment in production settings.
HUB_API_BASE_URL = os.environ.get("HUB_API_BASE_URL", WAGTAILADMIN_BASE_URL)

# Wagtail's own /api/v2/ is mounted only for benchmarks comparing it with /api/v1/.
HUB_WAGTAIL_API_V2 = env_bool("HUB_WAGTAIL_API_V2", False)

# Caches. "default" is Django's own default (per process). "api_responses" keeps rendered public API answers
# keyed by the content version (api/caching.py), for at most HUB_API_RESPONSE_CACHE_SECONDS (default 600; 0 turns
# it off). 256 entries per worker: a few MB for pages of 20 and details, at
# most about 60 MB if every entry were a page of 100.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "api_responses": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "hub-api-responses",
        "OPTIONS": {"MAX_ENTRIES": 256},
    },
    "site_pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "hub-site-pages",
        "OPTIONS": {"MAX_ENTRIES": 512},
    },
    # Page summaries and bodies per revision (embassies/presentation/kept.py): keyed by revision, so a per-process
    # cache is correct; production points it at the shared cache when that is Redis.
    "presentation": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "hub-presentation",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}
HUB_API_RESPONSE_CACHE_SECONDS = int(os.environ.get("HUB_API_RESPONSE_CACHE_SECONDS", "600"))
# Reference-site pages: what browsers and CDNs may keep, and how long rendered pages stay in the `site_pages`
# cache (keyed by the content version, so a publish retires them at once; 0 turns keeping off).
HUB_SITE_MAX_AGE_SECONDS = int(os.environ.get("HUB_SITE_MAX_AGE_SECONDS", "60"))
HUB_SITE_STALE_WHILE_REVALIDATE_SECONDS = int(os.environ.get("HUB_SITE_STALE_WHILE_REVALIDATE_SECONDS", "300"))
HUB_SITE_PAGE_CACHE_SECONDS = int(os.environ.get("HUB_SITE_PAGE_CACHE_SECONDS", "600"))
# After a publish, each process renders its most requested public answers and pages again for the new content
# version (hub/kept_answers.py), in a background thread; readers missing the same answer meanwhile wait up to
# HUB_KEPT_ANSWERS_WAIT_SECONDS for the one render instead of rendering it again. 0 URLs turns re-rendering off.
HUB_KEPT_ANSWERS_REWARM_TOP = int(os.environ.get("HUB_KEPT_ANSWERS_REWARM_TOP", "20"))
HUB_KEPT_ANSWERS_REWARM = "background"
HUB_KEPT_ANSWERS_WAIT_SECONDS = float(os.environ.get("HUB_KEPT_ANSWERS_WAIT_SECONDS", "2"))
# The press centre (press/, docs/press-centre.md): journalists sign in here, never in the Wagtail admin.
HUB_PRESS_LOGIN_URL = "/en/press/login/"
# Accounts (docs/press-centre.md#accounts-and-accreditation): how long an accreditation lasts, the e-mail
# verification link lives, an unverified registration is kept, the press-card upload may weigh, and how many failed
# sign-ins an account or an address may make within the lockout window before further attempts are refused (429).
HUB_PRESS_ACCREDITATION_DAYS = int(os.environ.get("HUB_PRESS_ACCREDITATION_DAYS", "365"))
HUB_PRESS_VERIFICATION_MAX_AGE_SECONDS = int(os.environ.get("HUB_PRESS_VERIFICATION_MAX_AGE_SECONDS", str(3 * 24 * 3600)))
HUB_PRESS_UNVERIFIED_MAX_AGE_DAYS = int(os.environ.get("HUB_PRESS_UNVERIFIED_MAX_AGE_DAYS", "7"))
HUB_PRESS_CARD_MAX_BYTES = int(os.environ.get("HUB_PRESS_CARD_MAX_BYTES", str(5 * 1024 * 1024)))
HUB_PRESS_LOGIN_FAILURES_PER_ACCOUNT = int(os.environ.get("HUB_PRESS_LOGIN_FAILURES_PER_ACCOUNT", "5"))
HUB_PRESS_LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("HUB_PRESS_LOGIN_FAILURES_PER_ADDRESS", "20"))
HUB_PRESS_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("HUB_PRESS_LOGIN_LOCKOUT_SECONDS", "900"))
HUB_PRESS_JOURNALIST_PASSWORD_MIN_LENGTH = 12
# Where journalists' e-mails point (the reference site serving /<lang>/press/).
HUB_PRESS_SITE_BASE_URL = os.environ.get("HUB_PRESS_SITE_BASE_URL", WAGTAILADMIN_BASE_URL)

# Background work (django-tasks database backend: no extra service).
# The embedded default runs tasks in-process right after commit. Production queues them in the
# database (django-tasks-db) for `manage.py db_worker`, so no editor ever waits on a webhook or the engine.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
HUB_TASK_BACKEND = os.environ.get("HUB_TASK_BACKEND", "immediate")
if HUB_TASK_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"HUB_TASK_BACKEND must be one of {sorted(TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[HUB_TASK_BACKEND]}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Per-task and per-page audit lines are in the database already; keep consoles readable.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
        # The search clients log every request at INFO.
        "opensearch": {"level": "WARNING"},
        "opensearchpy": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
    },
}
