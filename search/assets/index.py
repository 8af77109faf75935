"""The asset index: images and documents of every mission, beside the content index, with the same analysers.

One document per asset (`image-12`, `document-7`): title, alt text and caption in the asset's own language
and in every language of its `translations`, each with that language's analyser and copied into shared
multilingual fields (what snippets are cut from), plus credit and tags; facet and filter fields (kind,
mission, licence, orientation, tags, year, width, usage-rights expiry); and what the scope filter needs
(collection, shared flag). Which assets a person may see is decided per search (search/assets/selectors.py),
so the index holds them all and never decides visibility on its own.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from elasticsearch.dsl import Index, Mapping
from elasticsearch.dsl.field import Boolean, Date, Integer, Keyword, Text
from taggit.models import TaggedItem

from embassies.models import HubDocument, HubImage

from ..documents import fingerprint, labels_text, normalise_text
from ..indexing import IndexSpec
from ..indices import (
    CUSTOM_ANALYZERS,
    FOLDED_LANGUAGES,
    LANGUAGE_ANALYZERS,
    STANDARD_ANALYZER,
    language_field,
    language_keys,
    multilingual,
    vietnamese_folded,
)
from ..models import IndexTarget

ASSET_TEXT_FIELDS = ("title", "alt", "caption")
# Translations are stored as {language: {"title", "alt_text", "caption"}}.
TRANSLATION_KEYS = {"title": "title", "alt": "alt_text", "caption": "caption"}
ASSET_TYPES = {"image": HubImage, "document": HubDocument}
DEFAULT_LANGUAGE = "en"


def asset_alias(prefix: str) -> str:
    return f"{prefix}assets"


def asset_index_pattern(prefix: str) -> str:
    return f"{prefix}assets-*"


def _analyzer_for(key: str):
    for code, name in LANGUAGE_ANALYZERS.items():
        if code.replace("-", "_") == key:
            return CUSTOM_ANALYZERS.get(name, name)
    return STANDARD_ANALYZER


def asset_mapping() -> Mapping:
    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    for name in ("asset_type", "file_extension", "language"):
        mapping.field(name, Keyword())
    for name in ("kind", "mission", "licence", "orientation", "tags"):
        mapping.field(name, Keyword(eager_global_ordinals=True))
    for name in ("asset_id", "mission_id", "collection_id", "year", "width", "height"):
        mapping.field(name, Integer())
    mapping.field("is_shared", Boolean())
    mapping.field("usage_rights_expire_at", Date())
    mapping.field("created_at", Date())
    mapping.field("fingerprint", Keyword(index=False))
    mapping.field("title_all", Text(analyzer=multilingual, store=True, index_options="offsets"))
    mapping.field("text_all", Text(analyzer=multilingual, store=True, index_options="offsets"))
    mapping.field("credit", Text(analyzer=multilingual, store=True, index_options="offsets"))
    mapping.field("labels", Text(analyzer=multilingual))  # kind and tags as words, matched and boosted
    for key in language_keys():
        subfields = {"folded": Text(analyzer=vietnamese_folded)} if key in FOLDED_LANGUAGES else {}
        for field in ASSET_TEXT_FIELDS:
            shared = "title_all" if field == "title" else "text_all"
            mapping.field(f"{field}_{key}", Text(analyzer=_analyzer_for(key), copy_to=[shared], fields=subfields))
    return mapping


def asset_index_body() -> dict:
    index = Index("assets")
    index.settings(number_of_shards=1, auto_expand_replicas="0-1")
    index.mapping(asset_mapping())
    return index.to_dict()


def asset_key(asset_type: str, asset_id: int) -> str:
    """The document id of an asset: `image-12`."""
    return f"{asset_type}-{asset_id}"


def orientation_of(width: int | None, height: int | None) -> str | None:
    if not width or not height:
        return None
    if width == height:
        return "square"
    return "landscape" if width > height else "portrait"


def _tags_by_asset(model, ids: list[int]) -> dict[int, list[str]]:
    found = defaultdict(list)
    content_type = ContentType.objects.get_for_model(model)
    rows = TaggedItem.objects.filter(content_type=content_type, object_id__in=ids).values_list("object_id", "tag__name")
    for object_id, name in rows:
        found[object_id].append(name)
    return found


def _texts(asset, language: str) -> dict[str, str]:
    """Title, alt text and caption per language field: the asset's own words, then every translation."""
    fields: dict[str, list[str]] = defaultdict(list)
    own = {"title": asset.title, "alt": getattr(asset, "alt_text", ""), "caption": getattr(asset, "caption", "")}
    for field, text in own.items():
        if text:
            fields[language_field(field, language)].append(normalise_text(text))
    translations = asset.translations if isinstance(asset.translations, dict) else {}
    for code, wording in sorted(translations.items()):
        if not isinstance(wording, dict):
            continue
        for field, key in TRANSLATION_KEYS.items():
            text = wording.get(key)
            if isinstance(text, str) and text.strip():
                fields[language_field(field, str(code))].append(normalise_text(text))
    return {name: " \n ".join(texts) for name, texts in fields.items()}


def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)


def asset_document(asset_type: str, asset, *, tags: list[str]) -> dict:
    """The index document of one image or document (`select_related` its source mission and collection's mission)."""
    mission = asset.source_mission or getattr(asset.collection, "mission", None)
    language = asset.text_language or (mission.default_language_code if mission else DEFAULT_LANGUAGE)
    width, height = getattr(asset, "width", None), getattr(asset, "height", None)
    document = {
        "asset_type": asset_type,
        "asset_id": asset.pk,
        "kind": asset.kind,
        "licence": asset.licence,
        "mission": mission.slug if mission else None,
        "mission_id": mission.pk if mission else None,
        "collection_id": asset.collection_id,
        "is_shared": bool(asset.is_shared),
        "language": language,
        "credit": normalise_text(asset.credit),
        "tags": sorted(tags),
        "labels": labels_text(kind=asset.kind, tags=sorted(tags)),
        "year": asset.created_at.year if asset.created_at else None,
        "created_at": _iso(asset.created_at),
        "usage_rights_expire_at": _iso(asset.usage_rights_expire_at),
        "width": width,
        "height": height,
        "orientation": orientation_of(width, height),
        "file_extension": asset.file_extension if asset_type == "document" else None,
        **_texts(asset, language),
    }
    document["fingerprint"] = fingerprint(document)
    return document


def assets_queryset(asset_type: str):
    return ASSET_TYPES[asset_type].objects.select_related("source_mission", "collection__mission")


def asset_documents_for(asset_type: str, ids: Iterable[int]) -> dict[str, dict]:
    """Documents of the assets of one type that exist, by document id (a few queries per batch)."""
    assets = list(assets_queryset(asset_type).filter(pk__in=list(ids)))
    tags = _tags_by_asset(ASSET_TYPES[asset_type], [asset.pk for asset in assets])
    return {asset_key(asset_type, asset.pk): asset_document(asset_type, asset, tags=tags[asset.pk]) for asset in assets}


ASSET_TARGETS = {IndexTarget.IMAGE: "image", IndexTarget.DOCUMENT: "document"}


def asset_keys_for_targets(targets: Iterable[tuple[str, int]]) -> set[str]:
    """Document ids of the assets outbox targets name (pages and the like name none)."""
    return {asset_key(ASSET_TARGETS[target], target_id) for target, target_id in targets if target in ASSET_TARGETS}


def _asset_keys_all() -> list[str]:
    return [
        asset_key(asset_type, pk)
        for asset_type, model in ASSET_TYPES.items()
        for pk in model.objects.order_by("pk").values_list("pk", flat=True)
    ]


def _asset_documents(keys: list[str], cache: dict) -> dict[str, dict]:
    by_type: dict[str, list[int]] = {}
    for key in keys:
        asset_type, _, pk = key.partition("-")
        by_type.setdefault(asset_type, []).append(int(pk))
    documents = {}
    for asset_type, ids in by_type.items():
        documents.update(asset_documents_for(asset_type, ids))
    return documents


ASSET_INDEX = IndexSpec(
    name="asset",
    alias=asset_alias,
    index_pattern=asset_index_pattern,
    body=asset_index_body,
    keys_all=_asset_keys_all,
    documents_for=_asset_documents,
    keys_for_targets=asset_keys_for_targets,
    fingerprint_sort=({"asset_type": "asc"}, {"asset_id": "asc"}),
)
