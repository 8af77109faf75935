"""Pages → index documents: what the content index knows about a live, public page.

Documents are built in batches (a few queries per batch, whatever its size) because the same code serves
one publish, the outbox worker and a full reindex.
"""

import hashlib
import html
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from wagtail import blocks
from wagtail.models import Page, PageQuerySet

from embassies.models import (
    ArticlePage,
    ConsularNoticePage,
    EventPage,
    HQRootPage,
    MissionContentPage,
    MissionHomePage,
    SectionIndexPage,
)
from embassies.models.pages import MISSION_HOME_DEPTH, mission_home_path
from embassies.selectors import pages_public, pages_under, subtrees

from .indexing import IndexSpec
from .indices import content_alias, content_index_body, content_index_pattern, language_field
from .models import IndexTarget

# Page types in the product's words, as the `page_type` filter and facet know them.
PAGE_TYPES = {
    ArticlePage: "article",
    EventPage: "event",
    ConsularNoticePage: "consular_notice",
    SectionIndexPage: "section",
    HQRootPage: "hq_home",
    MissionHomePage: "mission_home",
}


def page_type_names() -> frozenset[str]:
    """The page types the filter and facet know, including those other apps register (press: `briefing`).

    A function, not a constant: a constant taken at import would miss what `page_type_register` adds in
    `AppConfig.ready()`."""
    return frozenset(PAGE_TYPES.values())


BODY_LIMIT = 30_000
WHITESPACE = re.compile(r"\s+")
TAG = re.compile(r"<[^>]*>")
BLOCK_END = re.compile(r"(</(?:p|h\d|li|blockquote)>|<(?:br|hr)\s*/?>)", re.IGNORECASE)
# What each page type contributes beyond the fields every page has.
COMMON_FIELDS = (
    "pk", "title", "path", "url_path", "translation_key", "locale__language_code",
    "first_published_at", "last_published_at", "expire_at",
)
CONTENT_FIELDS = ("summary", "body", "hero_image_id")
TYPE_FIELDS = {
    ArticlePage: (*CONTENT_FIELDS, "kind"),
    EventPage: (*CONTENT_FIELDS, "starts_at", "venue", "address"),
    ConsularNoticePage: CONTENT_FIELDS,
    SectionIndexPage: ("introduction",),
    HQRootPage: ("introduction",),
    MissionHomePage: ("introduction",),
}


# Page types of higher apps (the press centre's briefings), which search may not import: their AppConfig.ready()
# registers them with `page_type_register`, naming the extra words their documents carry beyond the body, and the
# passages (e.g. each question and answer of a transcript) a result shows as snippets of their own.
EXTRA_TEXTS: dict[type, Callable[[dict], list[str]]] = {}
PASSAGES: dict[str, Callable[[list[int]], dict[int, list[str]]]] = {}


def page_type_register(model: type, *, name: str, fields: tuple[str, ...], texts, passages=None) -> None:
    """Index pages of `model` (a `MissionContentPage`) as `name`: `fields` are read with the content fields,
    `texts(values)` gives the words they add to the body, `passages(page_ids)` the passages a hit may show."""
    PAGE_TYPES[model] = name
    TYPE_FIELDS[model] = (*CONTENT_FIELDS, *fields)
    EXTRA_TEXTS[model] = texts
    if passages is not None:
        PASSAGES[name] = passages


def pages_indexable(*, queryset: PageQuerySet | None = None) -> PageQuerySet:
    """The pages the content index holds: public ones (`pages_public`, the one rule) that belong to a mission,
    i.e. sit at or below a mission home. Aliases are left out: they repeat a page that is indexed already."""
    return pages_public(queryset=queryset).filter(depth__gte=MISSION_HOME_DEPTH, alias_of__isnull=True)


def normalise_text(text: str) -> str:
    """NFC, so that text typed with combining diacritics (common in Vietnamese) matches precomposed text, and
    every run of whitespace (non-breaking spaces from rich text included) as one space."""
    return WHITESPACE.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def stream_text(block: blocks.Block, raw) -> list[str]:
    """The searchable text of a StreamField value, read from its stored JSON.

    Follows `Block.get_searchable_content` (rich text without markup, char and text blocks, nested structs,
    lists and streams) without converting the value, which would load every chosen image and document.
    """
    if raw is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        texts = []
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                texts += stream_text(child_block, child.get("value"))
        return texts
    if isinstance(block, blocks.StructBlock):
        texts = []
        for name, child_block in block.child_blocks.items():
            texts += stream_text(child_block, (raw or {}).get(name))
        return texts
    if isinstance(block, blocks.ListBlock):
        texts = []
        for item in raw:
            value = item.get("value") if isinstance(item, dict) and item.get("type") == "item" else item
            texts += stream_text(block.child_block, value)
        return texts
    if isinstance(block, blocks.RichTextBlock):
        return [strip_markup(raw)] if raw else []
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)) and block.search_index:
        return [str(raw)] if raw else []
    return []


def strip_markup(html_text: str) -> str:
    """Rich text without markup, as `get_text_for_indexing` does (a space after block elements), by regular
    expressions: stored rich text is sanitised HTML, and this runs for every page of a reindex."""
    spaced = BLOCK_END.sub(r"\1 ", html_text)
    return html.unescape(TAG.sub("", spaced))


def body_text(body, *extra: str) -> str:
    """The searchable text of a body StreamField (plus any extra text, e.g. an event's venue)."""
    texts = stream_text(body.stream_block, list(body.raw_data)) if body is not None else []
    return normalise_text(" ".join(text for text in [*texts, *extra] if text))[:BODY_LIMIT]


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def fingerprint(document: dict) -> str:
    """A short hash of a document's content, so that `search_check` can tell a stale document."""
    payload = json.dumps({k: v for k, v in document.items() if k != "fingerprint"}, sort_keys=True, default=str)
    return hashlib.sha1(payload.encode()).hexdigest()[:20]


def _missions_by_home_path(paths: set[str]) -> dict[str, object]:
    homes = (
        MissionHomePage.objects.filter(path__in=paths)
        .select_related("mission__region")
        .prefetch_related("mission__names")
    )
    return {home.path: home.mission for home in homes}


def _related_values(model, ids: list[int], lookup: str) -> dict[int, list[str]]:
    found = defaultdict(list)
    for pk, value in model.objects.filter(pk__in=ids).order_by().values_list("pk", lookup):
        if value is not None:
            found[pk].append(value)
    return found


def _page_values(rows: list[dict]) -> list[tuple[type, dict]]:
    """(page type, field values) of the pages in `rows`: plain values, one query per page type plus tags
    and topics, no model instances (a reindex builds thousands of documents a second)."""
    by_type = defaultdict(list)
    for row in rows:
        by_type[row["content_type_id"]].append(row["pk"])
    pages = []
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model not in TYPE_FIELDS:
            continue
        values = list(model.objects.filter(pk__in=ids).order_by().values(*COMMON_FIELDS, *TYPE_FIELDS[model]))
        if issubclass(model, MissionContentPage):
            tags = _related_values(model, ids, "tagged_items__tag__name")
            topics = _related_values(model, ids, "topics__slug")
            for page in values:
                page["tags"], page["topics"] = sorted(tags[page["pk"]]), sorted(topics[page["pk"]])
        pages += [(model, page) for page in values]
    return pages


def labels_text(*, kind: str, tags: list[str]) -> str:
    """The words a page's or asset's kind and tags give it (`press_release` → `press release`): both backends match
    a query against them and boost what they name, so `infographic` finds infographics (issue 15)."""
    return " ".join([kind.replace("_", " "), *tags])


def document_for(model: type, page: dict, mission) -> dict:
    """The index document of one page of `mission`, from its field values (see `_page_values`)."""
    language = page["locale__language_code"]
    page_type = PAGE_TYPES[model]
    is_content = issubclass(model, MissionContentPage)
    first_published = page["first_published_at"]
    extra = (page["venue"], page["address"]) if model is EventPage else EXTRA_TEXTS.get(model, lambda _page: ())(page)
    document = {
        "page_id": page["pk"],
        "translation_key": str(page["translation_key"]),
        "page_type": page_type,
        "kind": page.get("kind") or page_type,
        "mission": mission.slug,
        "mission_id": mission.pk,
        "mission_name": mission.name_in(language),
        "mission_kind": mission.kind,
        "country": mission.country,
        "region": mission.region.slug,
        "locale": language,
        language_field("title", language): normalise_text(page["title"]),
        language_field("summary", language): normalise_text(page["summary"] if is_content else page["introduction"]),
        language_field("body", language): body_text(page["body"], *extra) if is_content else "",
        "tags": page.get("tags", []),
        "labels": labels_text(kind=page.get("kind") or page_type, tags=page.get("tags", [])),
        "topics": page.get("topics", []),
        "first_published_at": _iso(first_published),
        "last_published_at": _iso(page["last_published_at"]),
        "year": first_published.year if first_published else None,
        "expire_at": _iso(page["expire_at"]),
        "starts_at": _iso(page.get("starts_at")),
        "url_path": page["url_path"],
        "hero_image_id": page.get("hero_image_id"),
    }
    document["fingerprint"] = fingerprint(document)
    return document


def documents_for(pages_rows: Iterable[dict], *, missions: dict | None = None) -> dict[int, dict]:
    """Documents for indexable pages given as `values("pk", "content_type_id", "path")` rows, by page id.

    `missions` (home path → mission) may be shared between calls, as a reindex does, to load each mission once.
    """
    rows = list(pages_rows)
    missions = {} if missions is None else missions
    home_paths = {mission_home_path(row["path"]) for row in rows} - {None}
    if home_paths - missions.keys():
        missions.update(_missions_by_home_path(home_paths - missions.keys()))
    documents = {}
    for model, page in _page_values(rows):
        mission = missions.get(mission_home_path(page["path"]))
        if mission is not None:
            documents[page["pk"]] = document_for(model, page, mission)
    return documents


def page_ids_for_targets(targets: Iterable[tuple[str, int]]) -> set[int]:
    """Every page an outbox target covers, as the database has it now (deleted pages stay as their own id)."""
    page_ids, subtree_roots, mission_ids, topic_ids = set(), set(), set(), set()
    for target, target_id in targets:
        if target == IndexTarget.PAGE:
            page_ids.add(target_id)
        elif target == IndexTarget.SUBTREE:
            subtree_roots.add(target_id)
        elif target == IndexTarget.MISSION:
            mission_ids.add(target_id)
        elif target == IndexTarget.TOPIC:
            topic_ids.add(target_id)
    page_ids |= subtree_roots
    if subtree_roots:
        paths = Page.objects.filter(pk__in=subtree_roots).values_list("path", flat=True)
        page_ids |= set(Page.objects.filter(subtrees(paths)).values_list("pk", flat=True))
    if mission_ids:
        page_ids |= set(pages_under(missions=mission_ids).values_list("pk", flat=True))
    if topic_ids:
        for model in (ArticlePage, EventPage, ConsularNoticePage):
            page_ids |= set(model.objects.filter(topics__in=topic_ids).values_list("pk", flat=True))
    return page_ids


def _page_documents(page_ids: list[int], missions: dict) -> dict[int, dict]:
    rows = pages_indexable(queryset=Page.objects.filter(pk__in=page_ids)).values("pk", "content_type_id", "path")
    return documents_for(rows, missions=missions)


PAGE_INDEX = IndexSpec(
    name="content",
    alias=content_alias,
    index_pattern=content_index_pattern,
    body=content_index_body,
    keys_all=lambda: list(pages_indexable().order_by("pk").values_list("pk", flat=True)),
    documents_for=_page_documents,
    keys_for_targets=page_ids_for_targets,
    fingerprint_sort=({"page_id": "asc"},),
    key_from_id=int,
)
