"""The reference embassy site over HTTP (Django's test client): what it shows, and what it never shows.

Hanoi publishes in Vietnamese and English (tests/conftest.py); the fixtures of ./conftest.py fill its English
sections. Pages are parsed as HTML so assertions are about elements (meta tags, links, JSON-LD), not substrings.
"""

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from embassies.presentation.assets import image_json
from embassies import factories as content
from embassies.assets.sizes import SOCIAL_SIZES, extra_formats
from frontend_templates.selectors import SECTION_PAGE_SIZE
from press import factories as press_factories
from press.factories import embargoed_release
from tests.search.conftest import engine_url, search_engine  # noqa: F401 (fixtures for the engine variant)

from .conftest import event, notice


def html(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def structured_data(soup: BeautifulSoup) -> dict:
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def main_text(soup: BeautifulSoup) -> str:
    return soup.find("main").get_text(" ", strip=True)


# What every page shows


def test_mission_home_shows_notices_in_force_first_then_news_and_upcoming_events(client, site):
    soup = html(client.get(site["home"].url))

    sections = [heading.get_text(strip=True) for heading in soup.main.find_all("h2")]
    assert sections[:3] == ["Consular notices in force", "Latest news", "Upcoming events"]
    notices = soup.find("section", class_="home-notices")
    assert "Typhoon warning" in notices.get_text()
    assert "Flood advisory" not in main_text(soup)  # expired: only on its own page, marked
    assert soup.find("a", string="Ambassador presents credentials")["href"] == site["article"].url
    assert soup.find("a", string="Autumn concert")["href"] == site["event"].url


def test_mission_home_lists_the_most_severe_notice_first(client, site):
    notice(site["notice"].get_parent(), title="Visa office hours", severity="information")

    notices = html(client.get(site["home"].url)).find("section", class_="home-notices")

    titles = [link.get_text(strip=True) for link in notices.find_all("a")]
    assert titles == ["Typhoon warning", "Visa office hours"]


def test_mission_home_describes_the_mission_as_a_government_organisation(client, site, hanoi):
    data = structured_data(html(client.get(site["home"].url)))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == site["home"].title
    assert data["address"]["addressCountry"] == hanoi.country


def test_page_has_landmarks_and_a_skip_link_to_main(client, site):
    soup = html(client.get(site["article"].url))

    skip = soup.body.find("a")
    assert skip["href"] == "#main" and soup.find(id="main").name == "main"
    assert soup.find("header", class_="site-header") and soup.find("footer", class_="site-footer")
    assert soup.find("nav", attrs={"aria-label": "Main"})
    news_link = soup.find("nav", attrs={"aria-label": "Main"}).find("a", string="News")
    assert news_link["aria-current"] == "true"


def test_article_has_open_graph_and_x_card_from_its_share_texts(client, site, hero):
    soup = html(client.get(site["article"].url))
    social = image_json(hero, request=None)["social"]  # the API's own image JSON: the same URLs
    og_image = social["og"]

    assert meta(soup, "og:title") == "Ambassador presents credentials"
    assert meta(soup, "og:description") == "Facebook: a new ambassador in Hanoi."
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:url") == site["article"].full_url
    assert meta(soup, "og:image").endswith(og_image["url"])
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == (str(og_image["width"]), str(og_image["height"]))
    assert og_image["width"] / og_image["height"] == pytest.approx(1200 / 630, rel=0.01)  # the og crop (never upscaled)
    assert meta(soup, "og:image:alt") == "The ambassador shakes hands with the President"
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:description") == "X: a new ambassador in Hanoi."
    assert SOCIAL_SIZES["og"] in og_image["url"] and SOCIAL_SIZES["x"] in social["x"]["url"]
    assert meta(soup, "twitter:image").endswith(social["x"]["url"])


def test_share_meta_falls_back_to_the_standfirst(client, site):
    page = content.article(site["news"], title="Scholarships open", summary="Apply by March.")

    soup = html(client.get(page.url))

    assert meta(soup, "og:description") == meta(soup, "twitter:description") == "Apply by March."
    assert meta(soup, "twitter:card") == "summary"  # no image to show large
    assert meta(soup, "og:image") is None


def test_article_json_ld_is_a_news_article(client, site):
    data = structured_data(html(client.get(site["article"].url)))

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Ambassador presents credentials"
    assert data["inLanguage"] == "en"
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert dt.datetime.fromisoformat(data["datePublished"]) == site["article"].first_published_at
    assert data["image"] == [meta(html(client.get(site["article"].url)), "og:image")]


def test_json_ld_cannot_close_its_script_element(client, site):
    page = content.article(site["news"], title="Trade </script><script>alert(1)</script>", summary="x")

    soup = html(client.get(page.url))

    assert structured_data(soup)["headline"].startswith("Trade </script>")
    assert "<script>alert(1)" not in client.get(page.url).content.decode()


def test_article_body_and_hero_are_responsive_images_with_alt_text(client, site, hero):
    soup = html(client.get(site["article"].url))

    picture = soup.find("figure", class_="hero").img
    assert picture["alt"] == "The ambassador shakes hands with the President"
    assert picture["sizes"]
    widths = [candidate.split()[-1] for candidate in picture["srcset"].split(", ")]
    assert widths == ["480w", "640w"]  # the original is 640 px wide: no upscaled renditions are offered
    sources = soup.find("figure", class_="hero").find_all("source")
    assert [source["type"] for source in sources] == [f"image/{name}" for name in ("avif", "webp") if name in extra_formats()]
    assert all(source["sizes"] == picture["sizes"] and len(source["srcset"].split(", ")) == 2 for source in sources)
    assert all(image.has_attr("alt") for image in soup.find_all("img"))
    assert soup.find("blockquote").get_text(strip=True) == "A new chapter for our partnership."
    assert soup.find("aside", class_="fact-box").h2.get_text() == "In numbers"


def test_event_json_ld_gives_start_and_end_in_the_venue_time_zone(client, site):
    data = structured_data(html(client.get(site["event"].url)))

    assert data["@type"] == "Event"
    assert data["startDate"].endswith("+07:00")
    assert dt.datetime.fromisoformat(data["startDate"]) == site["event"].starts_at
    assert data["location"] == {"@type": "Place", "name": "Hanoi Opera House", "address": "Hanoi Opera House"}
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_consular_notice_in_force_and_expired_are_marked(client, site):
    in_force = html(client.get(site["notice"].url)).find(class_="status")
    expired = html(client.get(site["expired_notice"].url)).find(class_="status")

    assert "status--critical" in in_force["class"] and "In force" in in_force.get_text()
    assert "status--expired" in expired["class"] and "No longer in force" in expired.get_text()


def test_internal_links_in_a_body_keep_the_address_of_a_public_page_and_lose_a_drafts_on_site_and_api(client, site):
    """One body presentation for both: a rich-text link or a call to action to a public page is a link on the
    site and in the API; the same links to a draft keep their text and lose their address in both."""
    news = site["news"]
    public, linked_only_in_text = site["article"], site["event"]
    draft = content.article(news, title="Draft statement", live=False)
    page = content.article(
        news,
        title="Links to read",
        body=[
            ("rich_text", f'<p><a linktype="page" id="{linked_only_in_text.pk}">concert</a> and <a linktype="page" id="{draft.pk}">soon</a></p>'),
            ("call_to_action", {"text": "Read the release", "page": public, "url": ""}),
            ("call_to_action", {"text": "Read the draft", "page": draft, "url": ""}),
        ],
    )

    main = html(client.get(page.url)).find("main")
    assert main.find("a", string="concert")["href"] == linked_only_in_text.url
    assert not main.find("a", string="soon").has_attr("href")
    assert main.find("a", string="Read the release")["href"] in (public.url, public.full_url)
    assert main.find("a", string="Read the draft") is None
    assert draft.slug not in str(main)

    body = client.get(f"/api/v1/pages/{page.pk}/").json()["body"]
    assert f'<a href="{linked_only_in_text.url}">concert</a>' in body[0]["value"]["html"]
    assert "soon" in body[0]["value"]["html"] and draft.slug not in body[0]["value"]["html"]
    assert body[1]["value"]["url"] == public.full_url
    assert body[2]["value"]["url"] is None


# Listings and pagination


def test_news_section_is_paginated_newest_first(client, site):
    news = site["news"]
    for number in range(SECTION_PAGE_SIZE):
        content.article(news, title=f"Update {number:02d}")

    first = html(client.get(news.url))
    second = html(client.get(news.url, {"page": 2}))

    first_titles = [link.get_text(strip=True) for link in first.select(".card-list .card__title a")]
    assert len(first_titles) == SECTION_PAGE_SIZE and first_titles[0] == "Update 09"
    assert [link.get_text(strip=True) for link in second.select(".card-list .card__title a")] == [
        "Ambassador presents credentials"
    ]
    assert first.find("a", rel="next")["href"] == "?page=2"
    assert second.find("a", rel="prev")["href"] == "?page=1" and second.find("a", rel="next") is None


@pytest.mark.parametrize("number", ["abc", "0", "99"])
def test_news_section_answers_a_bad_page_number_with_a_valid_page(client, site, number):
    soup = html(client.get(site["news"].url, {"page": number}))

    assert soup.select(".card-list .card__title a")


# Nothing unpublished, private or expired


def test_site_never_renders_drafts(client, site):
    draft = content.article(site["news"], title="Draft visa rules", live=False)
    live = site["article"]
    live.title = "Unapproved new headline"
    live.save_revision()  # latest revision unpublished

    assert client.get(draft.get_url()).status_code == 404
    for url in (site["home"].url, site["news"].url, live.url):
        text = client.get(url).content.decode()
        assert "Draft visa rules" not in text and "Unapproved new headline" not in text
    assert "Ambassador presents credentials" in client.get(live.url).content.decode()


def test_site_never_shows_an_embargoed_release_even_to_a_journalist_it_is_addressed_to(client, site, hanoi):
    image = content.image(title="Embargoed photo", collection=hanoi.collection, alt_text="Signing ceremony")
    release = embargoed_release(
        hanoi, title="Embargoed trade agreement", language="en", hero_image=image, body="Embargoed terms"
    )
    url = f"/en/hanoi/news/{release.slug}/"
    reader = Client()
    reader.force_login(press_factories.journalist("site_reporter", missions=[hanoi]).user)
    for visitor in (client, reader):
        assert visitor.get(url).status_code == 404
        for page_url in (site["home"].url, site["news"].url, "/en/hanoi/search/?q=embargoed", "/en/hanoi/sitemap.xml"):
            text = visitor.get(page_url).content.decode()
            assert "Embargoed trade agreement" not in text and release.slug not in text, page_url


@pytest.mark.parametrize("kind", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS])
def test_restricted_pages_never_show_their_content(client, site, staff, kind):
    page = content.article(site["news"], title="Restricted briefing", summary="Only for the team.")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="s3cret")
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(staff["hanoi_editor"].groups.first())

    anonymous = client.get(page.url)
    staff_member = Client()
    staff_member.force_login(staff["hanoi_editor"])
    if kind == PageViewRestriction.PASSWORD:
        with translation.override("en"):
            form_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
        passed = staff_member.post(form_url, {"password": "s3cret", "return_url": page.url})
    after_restriction = staff_member.get(page.url)

    assert anonymous.status_code in (200, 302) and "Only for the team." not in anonymous.content.decode()
    if kind != PageViewRestriction.PASSWORD:
        assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    else:
        assert passed.status_code == 302 and passed["Location"] == page.url
    assert after_restriction.status_code == 404  # the reference site is the public site
    for url in (site["home"].url, site["news"].url):
        assert "Restricted briefing" not in client.get(url).content.decode()


def test_pages_past_their_expiry_are_not_served_before_the_scheduler_unpublishes_them(client, site):
    page = site["article"]
    page.expire_at = timezone.now() - dt.timedelta(minutes=1)
    page.save(update_fields=["expire_at"])

    assert client.get(page.url).status_code == 404
    assert "Ambassador presents credentials" not in client.get(site["home"].url).content.decode()


def test_another_missions_unpublished_path_is_not_found(client, paris):
    draft = content.article(content.section(paris, "news", "en"), title="Paris draft", live=False)
    path = draft.get_url() or f"/en/paris/news/{draft.slug}/"

    assert client.get(path).status_code == 404
    assert client.get(f"/en/hanoi/news/{draft.slug}/").status_code == 404


# Languages


def alternates(soup: BeautifulSoup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}


def test_hreflang_lists_only_public_translations(client, site):
    article = site["article"]
    vietnamese = article.copy_for_translation(Locale.objects.get(language_code="vi"))

    before = alternates(html(client.get(article.url)))
    vietnamese.save_revision().publish()
    after = alternates(html(client.get(article.url)))

    assert before == {"en": article.full_url}
    assert after == {"en": article.full_url, "vi": vietnamese.specific.full_url}
    switcher = html(client.get(article.url)).find("nav", attrs={"aria-label": "Languages"})
    assert switcher.find("a", hreflang="vi")["lang"] == "vi"


def test_arabic_pages_are_right_to_left_with_a_language_switcher(client, cairo):
    arabic = content.article(content.section(cairo, "news"), title="تعاون في مجال المناخ", summary="ندوة.")

    soup = html(client.get(arabic.url))

    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    assert structured_data(soup)["inLanguage"] == "ar"
    assert soup.find("a", class_="skip-link").get_text() == "انتقل إلى المحتوى الرئيسي"  # the interface speaks Arabic too
    assert soup.find(class_="content-label").get_text() == "خبر"


def isolated_within(soup: BeautifulSoup, container, text: str) -> bool:
    """Whether `text` (found inside `container`) sits in a <bdi> or an element with `dir` below `container`, so
    the bidi algorithm treats it as one run whatever the page's direction."""
    found = container.find(string=lambda string: string and text in string)
    assert found is not None, f"{text!r} is not in {container.name}"
    element = found.parent
    while element is not None and element is not container:
        if element.name == "bdi" or element.has_attr("dir"):
            return True
        element = element.parent
    return False


def test_latin_addresses_names_and_numbers_on_an_arabic_page_are_isolated(client, cairo):
    cairo.address, cairo.phone, cairo.email = "1 Corniche El Nil, Garden City (Gate 2)", "+20 2 2797 3300", "info@cairo.example"
    cairo.full_clean()
    cairo.save()
    events = content.section(cairo, "events")
    concert = event(events, title="حفل موسيقي", venue="Cairo Opera House", address="Gezira, Zamalek (Hall B)",
                    timezone="Africa/Cairo")

    soup = html(client.get(concert.url))

    assert soup.html["dir"] == "rtl"
    footer_address = soup.find("footer", class_="site-footer").find("address")
    assert isolated_within(soup, footer_address, "1 Corniche El Nil, Garden City (Gate 2)")
    assert isolated_within(soup, footer_address, "Cairo")
    venue = soup.find("dl", class_="event-facts")
    assert isolated_within(soup, venue, "Cairo Opera House")
    assert isolated_within(soup, venue, "Gezira, Zamalek (Hall B)")
    contacts = soup.find("ul", class_="contact-list")
    assert contacts.find("a", href="tel:+20227973300")["dir"] == "ltr"
    assert contacts.find("a", href="mailto:info@cairo.example")["dir"] == "ltr"
    starts = venue.find("time")
    assert starts["dir"] == "auto"  # a date with Latin digits keeps its own order


def test_a_plain_arabic_footer_without_isolation_would_fail_the_check():
    soup = BeautifulSoup('<footer><address>السفارة<br>1 Corniche El Nil (Gate 2)</address></footer>', "html.parser")

    assert not isolated_within(soup, soup.address, "1 Corniche El Nil (Gate 2)")


# Search


def search(client, path="/en/hanoi/search/", **params):
    return html(client.get(path, params))


def facet_values(soup: BeautifulSoup, name: str) -> dict[str, str]:
    return {box["value"]: box.find_next("label").get_text(" ", strip=True) for box in soup.find_all("input", attrs={"name": name})}


def test_search_page_shows_facets_and_filters_by_them(client, site):
    everything = search(client)
    notices = search(client, kind="consular_notice")

    kinds = facet_values(everything, "kind")
    assert set(kinds) >= {"press_release", "event", "consular_notice"}
    assert kinds["consular_notice"] == "Consular notice (2)"
    assert {title.get_text(strip=True) for title in notices.select(".result__title a")} == {"Flood advisory", "Typhoon warning"}
    assert notices.find("input", attrs={"name": "kind", "value": "consular_notice"}).has_attr("checked")


def test_search_finds_text_and_never_drafts(client, site):
    content.article(site["news"], title="Credentials draft", live=False)

    soup = search(client, q="credentials")

    titles = [title.get_text(strip=True) for title in soup.select(".result__title a")]
    assert titles == ["Ambassador presents credentials"]
    assert soup.select_one(".result__title a")["href"] == site["article"].url


def test_search_is_paginated(client, site):
    for number in range(12):
        content.article(site["news"], title=f"Bulletin {number}")

    first, second = search(client, q="Bulletin"), search(client, q="Bulletin", page=2)

    assert len(first.select(".result")) == 10 and len(second.select(".result")) == 2
    assert first.find("a", rel="next")["href"] == "?q=Bulletin&page=2"
    assert second.find("a", rel="prev")["href"] == "?q=Bulletin&page=1"
    assert "12 results" in first.find(class_="search-summary").get_text()


def test_search_with_bad_parameters_answers_400_with_a_message(client, site):
    response = client.get("/en/hanoi/search/", {"q": "x" * 400})

    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").find(id="search-q-error")


def test_search_of_a_language_the_mission_does_not_publish_in_is_not_found(client, site):
    assert client.get("/fr/hanoi/search/").status_code == 404
    assert client.get("/en/nowhere/search/").status_code == 404


def test_search_page_works_on_the_search_engine(client, site, search_engine):
    soup = search(client, q="credentials")

    assert [title.get_text(strip=True) for title in soup.select(".result__title a")] == ["Ambassador presents credentials"]
    assert facet_values(soup, "kind") == {"press_release": "Press release (1)"}


# Query counts


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["home", "news"])
def test_listing_queries_do_not_grow_with_the_number_of_items(client, site, page):
    url = site[page].url
    client.get(url)  # renditions are made on first view
    before = queries_for(client, url)
    for number in range(4):
        content.article(site["news"], title=f"More news {number}", hero_image=site["hero"])
        event(site["event"].get_parent(), title=f"More events {number}", hero_image=site["hero"])
    client.get(url)

    assert queries_for(client, url) == before


def test_mission_home_reads_view_restrictions_inside_its_listing_queries(client, site):
    """'Not behind a view restriction' is a clause of each listing's own query: Wagtail's `.public()` would first
    read every restriction in a query of its own, once per listing and once for the navigation."""
    PageViewRestriction.objects.create(page=site["event"].get_parent(), restriction_type=PageViewRestriction.LOGIN)
    url = site["home"].url
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        soup = html(client.get(url))

    assert "Autumn concert" not in main_text(soup)  # the restricted section's event is still left out
    reads = [query["sql"] for query in queries if query["sql"].split(" WHERE ")[0].endswith('FROM "wagtailcore_pageviewrestriction"')
             or 'FROM "wagtailcore_pageviewrestriction" INNER JOIN' in query["sql"].split(" WHERE ")[0]]
    # Only Wagtail's check of the served page's own restrictions (`page_id IN` its ancestors) is left.
    assert len(reads) == 1 and '"page_id" IN' in reads[0], reads
