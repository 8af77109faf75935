"""The demo network, seeded once for tests/demo: Wagtail's real provisioning, revision, translation and workflow
machinery for about 170 pages is too slow to run per test, so one seed (in a transaction rolled back when the
package's tests end) serves them all; each test still runs in its own savepoint on top of it."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings


@pytest.fixture(scope="package")
def demo_network(django_db_setup, django_db_blocker, tmp_path_factory) -> str:
    """What the first `seed_demo` printed; the network stays in the database for the package's tests."""
    output = io.StringIO()
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("demo-media"))):
        with transaction.atomic():
            call_command("seed_demo", verbosity=1, no_progress=True, force=True, stdout=output, stderr=io.StringIO())
            yield output.getvalue()
            transaction.set_rollback(True)
