"""Fixtures for the asset-library tests: assets of two missions, private and shared (sharing, search) and a private
media folder per test, so "no file was left behind" can be checked (uploads, duplicates)."""

import pytest

from embassies import factories as content


@pytest.fixture
def assets(hanoi, paris):
    """Per mission: a private and a shared image and document (titles carry a word to look for in responses)."""
    made = {}
    for mission in (hanoi, paris):
        name = mission.slug.title()
        made[mission.slug] = {
            "private_image": content.image(title=f"Private{name} photo", collection=mission.collection, alt_text="A view"),
            "shared_image": content.image(
                title=f"Shared{name} photo", collection=mission.collection, is_shared=True, alt_text="A view"
            ),
            "private_document": content.document(title=f"Private{name} note", collection=mission.collection),
            "shared_document": content.document(title=f"Shared{name} note", collection=mission.collection, is_shared=True),
        }
    return made


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def editor_client(client, staff, media_root):
    """The test client signed in as the Hanoi editor, uploading into a private media folder."""
    client.force_login(staff["hanoi_editor"])
    return client
