"""Sanitising of stored rich text, whatever path it arrives by (admin editor, API, import, script)."""

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
    return _whitelister.clean(html)
