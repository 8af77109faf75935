import pytest


@pytest.fixture
def api(client):
    """The test client speaking JSON to /api/v1/."""
    return client
