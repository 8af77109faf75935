"""The OpenAPI schema: the hub's own API, /api/v1/, only; every status an operation can answer with, its errors in
the one `ApiError` shape; every parameter with the rules the server applies to it (api/parameters.py checks each
request against the same description); which operations take a key optionally and which need one; and an example
answer for each."""

import json
import threading
from copy import deepcopy
from pathlib import Path

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework.permissions import AllowAny

from .errors import ApiErrorSerializer

ANONYMOUS = {}

# drf-spectacular's extensions load their target classes lazily and without a lock: two threads describing
# operations at once on a fresh worker crashed one of them (a 500 on a new gunicorn worker's first concurrent
# requests). Whatever asks it to describe the API (the schema view, api.parameters' per-route check, done once per
# route and method) holds this lock.
DESCRIBING = threading.Lock()
OPTIONAL_KEY_NOTE = "Anonymous callers may use this; an API key is optional (it gives the consumer's own rate)."
REQUIRED_KEY_NOTE = "Needs an API key (`Authorization: Api-Key <key>`)."
JOURNALIST_TOKEN = {"JournalistToken": []}
JOURNALIST_TOKEN_NOTE = "Needs a journalist token (`Authorization: Journalist-Token <token>`), from the press area."


# A query or path value with text in it: not empty, not only whitespace, no NUL (hub.middleware refuses those).
# Whitespace is spelt out as Python's str.strip() has it, since regular expression engines disagree on `\s`.
_WHITESPACE = r"\t-\r\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
TEXT_PATTERN = rf"^[^\u0000]*[^\u0000{_WHITESPACE}][^\u0000]*$"
# What Django's `<str:…>` path converter matches, less NUL.
PATH_SEGMENT_PATTERN = r"^[^/\u0000]+$"
BLANK_MESSAGE = "Give a value, or leave the parameter out."
# search.criteria.SLUG, in ASCII: engines disagree on what `\w` matches, and mission slugs are ASCII.
SLUG = r"[-0-9A-Za-z_]{1,100}"
COUNTRY = "[A-Za-z]{2}"
# Dates for the search filters: a day, or a moment.
DATE_OR_DATE_TIME = {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]}


def repeatable(name: str, item: dict, *, most: int, description: str = "") -> OpenApiParameter:
    """A filter that repeats (`?mission=hanoi&mission=paris`: OpenAPI's `form` style, exploded), up to `most`
    values, each one `item`. The array is written out (drf-spectacular's `many=True` takes basic types only)."""
    return OpenApiParameter(
        name, {"type": "array", "items": item, "maxItems": most}, style="form", explode=True,
        description=f"{description} Repeat the parameter for more values, at most {most}.".strip(),
    )


def matching(pattern: str) -> dict:
    """A string matching `pattern` (without anchors) exactly."""
    return {"type": "string", "pattern": f"^{pattern}$"}


def bounded_integer(low: int, high: int) -> dict:
    return {"type": "integer", "minimum": low, "maximum": high}

ERROR_STATUSES = {
    "400": "A parameter, header or body is invalid, or a parameter is unknown or empty; `details` names each.",
    "401": "The API key is missing where one is needed, or unknown, revoked, empty or sent with another scheme "
    "than `Api-Key`.",
    "403": "The API key does not cover this.",
    "404": "No such public resource.",
    "406": "The `Accept` header or `?format=` asks for a format this operation does not give.",
    "415": "The body is not JSON.",
    "429": "Too many requests; `Retry-After` says when to come back.",
}
NOT_MODIFIED = "Not modified: the `ETag` (`If-None-Match`) or `Last-Modified` (`If-Modified-Since`) sent still holds."


def parameter_house_rules(parameter: dict) -> dict:
    """A parameter as the server checks it: free text (no enum, format or pattern of its own) must hold text, and
    a path segment is what the URL pattern matches."""
    schema = parameter.get("schema", {})
    target = schema.get("items", schema) if schema.get("type") == "array" else schema
    if target.get("type") == "string" and not {"enum", "format", "pattern"} & set(target):
        target["pattern"] = PATH_SEGMENT_PATTERN if parameter.get("in") == "path" else TEXT_PATTERN
    if schema.get("type") == "array" and parameter.get("explode") is False:
        schema["minItems"] = 1
    return parameter


class HubAutoSchema(AutoSchema):
    """drf-spectacular's AutoSchema, adding what every operation of this API can also answer: the errors (400, 401,
    406, 429 anywhere; 403 behind a permission; 404 with a path parameter or a lookup; 415 with a body) in the
    `ApiError` shape, and 304 for views answering conditional requests."""

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        operation["parameters"] = [parameter_house_rules(deepcopy(p)) for p in operation.get("parameters", [])]
        if not operation["parameters"]:
            del operation["parameters"]
        responses = operation["responses"]
        if self.method == "GET" and getattr(self.view, "answers_conditional_requests", False):
            responses.setdefault("304", {"description": NOT_MODIFIED})
        error = {"application/json": {"schema": self.resolve_serializer(ApiErrorSerializer, "response").ref}}
        for status in self._error_statuses(path):
            responses.setdefault(status, {"description": ERROR_STATUSES[status], "content": deepcopy(error)})
        return operation

    def _error_statuses(self, path: str) -> list[str]:
        statuses = ["400", "401", "406", "429"]
        if any(permission is not AllowAny for permission in self.view.permission_classes):
            statuses.append("403")
        paginated = any(parameter["name"] == "cursor" for parameter in self._get_pagination_parameters())
        if "{" in path or paginated or getattr(self.view, "answers_not_found", False):
            statuses.append("404")
        if self.method in ("POST", "PUT", "PATCH"):
            statuses.append("415")
        return sorted(statuses)


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
        note = OPTIONAL_KEY_NOTE if optional else JOURNALIST_TOKEN_NOTE if JOURNALIST_TOKEN in security else REQUIRED_KEY_NOTE
        operation["description"] = f"{operation['description']}\n\n{note}" if operation.get("description") else note
    return result


def sparse_field_results(result, generator, request, public):
    """drf-spectacular postprocessing hook: with `?fields=`, a page listing's results hold only the named
    properties, so its items are a full `PageSummary` or a `PageSummaryFields` (the same properties, none required)."""
    schemas = result.get("components", {}).get("schemas", {})
    if "PageSummary" not in schemas or "PaginatedPageSummaryList" not in schemas:
        return result
    schemas["PageSummaryFields"] = {
        "type": "object",
        "description": "A page in a listing asked for with `fields`: only those of the named properties it has.",
        "properties": deepcopy(schemas["PageSummary"]["properties"]),
    }
    schemas["PaginatedPageSummaryList"]["properties"]["results"]["items"] = {
        "anyOf": [{"$ref": "#/components/schemas/PageSummary"}, {"$ref": "#/components/schemas/PageSummaryFields"}]
    }
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

