"""The hub's URLs plus `/bench-plain/<id>/`: the page's own `Page.serve` with a default-style template, no site
context, no hooks, no caching middleware (outside the language prefixes) — the plain Wagtail render to compare with."""

from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail.models import Page

from hub.urls import urlpatterns as hub_urlpatterns


def plain_serve(request, pk: int):
    page = get_object_or_404(Page.objects.live().public(), pk=pk).specific
    page.template = "site_bench/plain_page.html"
    return page.serve(request)


urlpatterns = [path("bench-plain/<int:pk>/", plain_serve), *hub_urlpatterns]
