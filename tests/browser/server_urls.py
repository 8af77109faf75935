"""The hub's URLs plus media files, which the journey server serves itself (DEBUG stays off)."""

import re

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from hub.urls import urlpatterns as hub_urlpatterns

urlpatterns = [
    re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *hub_urlpatterns,
]
