"""Document downloads: Wagtail's serve view behind the asset rule, with cache headers a CDN will obey.

Mounted over Wagtail's `/documents/<id>/<filename>` path (hub/urls.py), so every document link the hub writes
comes here. A document nobody may see answers 404, exactly like one that does not exist.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.documents.views.serve import serve

from embassies.models import HubDocument

from .selectors import document_downloadable

# How long a CDN or browser may keep a public document: it may outlive the last public page using it by this much.
PUBLIC_MAX_AGE = 300


def document_download(request, document_id, document_filename):
    """Public documents to anyone, private ones to the staff who may choose them; every file as an attachment."""
    document = get_object_or_404(HubDocument, pk=document_id)
    allowed, public = document_downloadable(document=document, user=request.user)
    if not allowed:
        raise Http404("No such document.")
    response = serve(request, document_id, document_filename)
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
    return response  # Wagtail's serve already sends nosniff, the CSP and the attachment disposition
