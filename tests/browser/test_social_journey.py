"""Social publishing in a real browser (issue 17): a Hanoi editor composes a Facebook post (vi) and an X post (en) on
a page in the Wagtail admin; the Asia-Pacific reviewer sees them with the page and approves it; at the page's go-live
the publish worker's round sends each to its platform's local fake once, with its text and UTM link; a post the
platform refuses shows in Failed posts with the platform's words, and the editor's Retry sends it once.

Hanoi's two accounts are connected through the OAuth code exchange against the fakes (tests/social/fakes/, started for
the session by tests/browser/conftest.py, which points the live hub at them). The server is another process, so the
test's clock cannot reach it: the pages go live ten and twenty minutes after the setup, and the workers' rounds
(`publish_worker --once`, `social_worker --once`, as deployed) run in a subprocess on the server's database under
time-machine. One test, because each step depends on the one before. Screenshots of every step: HUB_TEST_ARTIFACTS.
"""

import io
import re
import secrets
import time
from urllib.parse import parse_qs, urlsplit

from PIL import Image
from playwright.sync_api import expect

from tests.social.fakes.facebook import graph_error

expect.set_options(timeout=20_000)

RUN = secrets.token_hex(3)
EN_TITLE = f"Vietnam-UK trade week opens in Hanoi {RUN}"
VI_TITLE = f"Tuần lễ thương mại Việt Nam - Anh khai mạc tại Hà Nội {RUN}"
SECOND_TITLE = f"Lịch tiếp công dân tháng Giêng {RUN}"
# The share texts the composer prefills from: X's on the English page, Facebook's on its Vietnamese translation.
X_TEXT = f"The Vietnam-UK trade week opens in Hanoi today ({RUN})."
FACEBOOK_TEXT = f"Tuần lễ thương mại Việt Nam - Anh khai mạc hôm nay tại Hà Nội ({RUN})."
SECOND_FACEBOOK_TEXT = f"Lịch tiếp công dân tháng Giêng của Đại sứ quán ({RUN})."
HASHTAG = " #VietNamUK"  # what the editor adds to both texts
# The crop the editor chooses for each platform, and the size it is (embassies.assets.sizes.SOCIAL_SIZES).
CROPS = {"facebook": ("square", (1080, 1080)), "x": ("x", (1600, 900))}
# Facebook's answer to a photo it will not take (Graph error 1366046: media rejected, not retried by itself).
REFUSAL = "The image size is too big"

SETUP = """
import io, json
from datetime import timedelta
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Page
from embassies import factories
from embassies.models import HubImage
from hub.models import Mission, MissionSocialAccount
from social import services

hanoi = Mission.objects.get(slug="hanoi")
accounts = {{}}
for platform, language, handle, external_id, code, verifier in (
    ("facebook", "vi", "DaiSuQuanHaNoi", {facebook_page!r}, {facebook_code!r}, ""),
    ("x", "en", "EmbassyHanoi", {x_user!r}, {x_code!r}, {x_verifier!r}),
):
    account = MissionSocialAccount.objects.create(mission=hanoi, platform=platform, handle=handle,
                                                  language_code=language, url=f"https://example.org/{{handle}}")
    services.connect_with_code(account, code=code, redirect_uri={redirect_uri!r}, code_verifier=verifier,
                               external_account_id=external_id)
    accounts[platform] = account.pk

# A square 2400 px hero image: every social crop is made at its full size from it.
picture = Image.new("RGB", (2400, 2400), (20, 90, 60))
draw = ImageDraw.Draw(picture)
for step in range(12):
    draw.rectangle((step * 200, step * 150, step * 200 + 300, step * 150 + 500), fill=(200 - step * 15, 40 + step * 12, 90))
buffer = io.BytesIO()
picture.save(buffer, "JPEG", quality=85)
image = HubImage.objects.create(title="Trade week {run}", collection=hanoi.collection, alt_text="Trade fair stands in Hanoi",
                                file=ImageFile(buffer, name="trade-week-{run}.jpg"))

# On the minute: the page's edit form keeps go-live times to the minute.
moment = (timezone.now() + timedelta(minutes=11)).replace(second=0, microsecond=0)
later = moment + timedelta(minutes=10)
english = factories.article(factories.section(hanoi, language_code="en"), title={en_title!r}, live=False,
                            summary="Forty British companies meet Vietnamese partners.", share_text_x={x_text!r},
                            hero_image=image, go_live_at=moment)
vietnamese = factories.article(factories.section(hanoi, language_code="vi"), title={vi_title!r}, live=False,
                               summary="Bốn mươi doanh nghiệp Anh gặp đối tác Việt Nam.",
                               share_text_facebook={facebook_text!r}, hero_image=image)
Page.objects.filter(pk=vietnamese.pk).update(translation_key=english.translation_key)
second = factories.article(factories.section(hanoi, language_code="vi"), title={second_title!r}, live=False,
                           summary="Lịch tiếp công dân.", share_text_facebook={second_text!r}, hero_image=image,
                           go_live_at=later)
print(json.dumps({{
    "accounts": accounts, "page_id": english.pk, "page_path": english.url, "second_id": second.pk,
    "second_path": second.url, "moment": moment.isoformat(), "later": later.isoformat(),
}}))
"""

# A worker's round on the server's database, its clock `offset` s after `moment`; the page's state and posts after.
ROUND_AT = """
import datetime as dt, json, time_machine
from django.core.management import call_command
from wagtail.models import Page
from social.models import SocialPost
with time_machine.travel(dt.datetime.fromisoformat({moment!r}) + dt.timedelta(seconds={offset}), tick=False):
    call_command({command!r}, "--once")
posts = SocialPost.objects.filter(page_id={page_id}).select_related("account")
print(json.dumps({{"live": Page.objects.get(pk={page_id}).live, "posts": {{
    post.account.platform: {{"status": post.status, "key": post.key, "url": post.platform_url, "id": post.platform_id,
                             "error": post.last_error}} for post in posts}}}}))
"""


def connect_codes(platforms, redirect_uri: str) -> dict:
    """Authorisation codes the fakes will exchange, as their consent pages would have handed back."""
    verifier = secrets.token_urlsafe(48)
    return {
        "facebook_page": platforms["facebook"].page_id, "x_user": platforms["x"].user_id,
        "facebook_code": platforms["facebook"].issue_code(redirect_uri=redirect_uri),
        "x_code": platforms["x"].issue_code(code_verifier=verifier, redirect_uri=redirect_uri), "x_verifier": verifier,
        "redirect_uri": redirect_uri,
    }


def worker_round(hub_server, command: str, *, moment: str, offset: int, page_id: int) -> dict:
    return hub_server.python(ROUND_AT.format(command=command, moment=moment, offset=offset, page_id=page_id))


def compose(page, fieldset, *, text: str, crop: str):
    """One account's post: the prefill checked, the hashtag typed (the live count follows), included, the crop."""
    textarea = fieldset.locator("textarea")
    expect(textarea).to_have_value(text)
    before = int(fieldset.locator("[data-count-length]").inner_text())
    textarea.click()
    textarea.press("End")
    page.keyboard.type(HASHTAG)
    expect(fieldset.locator("[data-preview-text]")).to_have_text(text + HASHTAG)
    expect(fieldset.locator("[data-count-length]")).to_have_text(str(before + len(HASHTAG)))
    fieldset.get_by_label("Post to this account").check()
    fieldset.locator("select[name$=image_size]").select_option(crop)


def compose_and_submit(page, setup, screenshot):
    """The Hanoi editor: the page's Social posts screen, a Facebook (vi) and an X (en) post, saved; then the page
    submitted to HQ review."""
    page.goto(f"/admin/pages/{setup['page_id']}/edit/")
    expect(page.locator("#id_title")).to_have_value(EN_TITLE)
    page.locator("header").get_by_role("button", name=re.compile("Actions|More", re.I)).first.click()
    page.get_by_role("link", name="Social posts").click()
    expect(page).to_have_url(re.compile(rf"/admin/social/pages/{setup['page_id']}/posts/$"))
    facebook = page.locator(f"fieldset[data-account='{setup['accounts']['facebook']}']")
    x = page.locator(f"fieldset[data-account='{setup['accounts']['x']}']")
    expect(facebook).to_contain_text("Prefilled from the share text in “vi”")
    expect(x).to_contain_text("Prefilled from the share text in “en”")
    screenshot(page, "01-composer-prefilled")

    compose(page, facebook, text=FACEBOOK_TEXT, crop=CROPS["facebook"][0])
    compose(page, x, text=X_TEXT, crop=CROPS["x"][0])
    for fieldset, platform in ((facebook, "facebook"), (x, "x")):
        width, height = CROPS[platform][1]
        expect(fieldset.locator("[data-preview-image]")).to_have_attribute("src", re.compile(f"{width}x{height}"))
    expect(x.locator("[data-count-limit]")).to_have_text("280")
    screenshot(page, "02-composer-filled")
    page.get_by_role("button", name="Save social posts").click()
    expect(page.locator(".messages")).to_contain_text("2 social posts saved")
    expect(facebook.locator("textarea")).to_have_value(FACEBOOK_TEXT + HASHTAG)
    expect(x.locator("select[name$=image_size]")).to_have_value(CROPS["x"][0])
    screenshot(page, "03-composer-saved")

    page.get_by_role("link", name="Back to the page").click()
    submit_for_review(page)
    screenshot(page, "04-page-submitted")


def submit_for_review(page):
    footer = page.locator("footer")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name="Submit to HQ review · Asia-Pacific").click()
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")


def compose_second_page(page, setup):
    """A second page with one Facebook post (the one the platform will refuse), submitted the same way."""
    page.goto(f"/admin/social/pages/{setup['second_id']}/posts/")
    facebook = page.locator(f"fieldset[data-account='{setup['accounts']['facebook']}']")
    expect(facebook.locator("textarea")).to_have_value(SECOND_FACEBOOK_TEXT)
    facebook.get_by_label("Post to this account").check()
    page.get_by_role("button", name="Save social posts").click()
    expect(page.locator(".messages")).to_contain_text("1 social posts saved")
    page.goto(f"/admin/pages/{setup['second_id']}/edit/")
    submit_for_review(page)


def approve(page, title: str, *, texts: list[str], screenshot, shot: str):
    """The Asia-Pacific reviewer: the review queue → the page → its social posts in the panel → Approve."""
    page.goto("/admin/moderation/queue/")
    page.locator("[data-moderation-queue] tr", has_text=title).get_by_role("link", name="Review", exact=True).click()
    panel = page.locator("[data-social-posts-review]")
    expect(panel.locator("[data-review-post]")).to_have_count(len(texts))
    for text in texts:
        expect(panel).to_contain_text(text)
    screenshot(page, shot)
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/moderation/queue/$"))
    expect(page.locator("main")).not_to_contain_text(title)


def sent_text(record: dict) -> str:
    """What the platform shows: Facebook's message or photo caption (and its link field), X's text."""
    return " ".join(record[field] for field in ("message", "caption", "link", "text") if record.get(field))


def sent_image_size(platform: str, fake, record: dict) -> tuple[int, int]:
    """The pixel size of the image the platform received with the post (Facebook's photo, X's assembled upload)."""
    if platform == "facebook":
        data = record["photo"]
    else:
        (media_id,) = record["media_ids"]
        data = fake.uploads[media_id]["bytes"]
    return Image.open(io.BytesIO(data)).size


def assert_utm_link(text: str, *, platform: str, key: str, page_path: str):
    links = {link for link in re.findall(r"https?://\S+", text)}
    assert len(links) == 1, (platform, text)
    link = urlsplit(links.pop())
    assert link.path == urlsplit(page_path).path, (platform, link)
    assert {name: values[0] for name, values in parse_qs(link.query).items()} == {
        "utm_source": platform, "utm_medium": "social", "utm_campaign": "hanoi", "utm_id": key}, (platform, link)


def test_social_journey(browser, hub_server, signed_in, mail_outbox, screenshot, social_platforms):
    started = time.monotonic()
    facebook, x = social_platforms["facebook"], social_platforms["x"]
    for fake in (facebook, x):
        fake.posts.clear()
        fake.failures.clear()
    setup = hub_server.python(SETUP.format(
        run=RUN, en_title=EN_TITLE, vi_title=VI_TITLE, second_title=SECOND_TITLE, x_text=X_TEXT,
        facebook_text=FACEBOOK_TEXT, second_text=SECOND_FACEBOOK_TEXT,
        **connect_codes(social_platforms, hub_server.url("/admin/social/oauth/callback/")),
    ))

    # 1. The editor composes both posts on the page and submits it, and one post on a second page.
    editor = signed_in("hanoi_editor")
    compose_and_submit(editor, setup, screenshot)
    compose_second_page(editor, setup)

    # 2. The reviewer sees the posts with each page and approves them; the pages wait for their go-live.
    reviewer = signed_in("asia_reviewer")
    approve(reviewer, EN_TITLE, texts=[FACEBOOK_TEXT + HASHTAG, X_TEXT + HASHTAG], screenshot=screenshot,
            shot="05-review-with-posts")
    approve(reviewer, SECOND_TITLE, texts=[SECOND_FACEBOOK_TEXT], screenshot=screenshot, shot="06-review-second-page")

    # 3. Nothing goes out a second before the go-live; at it, the publish round sends each post once.
    before = worker_round(hub_server, "publish_worker", moment=setup["moment"], offset=-1, page_id=setup["page_id"])
    assert before["live"] is False and {post["status"] for post in before["posts"].values()} == {"approved"}, before
    assert facebook.posts == {} and x.posts == {}
    live = worker_round(hub_server, "publish_worker", moment=setup["moment"], offset=20, page_id=setup["page_id"])
    assert live["live"] is True and {post["status"] for post in live["posts"].values()} == {"sent"}, live
    again = worker_round(hub_server, "social_worker", moment=setup["moment"], offset=40, page_id=setup["page_id"])
    assert again["posts"] == live["posts"]
    assert len(facebook.posts) == 1 and len(x.posts) == 1, (facebook.posts, x.posts)
    for platform, fake, text in (("facebook", facebook, FACEBOOK_TEXT), ("x", x, X_TEXT)):
        (platform_id, record), = fake.posts.items()
        post = live["posts"][platform]
        assert platform_id == post["id"] and platform_id in post["url"], (platform, post)
        shown = sent_text(record)
        assert shown.startswith(text + HASHTAG), (platform, shown)
        assert_utm_link(shown, platform=platform, key=post["key"], page_path=setup["page_path"])
        assert sent_image_size(platform, fake, record) == CROPS[platform][1], platform

    editor.goto(f"/admin/social/pages/{setup['page_id']}/posts/")
    for post in live["posts"].values():
        expect(editor.locator("[data-locked-post]", has_text=post["url"])).to_contain_text("Sent")
    screenshot(editor, "07-posts-sent")

    # 4. Facebook refuses the second page's post: it shows in Failed posts with Facebook's words, the mission head is
    # mailed; the editor's Retry sends it once.
    facebook.fail_next("POST", rf"/{facebook.page_id}/photos$", graph_error(REFUSAL, 1366046))
    failed = worker_round(hub_server, "publish_worker", moment=setup["later"], offset=20, page_id=setup["second_id"])
    assert failed["live"] is True and failed["posts"]["facebook"]["status"] == "failed", failed
    assert len(facebook.posts) == 1
    mail_outbox.wait_for(to="hanoi_head@example.org", subject="Social post failed")

    editor.goto("/admin/social/failures/")
    row = editor.locator("tr[data-post]", has_text=SECOND_TITLE)
    expect(row).to_contain_text(REFUSAL)
    screenshot(editor, "08-failed-posts")
    row.get_by_role("button", name="Retry").click()
    expect(editor.locator(".messages")).to_contain_text("is queued again")
    expect(editor.locator("tr[data-post]", has_text=SECOND_TITLE)).to_have_count(0)
    retried = worker_round(hub_server, "social_worker", moment=setup["later"], offset=60, page_id=setup["second_id"])
    post = retried["posts"]["facebook"]
    assert post["status"] == "sent", retried
    second_posts = {pid: record for pid, record in facebook.posts.items()
                    if sent_text(record).startswith(SECOND_FACEBOOK_TEXT)}
    assert list(second_posts) == [post["id"]] and len(facebook.posts) == 2, facebook.posts
    assert_utm_link(sent_text(second_posts[post["id"]]), platform="facebook", key=post["key"],
                    page_path=setup["second_path"])
    assert sent_image_size("facebook", facebook, second_posts[post["id"]]) == (1200, 630)  # Facebook's default, og

    editor.goto(f"/admin/social/pages/{setup['second_id']}/posts/")
    expect(editor.locator("[data-locked-post]")).to_contain_text(f"Sent · {post['url']}")
    screenshot(editor, "09-retried-and-sent")
    print(f"\nsocial journey: {time.monotonic() - started:.1f} s")
