"""Query parameters: each view accepts exactly those its OpenAPI operation documents, so the check and the schema
cannot drift apart, and a misspelt filter (`?missoin=hanoi`) is a 400 naming it instead of a silently wrong answer.

The accepted names are read from drf-spectacular's own description of the operation (filter sets, ordering,
pagination, `extend_schema` parameters), once per route and method in each process; DRF's `?format=` is
accepted everywhere.
"""

from functools import lru_cache

from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.plumbing import ComponentRegistry
from drf_spectacular.settings import spectacular_settings
from rest_framework import exceptions
from rest_framework.settings import api_settings


def _always_accepted() -> frozenset[str]:
    return frozenset(name for name in (api_settings.URL_FORMAT_OVERRIDE,) if name)


def _documented_query_parameters(callback, route: str, method: str) -> frozenset[str]:
    """The query parameters of the operation drf-spectacular describes for `callback` at `route` and `method`."""
    path = "/" + route
    generator = SchemaGenerator()  # keeps the view's schema alive (it is held by a weak reference) until the end
    view = generator.create_view(callback, method)
    view.request = spectacular_settings.GET_MOCK_REQUEST(method, path, view, None)
    operation = view.schema.get_operation(path, path, "^/", method, ComponentRegistry()) or {}
    return frozenset(
        parameter["name"] for parameter in operation.get("parameters", ()) if parameter.get("in") == "query"
    )


def accepted_query_parameters(request) -> frozenset[str] | None:
    """What the request's route accepts for its method, or None when nothing is to be checked (OPTIONS, or a method
    the route does not serve, which is answered 405 whatever its parameters)."""
    match = request.resolver_match
    return _accepted(match.func, match.route, "GET" if request.method == "HEAD" else request.method)


@lru_cache(maxsize=None)
def _accepted(callback, route: str, method: str) -> frozenset[str] | None:
    view_class, actions = callback.cls, getattr(callback, "actions", None)
    if actions is None:
        actions = [name for name in view_class.http_method_names if hasattr(view_class, name)]
    if method == "OPTIONS" or method.lower() not in actions:
        return None
    return _always_accepted() | _documented_query_parameters(callback, route, method)


def unknown_query_parameters_error(request) -> exceptions.ValidationError | None:
    """A 400 naming each query parameter the route does not accept, and listing those it does; None if all are known."""
    accepted = accepted_query_parameters(request)
    if accepted is None:
        return None
    unknown = sorted(set(request.GET) - accepted)
    if not unknown:
        return None
    listed = ", ".join(sorted(accepted))
    return exceptions.ValidationError({name: [f"Unknown parameter; use one of: {listed}."] for name in unknown})


class StrictQueryParameters:
    """Mixin for every API view: an unknown query parameter is a 400, after authentication, permissions and
    throttles (so a wrong key is still a 401 and the refusal counts against the caller's rate)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        error = unknown_query_parameters_error(request)
        if error is not None:
            raise error
