"""OpenAPI schema hooks: the published schema documents the hub's own API, /api/v1/, only, says which operations
take a key optionally and which need one, and shows an example answer for each."""

import json
from copy import deepcopy
from pathlib import Path

ANONYMOUS = {}
OPTIONAL_KEY_NOTE = "Anonymous callers may use this; an API key is optional (it gives the consumer's own rate)."
REQUIRED_KEY_NOTE = "Needs an API key (`Authorization: Api-Key <key>`)."


def only_hub_api_v1(endpoints):
    """drf-spectacular preprocessing hook: drop the admin's and Wagtail's internal DRF endpoints."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def _operations(result):
    for path_item in result["paths"].values():
        yield from path_item.values()


def optional_security_first(result, generator, request, public):
    """drf-spectacular postprocessing hook: an operation open to anonymous callers lists `{}` first
    (`[{}, {"ApiKey": []}]`, OpenAPI's way of saying the key is optional), and its description says in words
    which operations take a key optionally and which need one (Swagger UI draws a padlock on both)."""
    for operation in _operations(result):
        security = operation.get("security", [])
        optional = ANONYMOUS in security
        if optional:
            operation["security"] = [ANONYMOUS, *(requirement for requirement in security if requirement != ANONYMOUS)]
        note = OPTIONAL_KEY_NOTE if optional else REQUIRED_KEY_NOTE
        operation["description"] = f"{operation['description']}\n\n{note}" if operation.get("description") else note
    return result


# Examples written from real answers of the demo network: the main resources, and the feeds by media type.
_WRITTEN = json.loads((Path(__file__).parent / "schema_examples.json").read_text(encoding="utf-8"))

_FORMATS = {
    "date-time": "2026-03-14T09:30:00+07:00",
    "date": "2026-03-14",
    "uri": "https://hub.example.org/",
    "email": "consular.hanoi@embassy.example.org",
    "uuid": "9b2c4f1e-5d7a-4c3b-8e6f-1a2b3c4d5e6f",
}
_MAX_DEPTH = 8


def _example(schema: dict, components: dict, depth: int = 0):
    """A value that fits `schema`: the written example of a component, else one made from the schema (its own
    `example`, the first of an enum, a value of the format)."""
    while "$ref" in schema:
        component = schema["$ref"].rsplit("/", 1)[-1]
        if component in _WRITTEN["components"]:
            return deepcopy(_WRITTEN["components"][component])
        schema = components[component]
    if "example" in schema:
        return schema["example"]
    if depth > _MAX_DEPTH:
        return None
    for combined in ("allOf", "oneOf", "anyOf"):
        if schema.get(combined):
            rest = {key: value for key, value in schema.items() if key != combined}
            return _example({**schema[combined][0], **rest}, components, depth)
    if "enum" in schema:
        return next(value for value in schema["enum"] if value is not None)
    kind = schema.get("type", "object")
    if kind == "object":
        properties = schema.get("properties", {})
        if not properties:
            extra = schema.get("additionalProperties")
            return {"key": _example(extra, components, depth + 1)} if isinstance(extra, dict) and extra else {}
        # The required properties (a page summary's type-specific ones are not), and those with an example of their
        # own (a listing's `next` and `previous`).
        shown = [key for key in properties if key in schema.get("required", properties) or "example" in properties[key]]
        return {key: _example(properties[key], components, depth + 1) for key in shown}
    if kind == "array":
        return [_example(schema.get("items", {}), components, depth + 1)]
    if kind == "integer":
        return 1
    if kind == "number":
        return 0.5
    if kind == "boolean":
        return True
    return _FORMATS.get(schema.get("format"), "text")


def response_examples(result, generator, request, public):
    """drf-spectacular postprocessing hook: every successful answer with a body gets an example (one written by
    hand with `OpenApiExample` stays; the others are composed from `schema_examples.json` and the response schema;
    tests/api/test_api_schema.py checks each against the schema, so neither can drift from it)."""
    components = result.get("components", {}).get("schemas", {})
    for operation in _operations(result):
        for status, response in operation.get("responses", {}).items():
            if not status.startswith("2"):
                continue
            for media_type, media in response.get("content", {}).items():
                if media.get("examples") or "schema" not in media:
                    continue
                value = _WRITTEN["media_types"].get(media_type) or _example(media["schema"], components)
                media["examples"] = {"Example": {"value": value, "summary": "An example answer"}}
    return result
