"""How Wagtail serves pages on the reference site."""

from django.http import Http404
from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.models import Page

from embassies.selectors import pages_public

from .context import page_context


# order=1: inside Wagtail's own view-restriction check, which answers first with its login or password form.
@hooks.register("on_serve_page", order=1)
def serve_public_pages_with_site_context(serve):
    """Serve only what `pages_public` allows, and give the page's template the site's context.

    Wagtail routes only live pages, but it serves a page past its expiry until the scheduler runs, and
    serves restricted pages to whoever passes the restriction. The reference site is the public site: both
    are a 404 here. Page models stay headless; the site context is added to Wagtail's (still unrendered)
    TemplateResponse.
    """

    def inner(page, request, serve_args, serve_kwargs):
        if not pages_public(queryset=Page.objects.filter(pk=page.pk)).exists():
            raise Http404
        response = serve(page, request, serve_args, serve_kwargs)
        if isinstance(response, TemplateResponse) and not response.is_rendered:
            response.context_data.update(page_context(page=page, request=request, live=True))
        return response

    return inner
