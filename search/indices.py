"""The content index: its name, analyzers and mapping, built with the Elasticsearch DSL.

One document per live, public page of a mission. Text is stored once, in the fields of the page's own
language (`title_vi`, `body_fr`, …), each analysed by that language's analyzer; `copy_to` also feeds
every language into shared multilingual fields (`title_all`, …), so a query in one language can match
documents in others (and snippets come from them), and into `title_suggest` for autocomplete.
"""

from elasticsearch.dsl import Index, Mapping, analyzer, token_filter
from elasticsearch.dsl.field import Date, Integer, Keyword, Text

# Content language → the engine's analyzer for it. zh, ja and ko share the CJK bigram analyzer; Vietnamese
# is written in syllables the standard tokenizer already splits, and needs diacritic folding beside it.
LANGUAGE_ANALYZERS = {
    "en": "english",
    "vi": "hub_vietnamese",
    "fr": "french",
    "es": "spanish",
    "ar": "arabic",
    "zh-hans": "cjk",
    "ru": "russian",
    "ja": "cjk",
    "ko": "cjk",
    "de": "german",
    "pt": "portuguese",
    "hi": "hindi",
}
# Languages whose fields get a `.folded` twin that ignores diacritics, so `chuyen doi so` finds `chuyển đổi số`
# while exact matches, which hit both, rank higher.
FOLDED_LANGUAGES = {"vi"}
TEXT_FIELDS = ("title", "summary", "body")
STANDARD_ANALYZER = "standard"

edge_ngram = token_filter("hub_edge_ngram", "edge_ngram", min_gram=1, max_gram=20)
# The shared fields keep every word: Vietnamese queries hit them, and Vietnamese syllables (`lê`, `an`, `đó`, folded
# `le`, `an`, `do`) are words that Latin-script stop lists would drop. "Related" ignores these common words in its
# more-like-this query instead (`search.query.related_body`), for pages not in Vietnamese.
SHARED_STOP_WORDS = (
    "a an and are as at be but by for if in into is it no not of on or such that the their then there these they "
    "this to was will with "
    "le la les un une et ou en au aux ce ces dans par pour sur pas que qui est sont il elle ils nous vous "
    "el los las unos unas y del al por para con es son se su sus lo "
    "der die das den dem des ein eine einen und oder im zu zum zur mit von für auf ist sind nicht sich "
    "o os um uma do da dos das em na nos nas com é são não"
).split()
multilingual = analyzer(
    "hub_multilingual",
    tokenizer="standard",
    filter=["cjk_width", "lowercase", "asciifolding", "cjk_bigram"],
)
vietnamese = analyzer("hub_vietnamese", tokenizer="standard", filter=["lowercase"])
vietnamese_folded = analyzer("hub_vietnamese_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])
autocomplete = analyzer(
    "hub_autocomplete", tokenizer="standard", filter=["cjk_width", "lowercase", "asciifolding", edge_ngram]
)
autocomplete_search = analyzer(
    "hub_autocomplete_search", tokenizer="standard", filter=["cjk_width", "lowercase", "asciifolding"]
)
CUSTOM_ANALYZERS = {
    "hub_vietnamese": vietnamese,
    "hub_vietnamese_folded": vietnamese_folded,
}


def language_key(language_code: str) -> str:
    """The suffix of a language's fields: `zh-hans` → `zh_hans`; unknown languages share `other`."""
    if language_code not in LANGUAGE_ANALYZERS:
        return "other"
    return language_code.replace("-", "_")


def language_field(field: str, language_code: str) -> str:
    return f"{field}_{language_key(language_code)}"


def language_keys() -> list[str]:
    return [language_key(code) for code in LANGUAGE_ANALYZERS] + ["other"]


def _language_analyzer(key: str):
    for code, name in LANGUAGE_ANALYZERS.items():
        if language_key(code) == key:
            return CUSTOM_ANALYZERS.get(name, name)
    return STANDARD_ANALYZER


def content_mapping() -> Mapping:
    """The mapping of the content index; `dynamic: strict` turns a document/mapping mismatch into an error."""
    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    for name in ("translation_key", "page_type", "mission_kind", "country", "region", "topics"):
        mapping.field(name, Keyword())
    # Facets: their global ordinals are built at refresh rather than by the first search after it.
    for name in ("mission", "locale", "kind", "tags"):
        mapping.field(name, Keyword(eager_global_ordinals=True))
    mapping.field("page_id", Integer())
    mapping.field("mission_id", Integer())
    mapping.field("hero_image_id", Integer())
    mapping.field("year", Integer())
    mapping.field("mission_name", Keyword(index=False))
    mapping.field("url_path", Keyword())
    mapping.field("fingerprint", Keyword(index=False))
    for name in ("first_published_at", "last_published_at", "expire_at", "starts_at"):
        mapping.field(name, Date())

    # The shared fields are also what snippets are cut from: stored, with offsets, three fields to highlight
    # instead of one per language.
    for field in TEXT_FIELDS:
        mapping.field(f"{field}_all", Text(analyzer=multilingual, store=True, index_options="offsets"))
    # Kind and tags as words (`press release`, `digital diplomacy`): matched and boosted like text, in the same
    # cross-fields group as the shared fields, so `infographic mekong` finds an infographic about the Mekong.
    mapping.field("labels", Text(analyzer=multilingual))
    mapping.field("title_suggest", Text(analyzer=autocomplete, search_analyzer=autocomplete_search))
    for key in language_keys():
        language_analyzer = _language_analyzer(key)
        for field in TEXT_FIELDS:
            copy_to = [f"{field}_all"] + (["title_suggest"] if field == "title" else [])
            subfields = {"folded": Text(analyzer=vietnamese_folded)} if key in FOLDED_LANGUAGES else {}
            mapping.field(f"{field}_{key}", Text(analyzer=language_analyzer, copy_to=copy_to, fields=subfields))
    return mapping


def content_index_body() -> dict:
    """Settings and mapping of a fresh content index (single shard: the whole network fits comfortably)."""
    index = Index("content")
    index.settings(number_of_shards=1, auto_expand_replicas="0-1", max_ngram_diff=19)
    index.mapping(content_mapping())
    return index.to_dict()


def content_alias(prefix: str) -> str:
    """The name queries and incremental updates use; a reindex points it at a fresh index atomically."""
    return f"{prefix}pages"


def content_index_pattern(prefix: str) -> str:
    return f"{prefix}pages-*"
