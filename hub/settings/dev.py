"""Local development: DEBUG on, SQLite and database search unless the environment says otherwise."""

from .base import *  # noqa: F401,F403
from .base import env_bool
import os

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ["*"]

# Webhooks may POST to plain http and local addresses here, so a receiver on this machine works (the demo's
# webhook points at a closed local port so that its delivery failures show); production refuses both.
HUB_WEBHOOKS = {**HUB_WEBHOOKS, "ALLOW_LOCAL_ADDRESSES": env_bool("HUB_WEBHOOK_ALLOW_LOCAL_ADDRESSES", True)}  # noqa: F405

# The demo network (`make run` seeds it); production settings never install it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

# A fixed token key when none is set, so development works out of the box; never used in production.
if not HUB_SOCIAL_TOKEN_KEYS:  # noqa: F405
    import base64 as _b64
    import hashlib as _hashlib
    HUB_SOCIAL_TOKEN_KEYS = [_b64.urlsafe_b64encode(_hashlib.sha256(b"embassy-hub-dev-only-social-tokens").digest()).decode()]
