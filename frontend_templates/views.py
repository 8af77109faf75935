"""Views of the reference site that are not Wagtail pages: a mission's search and topic listings, sitemaps and
robots.txt."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, override
from wagtail.models import Page

from embassies.presentation.pages import hydrate
from embassies.selectors import pages_public, site_root_url
from search.selectors import pages_search

from .caching import site_cache_exempt
from .context import LANGUAGE_NAMES, layout_for
from .labels import KINDS
from .selectors import (
    mission_home_public,
    mission_homes_public,
    sitemap_pages_public,
    topic_for_listing,
    topic_pages_page,
    topic_slugs_by_language,
)

SEARCH_PAGE_SIZE = 10
FACET_FILTERS = {"kind": "kinds", "locale": "locales", "tags": "tags"}


def _facet_label(name: str, value: str) -> str:
    if name == "kind":
        return KINDS.get(value, value)
    if name == "locale":
        return LANGUAGE_NAMES.get(value, value)
    return value


def _listing_alternates(home, *, request, url_name: str, slugs: dict[str, str] | None = None) -> list[dict]:
    """The same listing (search, topic) in each language the mission publishes in; `slugs` names the topic
    in each language, its slug where the language has no translation of it."""
    alternates, site_root = [], site_root_url(request=request)
    for translation in pages_public(queryset=home.get_translations(inclusive=True).select_related("locale")):
        code = translation.locale.language_code
        kwargs = {"mission_slug": home.mission.slug}
        if slugs is not None:
            kwargs["topic_slug"] = slugs.get(code, slugs[home.locale.language_code])
        with override(code):
            url = reverse(url_name, kwargs=kwargs)
        alternates.append({"locale": code, "title": translation.title, "url": site_root + url})
    return alternates


def _year_range(raw: str) -> dict:
    if raw.isdigit() and len(raw) == 4:
        return {"published_from": f"{raw}-01-01", "published_to": f"{raw}-12-31"}
    return {}


@site_cache_exempt
def mission_search(request, mission_slug: str):
    """Search one mission's public content, with kind, language, year and tag facets.

    Answers through `search.selectors.pages_search`, from the engine or the database fallback alike.
    """
    home = mission_home_public(mission_slug=mission_slug, language_code=get_language())
    if home is None:
        raise Http404
    query = request.GET.get("q", "")
    selected = {facet: request.GET.getlist(facet) for facet in (*FACET_FILTERS, "year")}
    params = {name: selected[facet] for facet, name in FACET_FILTERS.items()}
    try:
        results = pages_search(
            q=query,
            missions=[mission_slug],
            page=request.GET.get("page") or 1,
            page_size=SEARCH_PAGE_SIZE,
            sort=request.GET.get("sort") or "relevance",
            **params,
            **_year_range(request.GET.get("year", "")),
        )
        errors = {}
    except ValidationError as error:
        results, errors = None, error.message_dict
    pages = {}
    if results is not None:
        found = hydrate(list(Page.objects.filter(pk__in=[hit.page_id for hit in results.hits])))
        pages = {page.pk: page for page in found}
    cards = [{"hit": hit, "page": pages[hit.page_id]} for hit in (results.hits if results else []) if hit.page_id in pages]
    facets = {
        name: [
            {
                "value": bucket.value,
                "label": _facet_label(name, bucket.value),
                "count": bucket.count,
                "selected": bucket.value in selected[name],
            }
            for bucket in buckets
        ]
        for name, buckets in (results.facets.items() if results else [])
        if name in selected and buckets
    }
    num_pages = max(1, -(-results.total // results.page_size)) if results else 1
    context = {
        "layout": layout_for(home=home, language_code=home.locale.language_code, alternates=_listing_alternates(home, request=request, url_name="mission_search")),
        "query": query,
        "results": results,
        "cards": cards,
        "facets": facets,
        "errors": errors,
        "pagination": {"number": results.page if results else 1, "num_pages": num_pages},
        "meta": {"title": home.title, "url": site_root_url(request=request) + request.get_full_path(), "og_type": "website"},
    }
    return render(request, "frontend_templates/search.html", context, status=400 if errors else 200)


def mission_topic(request, mission_slug: str, topic_slug: str):
    """A mission's public content filed under one topic, in the language of the URL, newest first, paginated:
    where a topic chip leads (the API's equivalent is `/api/v1/pages/?mission=…&locale=…&topic=…`)."""
    home = mission_home_public(mission_slug=mission_slug, language_code=get_language())
    topic = topic_for_listing(slug=topic_slug, home=home) if home else None
    if topic is None:
        raise Http404("No such topic on this mission's site.")
    slugs = {**topic_slugs_by_language(topic=topic), home.locale.language_code: topic.slug}
    context = {
        "layout": layout_for(
            home=home,
            language_code=home.locale.language_code,
            alternates=_listing_alternates(home, request=request, url_name="mission_topic", slugs=slugs),
        ),
        "topic": topic,
        "children": topic_pages_page(home=home, topic=topic, number=request.GET.get("page")),
        "meta": {
            "title": topic.name,
            "description": topic.description,
            "url": site_root_url(request=request) + request.path,
            "og_type": "website",
        },
    }
    return render(request, "frontend_templates/topic.html", context)


def sitemap_index(request):
    """/sitemap.xml: one sitemap per public mission home (mission and language)."""
    sitemaps, site_root = [], site_root_url(request=request)
    for home in mission_homes_public():
        with override(home.locale.language_code):
            url = reverse("mission_sitemap", kwargs={"mission_slug": home.mission.slug})
        sitemaps.append({"url": site_root + url, "lastmod": home.last_published_at})
    return render(request, "frontend_templates/sitemap_index.xml", {"sitemaps": sitemaps}, content_type="application/xml")


def mission_sitemap(request, mission_slug):
    """/<lang>/<mission>/sitemap.xml: the mission's public pages in that language, with their translations."""
    home = mission_home_public(mission_slug=mission_slug, language_code=get_language())
    if home is None:
        raise Http404("No such mission site.")
    entries = [
        {
            "url": page.get_full_url(request),
            "lastmod": page.last_published_at,
            "alternates": [
                {"hreflang": translation.locale.language_code, "url": translation.get_full_url(request)}
                for translation in translations
            ]
            if len(translations) > 1
            else [],
        }
        for page, translations in sitemap_pages_public(home=home)
    ]
    return render(request, "frontend_templates/sitemap.xml", {"entries": entries}, content_type="application/xml")


def robots_txt(request):
    """Crawlers may read the public site, not the admin or the API, and find the sitemap index."""
    sitemap = site_root_url(request=request) + reverse("sitemap_index")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def favicon(request):
    """/favicon.ico, which browsers ask for on every host whatever the page's <link rel="icon"> says."""
    return HttpResponsePermanentRedirect(static("frontend_templates/favicon.ico"))
