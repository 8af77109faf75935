"""Admin forms for the hub's images and documents (wired in through WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE, so the single and multiple upload views both use them)."""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm


class HubImageForm(BaseImageForm):
    """The image add/edit form."""


class HubDocumentForm(BaseDocumentForm):
    """The document add/edit form."""
