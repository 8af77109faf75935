"""Production settings: secrets from the environment, and Django's deployment checklist passes."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "hub.settings.production",
    "SECRET_KEY": "k3y-for-the-deploy-check-only-" + "x7Qp" * 10,
    "HUB_SOCIAL_TOKEN_KEYS": "Zm9yLXRoZS1kZXBsb3ktY2hlY2stb25seS0zMmJ5dGU=",
    "ALLOWED_HOSTS": "hub.example.org",
    "DATABASE_URL": "sqlite:////tmp/embassy-hub-deploy-check.sqlite3",
}


def _manage(*args, env):
    clean_env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean_env, **env}, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_passes_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "ALLOWED_HOSTS"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_shares_one_cache_and_migrate_creates_its_table(tmp_path):
    """Throttle counts and CORS origins must be the same for every worker: production's default cache is the
    database, and `migrate` alone makes it ready."""
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'hub.sqlite3'}"}
    assert _manage("migrate", "--noinput", env=env).returncode == 0
    script = (
        "from django.core.cache import caches; cache = caches['default']; cache.set('shared', 'yes'); "
        "print('cache:', type(cache).__name__, cache.get('shared'))"
    )
    result = _manage("shell", "-c", script, env=env)
    assert "cache: DatabaseCache yes" in result.stdout, result.stdout + result.stderr

    refused = _manage("check", env={**env, "HUB_CACHE_URL": "memcached://nowhere"})
    assert refused.returncode != 0 and "HUB_CACHE_URL" in refused.stderr


def test_production_does_not_install_the_demo_network():
    """The demo's content and published passwords stay out of a production configuration: no `demo` app, no
    `seed_demo` command."""
    result = _manage("shell", "-c", "from django.apps import apps; print('demo installed:', apps.is_installed('demo'))", env=PRODUCTION_ENV)
    assert "demo installed: False" in result.stdout, result.stdout + result.stderr
    refused = _manage("seed_demo", "--force", env=PRODUCTION_ENV)
    assert refused.returncode != 0 and "Unknown command: 'seed_demo'" in refused.stderr


def test_production_refuses_to_start_without_social_token_keys():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "HUB_SOCIAL_TOKEN_KEYS"}
    result = _manage("check", env={**env, "HUB_SOCIAL_TOKEN_KEYS": ""})
    assert result.returncode != 0
    assert "HUB_SOCIAL_TOKEN_KEYS must be set" in result.stderr
