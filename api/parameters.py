"""Query parameters: each view accepts exactly those its OpenAPI operation documents, with the values their schemas
allow, so the check and the schema cannot drift apart: a misspelt filter (`?missoin=hanoi`), an empty or blank value
(`?kind=`), a value outside an enum or the bounds, or text where a number goes is a 400 naming the parameter instead
of a silently wrong answer.

The parameters are read from drf-spectacular's own description of the operation (filter sets, ordering,
pagination, `extend_schema` parameters, and the rules api/schema.py adds), once per route and method in each
process; DRF's `?format=` is accepted everywhere. The views still check what a schema cannot say (a cursor's
content, an unknown mission of a lookup).
"""

import re
from functools import lru_cache

from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.plumbing import ComponentRegistry
from drf_spectacular.settings import spectacular_settings
from rest_framework import exceptions
from rest_framework.settings import api_settings

from .schema import BLANK_MESSAGE, DESCRIBING


def _always_accepted() -> frozenset[str]:
    return frozenset(name for name in (api_settings.URL_FORMAT_OVERRIDE,) if name)


def _documented_query_parameters(callback, route: str, method: str) -> dict[str, dict]:
    """The query parameters (name -> OpenAPI parameter) of the operation drf-spectacular describes for `callback`
    at `route` and `method`."""
    with DESCRIBING:  # see api.schema.DESCRIBING
        return _described(callback, route, method)


def _described(callback, route: str, method: str) -> dict[str, dict]:
    path = "/" + route
    generator = SchemaGenerator()  # keeps the view's schema alive (it is held by a weak reference) until the end
    view = generator.create_view(callback, method)
    view.request = spectacular_settings.GET_MOCK_REQUEST(method, path, view, None)
    operation = view.schema.get_operation(path, path, "^/", method, ComponentRegistry()) or {}
    return {
        parameter["name"]: parameter for parameter in operation.get("parameters", ()) if parameter.get("in") == "query"
    }


def accepted_query_parameters(request) -> dict[str, dict] | None:
    """What the request's route accepts for its method, or None when nothing is to be checked (OPTIONS, or a method
    the route does not serve, which is answered 405 whatever its parameters)."""
    match = request.resolver_match
    return _accepted(match.func, match.route, "GET" if request.method == "HEAD" else request.method)


@lru_cache(maxsize=None)
def _accepted(callback, route: str, method: str) -> dict[str, dict] | None:
    view_class, actions = callback.cls, getattr(callback, "actions", None)
    if actions is None:
        actions = [name for name in view_class.http_method_names if hasattr(view_class, name)]
    if method == "OPTIONS" or method.lower() not in actions:
        return None
    return {**{name: {"name": name, "schema": {"type": "string"}} for name in _always_accepted()},
            **_documented_query_parameters(callback, route, method)}


def _value_error(value: str, schema: dict) -> str | None:
    """What is wrong with one value of a query parameter for its schema, or None."""
    if not value.strip():
        return BLANK_MESSAGE
    if "enum" in schema and value not in [str(choice) for choice in schema["enum"]]:
        return f"Must be one of: {', '.join(str(choice) for choice in schema['enum'])}."
    kind = schema.get("type")
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        bounds = f" from {low} to {high}" if low is not None and high is not None else ""
        if not re.fullmatch(r"-?[0-9]+", value) or (low is not None and int(value) < low) or (
            high is not None and int(value) > high
        ):
            return f"Must be a whole number{bounds}."
    elif kind == "boolean" and value not in ("true", "false"):
        return "Must be true or false."
    elif kind == "string":
        if len(value) > schema.get("maxLength", len(value)):
            return f"At most {schema['maxLength']} characters."
        if "pattern" in schema and not re.search(schema["pattern"], value):
            return f"Not a valid value (the schema's pattern is {schema['pattern']})."
    return None


def _parameter_errors(parameter: dict, values: list[str]) -> list[str]:
    schema = parameter.get("schema", {})
    if schema.get("type") == "array":
        if parameter.get("explode") is False:
            values = [part for value in values for part in value.split(",")] if all(values) else [""]
        if len(values) > schema.get("maxItems", len(values)):
            return [f"At most {schema['maxItems']} values."]
        schema = schema.get("items", {})
    return sorted({error for value in values if (error := _value_error(value, schema))})


def query_parameters_error(request) -> exceptions.ValidationError | None:
    """A 400 naming each query parameter the route does not accept (listing those it does), and each whose value
    its schema refuses; None if all are known and valid."""
    accepted = accepted_query_parameters(request)
    if accepted is None:
        return None
    listed = ", ".join(sorted(accepted))
    errors = {name: [f"Unknown parameter; use one of: {listed}."] for name in sorted(set(request.GET) - set(accepted))}
    for name, values in request.GET.lists():
        if name in accepted and (problems := _parameter_errors(accepted[name], values)):
            errors[name] = problems
    return exceptions.ValidationError(errors) if errors else None


class StrictQueryParameters:
    """Mixin for every API view: an unknown query parameter, or a value its schema refuses, is a 400, after
    authentication, permissions and throttles (so a wrong key is still a 401 and the refusal counts against the
    caller's rate)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        error = query_parameters_error(request)
        if error is not None:
            raise error
