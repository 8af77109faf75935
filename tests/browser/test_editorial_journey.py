"""The editorial journey in a real browser (issue 7): a Hanoi editor writes a Vietnamese article with an uploaded
image and a Facebook text and submits it; a Paris editor cannot reach it; the Asia-Pacific HQ reviewer approves it
from the review queue; it is then on the reference site, in the API and in search (engine and database).

One test, because each step depends on the one before. Screenshots of every step: HUB_TEST_ARTIFACTS.
"""

import random
import re
import secrets
from urllib.parse import quote, urlsplit

from PIL import Image, ImageDraw
from playwright.sync_api import expect

# A title (and so a slug) of its own on every run: the journey never depends on what its database held before.
RUN = secrets.token_hex(3)
TITLE = f"Chuyển đổi số trong dịch vụ lãnh sự tại Hà Nội: eVisa {RUN}"
ADMIN_QUERY = f"eVisa {RUN}"
SUMMARY = "Đại sứ quán giới thiệu hộ chiếu điện tử và lịch hẹn trực tuyến cho công dân."
BODY = "Từ tháng Mười Hai, công dân có thể đặt lịch hẹn lãnh sự trực tuyến."
FACEBOOK_TEXT = "Đặt lịch hẹn lãnh sự trực tuyến với Đại sứ quán tại Hà Nội từ tháng Mười Hai."
IMAGE_TITLE = "Quầy lãnh sự trực tuyến"
IMAGE_ALT = "Nhân viên lãnh sự hướng dẫn công dân đặt lịch hẹn trên máy tính bảng"
QUERY = "chuyển đổi số lãnh sự"
# Typed without diacritics: the engine's folded Vietnamese fields still find the article (the database cannot).
QUERY_FOLDED = "chuyen doi so lanh su"


def hero_jpeg(path):
    """A real JPEG, different on every run (the uploader warns about images that look like ones already held)."""
    image = Image.new("RGB", (1200, 800), (20, 70, 140))
    draw = ImageDraw.Draw(image)
    shapes = random.Random(secrets.randbits(32))
    for _ in range(40):
        x, y = shapes.randrange(1200), shapes.randrange(800)
        colour = tuple(shapes.randrange(256) for _ in range(3))
        draw.rectangle((x, y, x + shapes.randrange(40, 300), y + shapes.randrange(40, 300)), fill=colour)
    image.save(path, "JPEG", quality=85)
    return path


def submit_article(page, image_path, screenshot) -> int:
    """The Hanoi editor's part: the vi News section → new article → image upload → social text → submit."""
    screenshot(page, "01-hanoi-editor-dashboard")
    page.goto("/admin/pages/")
    page.locator("tr", has_text="Tiếng Việt").get_by_role("link", name="Explore child pages of 'Embassy Hub'").click()
    page.get_by_role("link", name="Explore child pages of 'Đại sứ quán tại Hà Nội'").click()
    page.get_by_role("link", name="Add a child page to 'Tin tức'").click()
    page.get_by_role("link", name="Article", exact=True).click()
    expect(page.locator("#id_title")).to_be_visible()

    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill(SUMMARY)

    page.get_by_role("button", name="Choose an image").click()
    chooser = page.locator(".modal-content")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.locator("#id_image-chooser-upload-title").fill(IMAGE_TITLE)
    chooser.locator("#id_image-chooser-upload-file").set_input_files(str(image_path))
    chooser.locator("#id_image-chooser-upload-alt_text").fill(IMAGE_ALT)
    screenshot(page, "02-image-upload")
    chooser.locator("form button[type=submit]").last.click()
    expect(chooser).to_be_hidden(timeout=30_000)
    expect(page.locator("#panel-child-content-hero_image-section")).to_contain_text(IMAGE_TITLE)

    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name=re.compile("Rich text", re.I)).click()
    body_editor = page.locator("#panel-child-content-body-section [contenteditable=true]").first
    body_editor.click()
    # On a busy machine the new block may still be mounting: type only once Draftail has the focus, and go on
    # only once it holds the text (CI once saved an empty paragraph).
    expect(body_editor).to_be_focused()
    page.keyboard.type(BODY)
    expect(body_editor).to_contain_text(BODY)

    page.get_by_role("tab", name="Promote").click()
    page.locator("#id_share_text_facebook").fill(FACEBOOK_TEXT)
    page.get_by_role("tab", name="Content").click()
    screenshot(page, "03-article-filled")

    footer = page.locator("footer")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name="Submit to HQ review · Asia-Pacific").click()
    expect(page.locator(".messages")).to_contain_text(f"Page '{TITLE}' created and submitted for moderation")
    row = page.locator("tr", has_text=TITLE)
    expect(row).to_contain_text("In moderation", ignore_case=True)
    screenshot(page, "04-submitted")
    edit_href = row.get_by_role("link", name=TITLE).get_attribute("href")
    return int(re.search(r"/admin/pages/(\d+)/edit/", edit_href).group(1))


def admin_search(page, page_id: int):
    """Search the admin for the article; the results' links to it (the page echoes the query itself)."""
    page.goto(f"/admin/pages/search/?q={quote(ADMIN_QUERY)}")
    expect(page.locator("main")).to_be_visible()
    return page.locator(f'main a[href*="/admin/pages/{page_id}/"]')


def assert_paris_editor_cannot_reach(page, page_id: int, news_section_id: int, screenshot):
    expect(admin_search(page, page_id)).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Sorry, no pages match")
    screenshot(page, "05-paris-editor-admin-search")

    page.goto("/admin/pages/")
    expect(page.locator("body")).not_to_contain_text("Đại sứ quán tại Hà Nội")
    response = page.goto(f"/admin/pages/{news_section_id}/")
    assert response.status in (403, 404) or urlsplit(page.url).path != f"/admin/pages/{news_section_id}/", page.url
    expect(page.locator("body")).not_to_contain_text(TITLE)

    response = page.goto(f"/admin/pages/{page_id}/edit/")
    assert response.status in (403, 404) or urlsplit(page.url).path != f"/admin/pages/{page_id}/edit/", page.url
    expect(page.locator("body")).not_to_contain_text(TITLE)
    expect(page.locator("#id_title")).to_have_count(0)
    screenshot(page, "06-paris-editor-edit-refused")


def search_titles(hub_server, query: str, *, base_url=None) -> tuple[str, list[str]]:
    """The public search API's backend and result titles for `query` within Hanoi's Vietnamese pages."""
    status, results = hub_server.get_json(f"/api/v1/search/?q={quote(query)}&mission=hanoi&locale=vi", base_url=base_url)
    assert status == 200, results
    return results["backend"], [hit["title"] for hit in results["results"]]


def assert_not_public(hub_server, page_id: int):
    status, listing = hub_server.get_json("/api/v1/pages/?mission=hanoi&locale=vi&type=article")
    assert status == 200, listing
    assert TITLE not in [item["title"] for item in listing["results"]]
    status, _detail = hub_server.get_json(f"/api/v1/pages/{page_id}/")
    assert status == 404
    hub_server.search_index_sync()
    assert search_titles(hub_server, QUERY) == ("opensearch", [])
    assert search_titles(hub_server, QUERY, base_url=hub_server.database_search_base_url) == ("database", [])


def approve_from_queue(page, screenshot):
    """The Asia-Pacific reviewer's part: review queue → the item → Approve."""
    page.get_by_role("link", name="Review queue").first.click()
    row = page.locator("[data-moderation-queue] tr", has_text=TITLE)
    expect(row).to_contain_text("Embassy in Hanoi")
    screenshot(page, "07-review-queue")
    row.get_by_role("link", name="Review", exact=True).click()
    expect(page.locator("[data-status]")).to_have_text(re.compile("review", re.I))
    screenshot(page, "08-review-item")
    page.locator("#approve-comment").fill("Duyệt. Cảm ơn!")
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/moderation/queue/$"))
    expect(page.locator("main")).to_contain_text("Review queue")
    expect(page.locator("main")).not_to_contain_text(TITLE)
    screenshot(page, "09-approved")


def test_editorial_journey(browser, hub_server, signed_in, screenshot, tmp_path):
    editor = signed_in("hanoi_editor")
    page_id = submit_article(editor, hero_jpeg(tmp_path / "quay-lanh-su.jpg"), screenshot)
    news_section_id = int(re.search(r"/admin/pages/(\d+)/", editor.url).group(1))
    hub_server.search_index_sync()
    expect(admin_search(editor, page_id).first).to_be_visible()  # the search Paris gets nothing from finds it here

    assert_paris_editor_cannot_reach(signed_in("paris_editor"), page_id, news_section_id, screenshot)
    assert_not_public(hub_server, page_id)

    approve_from_queue(signed_in("asia_reviewer"), screenshot)

    # The API: in Hanoi's Vietnamese articles, and in detail with its image, body and Facebook text.
    status, listing = hub_server.get_json("/api/v1/pages/?mission=hanoi&locale=vi&type=article")
    assert status == 200 and TITLE in [item["title"] for item in listing["results"]], listing
    status, detail = hub_server.get_json(f"/api/v1/pages/{page_id}/")
    assert status == 200, detail
    assert (detail["title"], detail["locale"], detail["mission"]) == (TITLE, "vi", "hanoi")
    assert detail["share_texts"]["facebook"] == FACEBOOK_TEXT
    assert detail["hero_image"]["alt"] == IMAGE_ALT, detail["hero_image"]
    assert BODY in str(detail["body"])

    hub_server.search_index_sync()

    # The reference site: the page's public URL renders it, with the image's alt text; its search finds it.
    public = browser.new_page(base_url=hub_server.base_url)
    public.goto(urlsplit(detail["url"]).path)
    expect(public.locator("h1")).to_have_text(TITLE)
    expect(public.get_by_alt_text(IMAGE_ALT)).to_be_visible()
    screenshot(public, "10-reference-site")
    public.locator("#site-search-q").fill(QUERY_FOLDED)
    public.locator("form.site-search button[type=submit]").click()
    expect(public.locator("main").get_by_role("link", name=TITLE)).to_be_visible()
    screenshot(public, "11-reference-site-search")
    public.goto(f"/api/v1/pages/{page_id}/")
    screenshot(public, "12-api-detail")
    public.close()

    # Search: the engine (the outbox applied by the server's task, or by the worker here), and the database.
    for query, base_url, backend in (
        (QUERY, hub_server.base_url, "opensearch"),
        (QUERY_FOLDED, hub_server.base_url, "opensearch"),
        (QUERY, hub_server.database_search_base_url, "database"),
    ):
        answered_by, titles = search_titles(hub_server, query, base_url=base_url)
        assert answered_by == backend and TITLE in titles, (query, answered_by, titles)
