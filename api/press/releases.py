"""GET /api/v1/press/releases/ and /{id}/: press releases and statements.

Public releases are for everyone, in the page summary and detail shapes, cacheable (ETag/304, kept answers).
Embargoed ones exist only for a journalist token whose journalist may read them (`press.selectors`): listed under
`embargoed`, each with `embargoed_until`, sent `private, no-store`, never kept, and each detail read logged. Anyone
else gets a 404 for them, exactly as for a page that does not exist.
"""

from django.utils.cache import patch_vary_headers
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.response import Response

from api.caching import HttpCached
from api.consumers.authentication import ApiKeyAuthentication
from api.pages.serializers import PageDetailSerializer, PageSummarySerializer
from embassies.models import ArticlePage
from embassies.presentation.pages import hydrate, page_detail, page_summary
from press.models import JournalistToken, ReadChannel
from press.selectors import journalist_for, release_embargoed_for, releases_embargoed_for, releases_public
from press.services import embargo_read_record

from .authentication import JournalistTokenAuthentication
from .briefings import PAGE_ID_MAX


class EmbargoedReleaseSummarySerializer(PageSummarySerializer):
    embargoed_until = serializers.DateTimeField(help_text="When the embargo ends and the release becomes public.")


class EmbargoedReleaseDetailSerializer(PageDetailSerializer):
    embargoed_until = serializers.DateTimeField(help_text="When the embargo ends and the release becomes public.")
    revision_id = serializers.IntegerField(help_text="The approved, scheduled revision this copy is.")


def _embargoed_json(release, *, request, detail: bool) -> dict:
    data = (page_detail if detail else page_summary)(release.page, request=request)
    data["embargoed_until"] = release.embargoed_until.isoformat()
    if detail:
        data["revision_id"] = release.revision.pk
    return data


class _PressRelease(HttpCached, generics.GenericAPIView):
    """Public answers are cached like the rest of v1; a journalist's are personal and skip every cache."""

    authentication_classes = [JournalistTokenAuthentication, ApiKeyAuthentication]
    keep_answers = True

    def journalist_calls(self) -> bool:
        return isinstance(self.request.auth, JournalistToken)

    def initial(self, request, *args, **kwargs):
        if isinstance(request.auth, JournalistToken):  # authenticates here: a wrong token is still a 401
            # Authenticate, check and throttle, but never answer from (or validate against) the public cache.
            super(HttpCached, self).initial(request, *args, **kwargs)
            return
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization"])
        if self.journalist_calls():
            response["Cache-Control"] = "private, no-store"
        return response


class PressReleaseListView(_PressRelease, generics.ListAPIView):
    """Public press releases and statements, newest first, with cursor pagination; for a journalist token, also
    `embargoed`: the embargoed releases its journalist may read (each with `embargoed_until`)."""

    serializer_class = PageSummarySerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema is drawn without a database
            return ArticlePage.objects.none()
        return releases_public()

    def list(self, request, *args, **kwargs):
        queryset = self.get_queryset().select_related(None).only("id", "content_type", "first_published_at")
        page_of_results = self.paginate_queryset(queryset)
        response = self.get_paginated_response([page_summary(page, request=request) for page in hydrate(page_of_results)])
        if self.journalist_calls():
            releases = releases_embargoed_for(journalist=journalist_for(request.user))
            response.data["embargoed"] = [_embargoed_json(release, request=request, detail=False) for release in releases]
        return response


class PressReleaseDetailView(_PressRelease):
    """One release: the embargoed copy for a journalist who may read it (the read is logged), else the public one."""

    serializer_class = PageDetailSerializer
    pagination_class = None
    filter_backends = []

    @extend_schema(responses={200: PageDetailSerializer})
    def get(self, request, pk: int):
        if pk > PAGE_ID_MAX:  # a page id is a 32-bit integer; a longer number names no page (and overflows SQLite)
            raise exceptions.NotFound("No such press release.")
        if self.journalist_calls():
            journalist = journalist_for(request.user)
            release = release_embargoed_for(journalist=journalist, page_id=pk)
            if release is not None:
                embargo_read_record(journalist=journalist, release=release, channel=ReadChannel.API)
                return Response(_embargoed_json(release, request=request, detail=True))
        page = releases_public().filter(pk=pk).first()
        if page is None:
            raise exceptions.NotFound("No such press release.")
        return Response(page_detail(hydrate([page], with_body=True)[0], request=request))
