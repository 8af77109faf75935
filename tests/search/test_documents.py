"""What the index knows about a page: body text flattened from the StreamField, and the page's place."""

import pytest

from search.documents import documents_for, pages_indexable

from .helpers import publish_article

pytestmark = pytest.mark.django_db


def test_body_text_is_flattened_from_every_text_block_without_markup(hanoi):
    body = [
        ("rich_text", "<h2>Visa&nbsp;rules</h2><p>Apply <b>online</b>.</p><ul><li>Passport</li><li>Photo</li></ul>"),
        ("quote", {"quote": "Diplomacy is listening.", "attribution": "The Ambassador", "role": "Head of mission"}),
        ("fact_box", {"title": "Key figures", "facts": ["12 consulates", "3 languages"]}),
        ("call_to_action", {"text": "Book an appointment", "page": None, "url": "https://example.org/secret-path"}),
    ]
    page = publish_article(hanoi, title="Visa guide", language="en", body="")
    page.body = body
    page.save_revision().publish()

    document = documents_for(pages_indexable().filter(pk=page.pk).values("pk", "content_type_id", "path"))[page.pk]

    text = document["body_en"]
    for piece in ("Visa rules", "Apply online.", "Passport", "Photo", "Diplomacy is listening.", "The Ambassador",
                  "Head of mission", "Key figures", "12 consulates", "3 languages", "Book an appointment"):
        assert piece in text
    assert "<" not in text and "secret-path" not in text and "&nbsp;" not in text
    assert (document["mission"], document["country"], document["region"], document["locale"]) == ("hanoi", "VN", "asia-pacific", "en")
    assert document["page_type"] == "article" and document["url_path"] == page.url_path


def test_only_public_pages_of_missions_are_indexable(hanoi):
    draft = publish_article(hanoi, title="Draft", live=False)
    live = publish_article(hanoi, title="Live")
    indexable = set(pages_indexable().values_list("pk", flat=True))
    assert live.pk in indexable and draft.pk not in indexable
    assert all(depth >= 3 for depth in pages_indexable().values_list("depth", flat=True))
