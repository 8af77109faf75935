"""The leak matrix: nothing unpublished, scheduled, expired, private or unapproved leaves through any endpoint."""

import pytest

from embassies import factories as content
from hub.models import MissionSocialAccount
from social.models import Campaign, SocialPost

from .conftest import SECRET
from .test_social_api import sent_post

LISTINGS = [
    "/api/v1/pages/",
    "/api/v1/pages/?mission=hanoi",
    "/api/v1/pages/?locale=en&fallback=vi",
    "/api/v1/pages/?locale=vi&fallback=en",
    "/api/v1/pages/?tag=Digital%20diplomacy",
    "/api/v1/pages/?type=article&kind=news",
    "/api/v1/events/",
    "/api/v1/consular-notices/",
    "/api/v1/images/",
    "/api/v1/images/?q=image",
    "/api/v1/documents/",
    "/api/v1/feeds/hanoi/vi/rss/",
    "/api/v1/feeds/hanoi/vi/atom/",
    "/api/v1/feeds/hanoi/vi/json/",
    "/api/v1/feeds/hanoi/en/json/",
    "/api/v1/missions/",
    "/api/v1/search/?q=SECRET",
    "/api/v1/search/?q=private%20image&mission=hanoi",
    "/api/v1/search/autocomplete/?q=SECRET",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTINGS)
def test_listings_and_feeds_show_only_public_content(client, network_content, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    assert SECRET not in response.content.decode()


@pytest.mark.django_db
def test_public_page_appears_with_its_live_title_not_the_unapproved_revision(client, network_content):
    titles = [item["title"] for item in client.get("/api/v1/pages/?mission=hanoi&locale=vi").json()["results"]]
    assert "Consular hours for Tet" in titles
    assert network_content["article"].title in titles
    detail = client.get(f"/api/v1/pages/{network_content['revised'].pk}/").json()
    assert detail["title"] == "Consular hours for Tet"


@pytest.mark.django_db
def test_secret_pages_are_404_everywhere(client, network_content):
    for page in network_content["secret_pages"]:
        for url in (
            f"/api/v1/pages/{page.pk}/",
            f"/api/v1/pages/{page.pk}/social/x/",
            f"/api/v1/pages/find/?mission=hanoi&locale=vi&path=news/{page.slug}/",
        ):
            response = client.get(url)
            assert response.status_code == 404, url
            assert response.json()["code"] == "not_found"
            assert SECRET not in response.content.decode()


@pytest.mark.django_db
def test_private_assets_are_404_and_usage_lists_only_public_pages(client, network_content):
    for image in network_content["secret_images"]:
        assert client.get(f"/api/v1/images/{image.pk}/").status_code == 404
        assert client.get(f"/api/v1/images/{image.pk}/usage/").status_code == 404
    for document in network_content["secret_documents"]:
        assert client.get(f"/api/v1/documents/{document.pk}/").status_code == 404

    public_image = network_content["public_image"]
    usage = client.get(f"/api/v1/images/{public_image.pk}/usage/").json()
    assert {page["id"] for page in usage} == {network_content["article"].pk, network_content["english"].pk}
    assert client.get(f"/api/v1/documents/{network_content['public_document'].pk}/").status_code == 200


@pytest.mark.django_db
def test_alternates_list_only_published_translations(client, network_content):
    article = client.get(f"/api/v1/pages/{network_content['article'].pk}/").json()
    assert [(item["locale"], item["title"]) for item in article["alternates"]] == [
        ("en", "Digital transformation in diplomacy")
    ]
    revised = client.get(f"/api/v1/pages/{network_content['revised'].pk}/").json()
    assert revised["alternates"] == []


@pytest.mark.django_db
def test_a_page_becomes_invisible_the_moment_it_is_unpublished(client, network_content):
    article, english = network_content["article"], network_content["english"]
    image_url = f"/api/v1/images/{network_content['public_image'].pk}/"
    assert client.get(f"/api/v1/pages/{article.pk}/").status_code == 200
    article.unpublish()
    assert client.get(f"/api/v1/pages/{article.pk}/").status_code == 404
    assert article.title not in client.get("/api/v1/feeds/hanoi/vi/json/").content.decode()
    assert client.get(image_url).status_code == 200  # the English translation still shows it
    english.unpublish()
    assert client.get(image_url).status_code == 404


@pytest.mark.django_db
def test_rich_text_links_to_non_public_pages_lose_their_address(client, network_content, hanoi):
    """Wagtail writes any linked page's URL into rich text; a draft's or private page's address must not leak."""
    secret_pages = network_content["secret_pages"]
    public = network_content["english"]
    links = "".join(f'<a linktype="page" id="{page.pk}">link {page.pk}</a> ' for page in [*secret_pages, public])
    page = content.article(content.section(hanoi), title="Links everywhere", body=[("rich_text", f"<p>{links}</p>")])

    html = client.get(f"/api/v1/pages/{page.pk}/").json()["body"][0]["value"]["html"]

    for secret in secret_pages:
        assert secret.slug not in html and f"link {secret.pk}" in html
    assert f'<a href="{public.url}">link {public.pk}</a>' in html


@pytest.mark.django_db
def test_private_document_files_and_sitemaps_show_nothing_secret(client, network_content):
    for document in network_content["secret_documents"]:
        assert client.get(document.url).status_code == 404
    assert client.get(network_content["public_document"].url).status_code == 200
    for url in ("/sitemap.xml", "/vi/hanoi/sitemap.xml", "/en/hanoi/sitemap.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode()
        for page in network_content["secret_pages"] + [network_content["draft_translation"]]:
            assert page.get_url() not in response.content.decode(), f"{page.title} in {url}"


SOCIAL = [
    "/api/v1/social/posts/",
    "/api/v1/social/posts/?mission=hanoi",
    "/api/v1/social/posts/?platform=x",
    "/api/v1/social/posts/?campaign=leaks",
    "/api/v1/missions/hanoi/social/posts/",
    "/api/v1/social/campaigns/",
    "/api/v1/social/campaigns/leaks/",
]


@pytest.mark.django_db
def test_social_posts_show_only_sent_posts_of_public_pages(client, network_content, hanoi):
    """A post that went out for each page the public must not see (and posts in every other status for a public
    page): only the public page's sent post is listed, and no secret page's title or id."""
    campaign = Campaign.objects.create(name="Leaks", slug="leaks")
    account = MissionSocialAccount.objects.create(mission=hanoi, platform="x", handle="@vn", url="https://x.com/vn")
    public_post = sent_post(network_content["article"], account, campaign=campaign)
    for page in network_content["secret_pages"]:
        sent_post(page, account, campaign=campaign)
    for status in set(SocialPost.Status.values) - {SocialPost.Status.SENT}:
        sent_post(network_content["english"], account, campaign=campaign, status=status)
    secret_ids = {page.pk for page in network_content["secret_pages"]}

    for url in SOCIAL:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:500])
        assert SECRET not in response.content.decode(), url
        if "/posts/" in url:
            results = response.json()["results"]
            assert [item["id"] for item in results] == [public_post.pk], url
            assert not {item["page"]["id"] for item in results} & secret_ids
