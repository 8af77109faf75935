"""axe-core in Debian's Chromium on every page type of the reference site: no serious or critical violations.

The pages are rendered once, by Django's test client inside a transaction that is rolled back (the session
network stays as it was), then loaded into the browser at their real URLs: a Playwright route answers each
request with the rendered response, the site's CSS from the static finders and renditions from MEDIA_ROOT, so
axe sees exactly what a visitor gets, styles and images included (image URLs that Wagtail's view answers, such
as signed renditions, are fetched through the test client while rendering). Other origins are refused.
Django refuses ORM calls while Playwright's event loop runs, so no browser is open while the ORM is used.

Results per page type are saved as JSON (and a screenshot) under $HUB_TEST_ARTIFACTS/axe/.
"""

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import transaction
from django.test import Client

from embassies import factories as content
from embassies.models import Topic
from hub.models import Mission
from press import factories as press_factories
from press.factories import embargoed_release
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, browser_missing

from .axe import AXE_SCRIPT, artifacts_dir, axe_run, axe_save, blocking_violations, violations_by_impact
from .conftest import cairo_mission, site_content

ORIGIN = "http://testserver"
# The mark makes pytest-django set up the test databases (it does only for sessions with database tests).
pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Rendered:
    status: int
    headers: dict[str, str]
    body: bytes

    @classmethod
    def of(cls, response) -> "Rendered":
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return cls(response.status_code, {name: value for name, value in response.items()}, body)


@dataclass(frozen=True)
class RenderedSite:
    """The URL path of each page type, and the site's response for each path."""

    paths: dict[str, str]
    responses: dict[str, Rendered]


def _full_body(hanoi, hero) -> list:
    """A body using every block type, so axe checks each block's markup."""
    gallery_image = content.image(title="Hanoi skyline", collection=hanoi.collection, alt_text="Hanoi's skyline at dusk")
    chart = content.image(title="Trade chart", collection=hanoi.collection, alt_text="Bar chart of bilateral trade, 2021–2025")
    leaflet = content.document(title="Scholarship leaflet", collection=hanoi.collection)
    return [
        ("rich_text", "<h2>What was agreed</h2><p>Both sides agreed to <a href='https://example.org'>expand scholarships</a>.</p>"),
        ("image", {"image": hero, "caption": "At the Presidential Palace.", "credit": ""}),
        ("quote", {"quote": "A new chapter for our partnership.", "attribution": "Catherine Morley", "role": "Ambassador"}),
        ("fact_box", {"title": "In numbers", "facts": ["120 scholarships", "14 universities"]}),
        ("gallery", {"title": "The ceremony", "images": [
            {"image": hero, "caption": "Arrival.", "credit": ""},
            {"image": gallery_image, "caption": "", "credit": "Embassy photo"},
        ]}),
        ("video", {"url": "https://www.youtube.com/watch?v=abcdefgh12", "title": "The ceremony", "poster": hero, "caption": "With captions."}),
        ("document", {"document": leaflet, "title": "", "description": "Who can apply and how."}),
        ("call_to_action", {"text": "Apply for a scholarship", "page": None, "url": "https://example.org/apply"}),
        ("infographic", {"image": chart, "text_alternative": "Trade grew from 4.1 to 6.8 billion dollars.", "caption": "Trade", "credit": ""}),
    ]


def _build_and_render() -> RenderedSite:
    hanoi = Mission.objects.get(slug="hanoi")
    site = site_content(hanoi)
    site["article"].body = _full_body(hanoi, site["hero"])
    site["article"].topics.set([Topic.objects.create(name="Education", slug="education", locale=site["home"].locale)])
    site["article"].save_revision().publish()
    for number in range(12):
        content.article(site["news"], title=f"Scholarship update {number}", hero_image=site["hero"] if number % 2 else None)
    cairo = cairo_mission()
    arabic = content.article(
        content.section(cairo, "news"),
        title="ندوة حول المياه والمناخ",
        summary="نظّمت السفارة ندوة حول المياه والمناخ بالتعاون مع جامعة القاهرة.",
        hero_image=site["hero"],
        body=[("rich_text", "<p>جمعت الندوة خبراء المياه والزراعة.</p>")],
    )
    briefing = press_factories.briefing(
        press_factories.briefings_section(hanoi, "en"), title="Press conference", briefing_format="hybrid",
        live_stream_url="https://www.youtube.com/live/dQw4w9WgXcQ", spokesperson="Catherine Morley",
        transcript=[("exchange", {"question": "When do scholarships open?", "journalist": "A. Reporter",
                                  "outlet": "Le Courrier", "answer": "<p>In March.</p>", "spokesperson": ""})],
    )
    pages = {
        "home": site["home"].url,
        "news-list": site["news"].url + "?page=1",
        "article": site["article"].url,
        "event": site["event"].url,
        "consular-notice": site["notice"].url,
        "search": "/en/hanoi/search/?q=scholarship",
        "topic-list": "/en/hanoi/topics/education/",
        "arabic-article": arabic.url,
        "press-register": "/en/press/register/",
        "press-sign-in": "/en/press/login/",
        "briefing": briefing.url,
    }
    release = embargoed_release(hanoi, title="Trade agreement under embargo", language="en", hero_image=site["hero"])
    reporter = Client()  # the press area: a journalist's own answers
    reporter.force_login(press_factories.journalist("axe_reporter", missions=[hanoi]).user)
    press_pages = {"press-releases": "/en/press/releases/", "press-release-embargoed": f"/en/press/releases/{release.pk}/"}
    pages.update(press_pages)
    client = Client()
    responses = {}
    # The press area's briefing page, as an accredited journalist sees it.
    journalist = Client()
    journalist.force_login(press_factories.journalist("axe-reporter").user)
    pages["press-briefing"] = f"/en/press/briefings/{briefing.pk}/"
    press_page = journalist.get(pages["press-briefing"])
    assert press_page.status_code == 200, press_page.status_code
    responses[pages["press-briefing"]] = Rendered.of(press_page)
    for name, path in pages.items():
        if path in responses:
            continue
        response = (reporter if name in press_pages else client).get(path)
        assert response.status_code == 200, (name, path, response.status_code)
        responses[path] = Rendered.of(response)
        for image_path in _image_paths(response.content):
            if image_path not in responses:  # e.g. a signed rendition URL: Wagtail's view makes it, then redirects
                responses[image_path] = Rendered.of(client.get(image_path))
    return RenderedSite(paths=pages, responses=responses)


def _image_paths(html: bytes) -> set[str]:
    """The site's own image URLs a page uses (src and every srcset candidate) that are not plain files."""
    soup = BeautifulSoup(html, "html.parser")
    urls = set()
    for image in soup.find_all(["img", "source"]):
        urls.update(filter(None, [image.get("src")]))
        urls.update(candidate.split()[0] for candidate in image.get("srcset", "").split(",") if candidate.strip())
    paths = {urlsplit(url).path for url in urls if url.startswith(("/", ORIGIN))}
    return {path for path in paths if not path.startswith((settings.STATIC_URL, settings.MEDIA_URL))}


@pytest.fixture(scope="module")
def rendered_pages(django_db_setup, django_db_blocker):
    """Every page type rendered by the site, from content made in a transaction that is then rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        rendered = _build_and_render()
        transaction.set_rollback(True)
    return rendered


def _file_response(path: Path | None) -> dict:
    if path is None or not path.is_file():
        return {"status": 404, "body": b""}
    return {"status": 200, "content_type": mimetypes.guess_type(path.name)[0] or "application/octet-stream", "body": path.read_bytes()}


def _asset(url_path: str) -> dict:
    """A static file (through the static finders, as runserver serves them) or a media file (renditions)."""
    if url_path.startswith(settings.STATIC_URL):
        found = finders.find(url_path.removeprefix(settings.STATIC_URL))
        return _file_response(Path(found) if found else None)
    if url_path.startswith(settings.MEDIA_URL):
        return _file_response(Path(settings.MEDIA_ROOT) / url_path.removeprefix(settings.MEDIA_URL))
    return {"status": 404, "body": b""}


@pytest.fixture
def chromium(rendered_pages):
    """Debian's Chromium with the journey's launch flags, one per test: it starts after the test's database
    transaction opened and closes before it rolls back, since Django refuses ORM calls while Playwright's
    event loop runs."""
    if not Path(CHROMIUM).is_file():
        browser_missing(f"{CHROMIUM} not found")
    if not AXE_SCRIPT.is_file():
        browser_missing(f"{AXE_SCRIPT} not found: run `npm ci`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(chromium, rendered_pages):
    """open_page(name, width=…) loads a rendered page type in a fresh context and returns the Playwright page."""
    contexts = []

    def route(route):
        url = urlsplit(route.request.url)
        if f"{url.scheme}://{url.netloc}" != ORIGIN:
            return route.abort()
        found = rendered_pages.responses.get(url.path + (f"?{url.query}" if url.query else ""))
        if found is not None:
            return route.fulfill(status=found.status, headers=found.headers, body=found.body)
        return route.fulfill(**_asset(url.path))

    def open_(name: str, *, width: int = 1280):
        context = chromium.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        context.route("**/*", route)
        page = context.new_page()
        response = page.goto(ORIGIN + rendered_pages.paths[name], wait_until="load")
        assert response.status == 200
        return page

    yield open_
    for context in contexts:
        context.close()


def test_axe_reports_the_violations_of_a_page_that_has_them(open_page):
    """The check can fail: a page with an unlabelled image, an unnamed button and grey-on-grey text."""
    page = open_page("home")
    page.set_content(
        '<html><body><img src="/x.png"><button></button><p style="color:#999;background:#aaa">Faint</p></body></html>'
    )

    found = {line.split(" ")[1] for line in blocking_violations(axe_run(page))}

    assert {"image-alt", "button-name", "color-contrast"} <= found


PAGE_TYPES = [
    "home", "news-list", "article", "event", "consular-notice", "search", "topic-list", "arabic-article",
    "press-register", "press-sign-in",
    "briefing", "press-briefing",
    "press-releases", "press-release-embargoed",
]


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_has_no_serious_or_critical_axe_violations(open_page, name):
    page = open_page(name)
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")  # the CSS loaded

    results = axe_run(page)
    saved = axe_save(name, url=page.url, results=results)
    page.screenshot(path=str(artifacts_dir() / f"{name}.png"), full_page=True)
    print(f"axe {name}: {violations_by_impact(results)} → {saved}")

    assert blocking_violations(results) == []


def test_home_on_a_phone_has_no_serious_or_critical_axe_violations(open_page):
    page = open_page("home", width=390)

    results = axe_run(page)
    axe_save("home-mobile", url=page.url, results=results)
    page.screenshot(path=str(artifacts_dir() / "home-mobile.png"), full_page=True)

    assert blocking_violations(results) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing scrolls sideways


def test_arabic_page_is_laid_out_right_to_left(open_page):
    page = open_page("arabic-article")

    assert page.evaluate("[document.documentElement.dir, document.documentElement.lang]") == ["rtl", "ar"]
    brand = page.locator(".site-brand").bounding_box()
    assert brand["x"] > 1280 / 2  # the mission's name starts on the right


def test_skip_link_appears_on_focus_and_moves_focus_to_main(open_page):
    page = open_page("article")
    skip = page.locator(".skip-link")
    assert skip.bounding_box()["y"] < 0  # off screen until focused

    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [document.activeElement.className, s.outlineStyle, s.boxShadow]; })()"
    )
    assert focused[0] == "skip-link" and skip.bounding_box()["y"] >= 0
    assert focused[1] != "none" and focused[2] != "none"  # the focus style is visible

    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_every_link_and_button_shows_focus(open_page):
    page = open_page("home")

    unstyled = page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input')].filter((element) => {
            element.focus({focusVisible: true});
            const style = getComputedStyle(element);
            return document.activeElement === element && style.outlineStyle === 'none' && style.boxShadow === 'none';
        }).map((element) => element.outerHTML.slice(0, 80))"""
    )

    assert unstyled == []
