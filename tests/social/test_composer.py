"""The composer over HTTP: one post per connected account of the page's mission, prefilled in the account's
language, counted as the platform counts, saved whole or not at all, seen by the reviewer with the page."""

from datetime import datetime, timezone as dt_timezone
from importlib import import_module
from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.models import Page, Site

from embassies import factories
from embassies.services import site_address_set
from embassies.presentation.social import share_text
from hub.models import MissionSocialAccount
from moderation.models import Submission
from social.models import Campaign, SocialConnection, SocialPost
from tests.moderation.conftest import submit_over_http

from .conftest import header_title

pytestmark = pytest.mark.django_db

# The composer's hooks (its admin URLs, the page button, the review panel): social/wagtail_hooks.py imports them at
# merge; until then this registers them before the admin's URLconf is first read.
import_module("social.composer_hooks")

FB_VI = "Đại sứ quán mở cửa Trung tâm báo chí trực tuyến."
X_EN = "The embassy opens its online press centre."


@pytest.fixture(autouse=True)
def served_at_a_public_address(db):
    """X weighs a link as 23 only when it is one (a public top-level domain): 'localhost' would count in full."""
    site_address_set(hostname="www.embassy-hub.org", port=443)
    yield
    Site.clear_site_root_paths_cache()


def connected(mission, platform, language_code, handle):
    account = MissionSocialAccount.objects.create(mission=mission, platform=platform, handle=handle,
                                                  language_code=language_code, url=f"https://example.com/{handle}")
    connection = SocialConnection(account=account, external_account_id="42")
    connection.access_token = "token"
    connection.save()
    return account


@pytest.fixture
def accounts(hanoi):
    return {"facebook": connected(hanoi, "facebook", "vi", "embassy.vi"), "x": connected(hanoi, "x", "en", "embassy_en")}


@pytest.fixture
def page(hanoi):
    """An English article with an X text, whose Vietnamese translation carries the Facebook text."""
    english = factories.article(factories.section(hanoi, language_code="en"), title="Press centre", live=False,
                                summary="The online press centre is open.", share_text_x=X_EN,
                                search_description="Briefings, releases and accreditation online.")
    vietnamese = factories.article(factories.section(hanoi, language_code="vi"), title="Trung tâm báo chí",
                                   live=False, summary="Trung tâm báo chí đã mở.", share_text_facebook=FB_VI)
    Page.objects.filter(pk=vietnamese.pk).update(translation_key=english.translation_key)
    return english


@pytest.fixture
def editor(client, staff):
    client.force_login(staff["hanoi_editor"])
    return client


def url(page, rest=""):
    return f"/admin/social/pages/{page.pk}/posts/{rest}"


def form_data(accounts, **per_platform):
    """The composer's form: each platform named in `per_platform` is included with those fields."""
    data = {"page-campaign": ""}
    for platform, account in accounts.items():
        fields = per_platform.get(platform)
        prefix = f"a{account.pk}-"
        data[prefix + "send_mode"] = "with_page"
        if fields is not None:
            data[prefix + "include"] = "on"
            data |= {prefix + name: value for name, value in fields.items()}
    return data


def test_editor_composes_facebook_vi_and_x_en_posts(editor, accounts, page):
    screen = editor.get(url(page))
    html = screen.content.decode()
    assert screen.status_code == 200
    assert FB_VI in html and X_EN in html  # each prefilled in its account's language
    assert "Briefings, releases and accreditation online." in html  # the link card's description

    answer = editor.post(url(page), form_data(accounts, facebook={"text": FB_VI, "image_size": "og"},
                                              x={"text": X_EN, "image_size": "x"}))

    assert answer.status_code == 302
    posts = {post.account.platform: post for post in SocialPost.objects.filter(page=page)}
    assert posts["facebook"].text == FB_VI and posts["facebook"].image_size == "og"
    assert posts["x"].text == X_EN and posts["x"].image_size == "x"
    assert {post.status for post in posts.values()} == {SocialPost.Status.DRAFT}
    query = parse_qs(urlsplit(posts["x"].link).query)
    assert query == {"utm_source": ["x"], "utm_medium": ["social"], "utm_campaign": ["hanoi"], "utm_id": [posts["x"].key]}
    assert parse_qs(urlsplit(posts["facebook"].link).query)["utm_source"] == ["facebook"]

    again = editor.get(url(page)).content.decode()  # the saved drafts come back for editing
    assert f'name="a{accounts["x"].pk}-include"' in again and "checked" in again


def test_too_long_x_text_is_a_form_error_and_nothing_is_saved(editor, accounts, page):
    text = "a" * 257  # 257 + a space + the link counted as 23 = 281
    answer = editor.post(url(page), form_data(accounts, facebook={"text": FB_VI}, x={"text": text}))

    assert answer.status_code == 400
    html = answer.content.decode()
    assert "281 characters as X counts them; the limit is 280" in html
    assert not SocialPost.objects.filter(page=page).exists()  # the valid Facebook post was not saved either

    fits = editor.post(url(page), form_data(accounts, x={"text": "a" * 256}))
    assert fits.status_code == 302 and SocialPost.objects.get(page=page).text == "a" * 256


@pytest.mark.parametrize("text, expected", [
    ("Read more: https://example.com/a/very/long/path/that/x/shortens?x=1", len("Read more: ") + 23),
    ("日本語", 6),  # CJK weighs 2
    ("Xin chào Việt Nam", 18),  # 'ệ' (Latin Extended Additional) weighs 2 on X, 'à' (Latin-1) 1
])
def test_x_count_weighs_urls_as_23_and_cjk_and_vietnamese_letters(editor, accounts, page, text, expected):
    answer = editor.post(url(page, "count/"), {"account": accounts["x"].pk, "text": text})
    body = answer.json()
    assert answer.status_code == 200
    assert body["length"] == expected + 1 + 23  # the post's own link is added by X's adapter and counts 23
    assert body["limit"] == 280 and body["over"] is False


def test_facebook_count_is_characters_with_the_link(editor, accounts, page):
    body = editor.post(url(page, "count/"), {"account": accounts["facebook"].pk, "text": "Xin chào Việt Nam"}).json()
    link_length = body["length"] - len("Xin chào Việt Nam") - 2
    assert body["limit"] == 63206 and link_length > 23  # the whole link, as Facebook shows it


def test_count_with_bad_input_is_a_400_json(editor, accounts, page):
    unknown = editor.post(url(page, "count/"), {"account": "999999", "text": "x"})
    missing = editor.post(url(page, "count/"), {"account": accounts["x"].pk})
    assert unknown.status_code == 400 and unknown.json()["code"] == "unknown_account"
    assert missing.status_code == 400 and missing.json()["code"] == "missing_text"


def test_prefill_falls_back_through_the_translations_then_the_page(hanoi, page):
    vietnamese = Page.objects.get(translation_key=page.translation_key, locale__language_code="vi").specific
    # in the account's language
    assert share_text(page, platform="facebook", language_code="vi") == {"text": FB_VI, "locale": "vi"}
    # no French version: the other translations (Vietnamese has the Facebook text) before the page's own (none)
    assert share_text(page, platform="facebook", language_code="fr") == {"text": FB_VI, "locale": "vi"}
    # no translation has an X text: the page's own, reached from the Vietnamese version too
    assert share_text(vietnamese, platform="x", language_code="vi") == {"text": X_EN, "locale": "en"}
    # no share text anywhere: the standfirst of the version in the account's language
    assert share_text(page, platform="linkedin", language_code="vi") == {"text": "Trung tâm báo chí đã mở.", "locale": "vi"}


def test_a_campaign_adds_its_hashtag_and_names_the_links_campaign(editor, accounts, page, hanoi):
    campaign = Campaign.objects.create(name="Press freedom", slug="press-freedom-2027", hashtag="PressFreedom")
    campaign.missions.add(hanoi)
    html = editor.get(url(page) + f"?campaign={campaign.pk}").content.decode()
    assert f"{X_EN} #PressFreedom" in html

    editor.post(url(page), form_data(accounts, x={"text": f"{X_EN} #PressFreedom"}) | {"page-campaign": campaign.pk})
    post = SocialPost.objects.get(page=page)
    assert post.campaign == campaign and "utm_campaign=press-freedom-2027" in post.link


def test_a_post_at_a_time_is_kept_in_utc_from_the_missions_time(editor, accounts, page):
    answer = editor.post(url(page), form_data(accounts, x={"text": X_EN, "send_mode": "at_time",
                                                           "send_at": "2027-03-08T09:30"}))
    assert answer.status_code == 302
    post = SocialPost.objects.get(page=page)
    assert post.send_mode == "at_time"
    assert post.send_at == datetime(2027, 3, 8, 2, 30, tzinfo=dt_timezone.utc)  # Hanoi is UTC+7

    no_time = editor.post(url(page), form_data(accounts, x={"text": X_EN, "send_mode": "at_time"}))
    assert no_time.status_code == 400 and "Give the time to send" in no_time.content.decode()


def test_leaving_an_account_out_cancels_its_draft(editor, accounts, page):
    editor.post(url(page), form_data(accounts, facebook={"text": FB_VI}, x={"text": X_EN}))
    editor.post(url(page), form_data(accounts, x={"text": X_EN}))
    statuses = dict(SocialPost.objects.filter(page=page).values_list("account__platform", "status"))
    assert statuses == {"facebook": "cancelled", "x": "draft"}


def test_the_page_editor_links_to_its_social_posts(editor, accounts, page):
    assert url(page) in editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()


def test_another_missions_editor_gets_404(client, staff, accounts, page):
    client.force_login(staff["paris_editor"])
    assert client.get(url(page)).status_code == 404
    assert client.post(url(page), form_data(accounts, x={"text": "hijack"})).status_code == 404
    assert client.post(url(page, "count/"), {"account": accounts["x"].pk, "text": "x"}).status_code == 404
    assert not SocialPost.objects.exists()


def test_a_page_without_share_texts_has_no_composer(editor, hanoi):
    section = factories.section(hanoi)
    assert editor.get(url(section)).status_code == 404


def test_the_reviewer_sees_the_posts_with_the_page(client, staff, accounts, page):
    client.force_login(staff["hanoi_editor"])
    client.post(url(page), form_data(accounts, facebook={"text": FB_VI, "image_size": "og"}, x={"text": X_EN}))
    submit_over_http(client, page, search_description="Submitted description.")
    submission = Submission.objects.get(page=page)

    client.force_login(staff["asia_reviewer"])
    html = client.get(f"/admin/moderation/queue/{submission.pk}/").content.decode()

    assert "data-social-posts-review" in html
    assert FB_VI in html and X_EN in html
    assert html.count("data-review-post=") == 2
    assert "Submitted description." in html  # the preview's link card, from the revision under review


def test_the_composer_is_named_with_its_page_in_the_header(editor, accounts, page):
    title = header_title(editor.get(url(page)).content.decode())
    assert title.startswith("Social posts") and title.endswith("Press centre")
