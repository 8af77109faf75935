"""Assets of two missions, private and shared, for the asset-library admin tests."""

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
