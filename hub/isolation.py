"""Keeps each mission's staff inside their own part of the page tree in the admin.

Wagtail lets any admin user browse the tree structure and choose any page; a ministry must not
show one mission's unpublished sections to another. These wrappers put Wagtail's own explorer and
page-chooser views behind the same explorable-pages rule the rest of the admin uses.
"""

from django.http import Http404
from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.viewsets.pages import page_viewset_registry

from .selectors import pages_choosable_by, pages_explorable_by


def _guarded(view, allowed_pages):
    def guarded_view(request, parent_page_id, **kwargs):
        user = request.user
        if user.is_authenticated and not user.is_superuser:
            if not allowed_pages(user=user).filter(pk=parent_page_id).exists():
                raise Http404("No such page in your part of the network.")
        return view(request, parent_page_id=parent_page_id, **kwargs)

    return guarded_view


explorer_index = _guarded(
    page_viewset_registry.as_view("index", parent_page_id_kwarg="parent_page_id"), pages_explorable_by
)
explorer_index_results = _guarded(
    page_viewset_registry.as_view("index_results", parent_page_id_kwarg="parent_page_id"), pages_explorable_by
)
page_chooser_browse = _guarded(BrowseView.as_view(), pages_choosable_by)


def restrict_page_chooser(pages, request):
    """construct_page_chooser_queryset hook: only pages the user may choose."""
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=pages_choosable_by(user=request.user).values("pk"))
