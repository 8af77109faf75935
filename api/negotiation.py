"""Content negotiation remembered per Accept header: the API renders JSON only, so the same few Accept headers
come again and again, and DRF would parse each one on every request — a 304 and a kept answer included."""

from functools import lru_cache
from types import SimpleNamespace

from django.http import Http404
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation


class RememberedContentNegotiation(DefaultContentNegotiation):
    """DRF's own negotiation (same choices, same 406), its answer kept per renderer classes and Accept header;
    a `?format=` goes to DRF as it is."""

    def select_renderer(self, request, renderers, format_suffix=None):
        if format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE):
            try:
                return super().select_renderer(request, renderers, format_suffix)
            except Http404:  # DRF's answer to an unknown `?format=`: it is a format the operation does not give
                raise exceptions.NotAcceptable(
                    f"Unknown format; use one of: {', '.join(renderer.format for renderer in renderers)}."
                ) from None
        renderer_classes = tuple(type(renderer) for renderer in renderers)
        choice = _choice(type(self), renderer_classes, request.headers.get("accept", "*/*"))
        if choice is None:
            raise exceptions.NotAcceptable(available_renderers=renderers)
        index, media_type = choice
        return renderers[index], media_type


@lru_cache(maxsize=256)  # bounded: Accept headers come from callers
def _choice(negotiation_class, renderer_classes, accept: str) -> tuple[int, str] | None:
    renderers = [renderer_class() for renderer_class in renderer_classes]
    request = SimpleNamespace(query_params={}, headers={"accept": accept})
    try:
        renderer, media_type = DefaultContentNegotiation.select_renderer(negotiation_class(), request, renderers)
    except exceptions.NotAcceptable:
        return None
    return renderers.index(renderer), media_type
