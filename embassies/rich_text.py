"""Sanitising of stored rich text, whatever path it arrives by (admin editor, API, import, script)."""

import re
from collections.abc import Collection
from functools import lru_cache

from wagtail.rich_text import expand_db_html
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

# Elements whose content is code or foreign markup: removed whole, never unwrapped into text.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "noscript", "template", "svg", "math"}


def _digits(value: str) -> str | None:
    return value if str(value).isdigit() else None


class HubRichTextWhitelister(Whitelister):
    """Keeps Wagtail's database rich-text format (page/document links, image embeds) and nothing else."""

    element_rules = {
        "[document]": allow_without_attributes,
        "p": allow_without_attributes,
        "br": allow_without_attributes,
        "h2": allow_without_attributes,
        "h3": allow_without_attributes,
        "h4": allow_without_attributes,
        "b": allow_without_attributes,
        "strong": allow_without_attributes,
        "i": allow_without_attributes,
        "em": allow_without_attributes,
        "sub": allow_without_attributes,
        "sup": allow_without_attributes,
        "ul": allow_without_attributes,
        "ol": allow_without_attributes,
        "li": allow_without_attributes,
        "hr": allow_without_attributes,
        "blockquote": allow_without_attributes,
        "a": attribute_rule({"href": check_url, "linktype": lambda v: v if v in {"page", "document"} else None, "id": _digits}),
        "embed": attribute_rule(
            {
                "embedtype": lambda v: v if v == "image" else None,
                "id": _digits,
                "format": lambda v: v if v in {"left", "right", "fullwidth"} else None,
                "alt": True,
            }
        ),
    }

    def clean_tag_node(self, doc, tag):
        if tag.name in DROPPED_WITH_CONTENT:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


_whitelister = HubRichTextWhitelister()


def sanitise_rich_text(html: str) -> str:
    """Return `html` with only the elements and attributes the hub's editor can produce."""
    if not html:
        return html
    return _sanitised(html)


@lru_cache(maxsize=2048)
def _sanitised(html: str) -> str:
    """Sanitising parses the HTML (BeautifulSoup); every read of a body sanitises its rich text again, so each
    stored text is cleaned once per process and kept (the result depends on the text alone)."""
    return _whitelister.clean(html)


_LINK_TAG = re.compile(r"<a\b([^>]*)>", re.IGNORECASE)
_PAGE_LINK_ID = re.compile(r"""\blinktype\s*=\s*["']page["']""", re.IGNORECASE)
_ID_ATTRIBUTE = re.compile(r"""\bid\s*=\s*["'](\d+)["']""", re.IGNORECASE)


def _linked_page_id(attributes: str) -> int | None:
    if not _PAGE_LINK_ID.search(attributes):
        return None
    found = _ID_ATTRIBUTE.search(attributes)
    return int(found.group(1)) if found else -1


def linked_page_ids(source: str) -> set[int]:
    """Ids of the pages a stored rich text links to."""
    ids = {_linked_page_id(match.group(1)) for match in _LINK_TAG.finditer(source or "")}
    return {page_id for page_id in ids if page_id is not None and page_id > 0}


def expand_public_html(source: str, *, public_page_ids: Collection[int]) -> str:
    """Stored rich text as front-end HTML, like Wagtail's `expand_db_html`, except that a link to a page the public
    cannot see (a draft, a private or expired page) keeps its words but loses its address: Wagtail would write
    the draft's URL into a published page.

    `public_page_ids` are the linked pages the public may see (the presentation layer asks `pages_public`).
    """
    if not source:
        return ""

    def keep_public(match: re.Match) -> str:
        page_id = _linked_page_id(match.group(1))
        return match.group(0) if page_id is None or page_id in public_page_ids else "<a>"

    return expand_db_html(_LINK_TAG.sub(keep_public, source))
