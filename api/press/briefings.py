"""`/api/v1/press/briefings/`: public briefings (upcoming, past), one briefing with its transcript in a locale, and
the iCalendar feed. Thin over `press.selectors` and `press.presentation`; questions never appear here.

Answers are validated by a digest of their own bytes rather than the content version: a briefing passing from
upcoming to past changes an answer without any log entry, and the digest follows it exactly.
"""

import hashlib

import django_filters
from django.conf import settings
from django.http import HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import quote_etag
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, renderers, serializers
from rest_framework.response import Response
from rest_framework.settings import api_settings

from press.calendar import briefings_calendar, calendar_response
from press.models import BriefingFormat, BriefingPage
from press.presentation import briefing_detail, briefing_summary
from press.selectors import BRIEFING_ORDER, briefing_timing, briefings_public

from ..caching import MAX_AGE_SECONDS
from ..pages.filters import mission_for_filter
from ..pages.serializers import AlternateSchemaSerializer, BodyBlockField, PageCommonSerializer
from ..pagination import HubCursorPagination
from ..parameters import StrictQueryParameters
from .authentication import JournalistTokenAuthentication

LANGUAGES = [(code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES]
WHEN = [("upcoming", "upcoming"), ("past", "past")]
PAGE_ID_MAX = 2**31 - 1


class DigestValidated:
    """ETag of the answer's bytes on a public GET 200, and a bare 304 when the client holds them already."""

    answers_conditional_requests = True

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if isinstance(response, Response):
            response.render()
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
            response = HttpResponseNotModified()
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=MAX_AGE_SECONDS)
        patch_vary_headers(response, ["Accept"])
        return response


class BriefingFilter(django_filters.FilterSet):
    mission = django_filters.CharFilter(method="filter_mission", help_text="Mission slug (an unknown one is a 404).")
    locale = django_filters.ChoiceFilter(choices=LANGUAGES, field_name="locale__language_code", help_text="Language code.")
    when = django_filters.ChoiceFilter(
        choices=WHEN, method="filter_when",
        help_text="`upcoming`: an occurrence still to end, soonest first; `past`: all ended, latest first.",
    )

    def filter_mission(self, queryset, name, slug):
        return queryset.filter(mission=mission_for_filter(slug))

    def filter_when(self, queryset, name, value):
        return queryset.filter(briefing_timing(when=value, at=timezone.now()))


class BriefingCursorPagination(HubCursorPagination):
    ordering = BRIEFING_ORDER["all"]


class UpcomingBriefingCursorPagination(HubCursorPagination):
    ordering = BRIEFING_ORDER["upcoming"]


class LiveStreamSerializer(serializers.Serializer):
    url = serializers.URLField()
    provider = serializers.ChoiceField(choices=["youtube", "facebook"])
    embed_url = serializers.URLField(help_text="YouTube's no-cookie player, or Facebook's video plugin.")


class OccurrenceSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()


class RecurrenceSerializer(serializers.Serializer):
    rrule = serializers.CharField(help_text="The RFC 5545 RRULE value, e.g. `FREQ=WEEKLY;INTERVAL=1;BYDAY=TH`.")
    frequency = serializers.ChoiceField(choices=["DAILY", "WEEKLY", "MONTHLY"])
    interval = serializers.IntegerField()
    weekdays = serializers.ListField(child=serializers.CharField())
    until = serializers.DateField(allow_null=True)
    count = serializers.IntegerField(allow_null=True)


class BriefingSummarySerializer(PageCommonSerializer):
    """A public briefing: when (in the mission's time zone), how, who."""

    type = serializers.CharField(help_text="Always `briefing`.")
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    timezone = serializers.CharField()
    recurrence = RecurrenceSerializer(allow_null=True)
    next_occurrence = OccurrenceSerializer(allow_null=True)
    status = serializers.ChoiceField(choices=["upcoming", "past"])
    format = serializers.ChoiceField(choices=BriefingFormat.values)
    venue = serializers.CharField()
    live_stream = LiveStreamSerializer(allow_null=True)
    language = serializers.CharField()
    interpretation_languages = serializers.ListField(child=serializers.CharField())
    spokesperson = serializers.CharField()

    def to_representation(self, page):
        return briefing_summary(page, request=self.context["request"])


class TranscriptItemSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="`exchange` (a question and its answer) or `statement`.")
    id = serializers.CharField()
    question = serializers.CharField(required=False)
    journalist = serializers.CharField(required=False)
    outlet = serializers.CharField(required=False)
    answer = serializers.CharField(required=False, help_text="HTML.")
    spokesperson = serializers.CharField(required=False)
    html = serializers.CharField(required=False, help_text="An opening statement, HTML.")


class RecordingSerializer(serializers.Serializer):
    url = serializers.URLField(allow_null=True)
    document = serializers.DictField(allow_null=True)
    captions = serializers.DictField(allow_null=True, help_text="The WebVTT captions document.")


class BriefingDetailSerializer(BriefingSummarySerializer):
    """A briefing with its body, published transcript, recording and captions, and its translations."""

    seo_title = serializers.CharField()
    search_description = serializers.CharField()
    alternates = AlternateSchemaSerializer(many=True)
    body = serializers.ListField(child=BodyBlockField())
    transcript = TranscriptItemSerializer(many=True)
    recording = RecordingSerializer()

    def to_representation(self, page):
        return briefing_detail(page, request=self.context["request"])


class PressView:
    """`/api/v1/press/` views: a journalist's token is read first, then the usual API keys."""

    authentication_classes = [JournalistTokenAuthentication, *api_settings.DEFAULT_AUTHENTICATION_CLASSES]


class BriefingListView(PressView, DigestValidated, StrictQueryParameters, generics.ListAPIView):
    """Public briefings of every mission; `when=upcoming` soonest first, otherwise latest first, cursor pages."""

    serializer_class = BriefingSummarySerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = BriefingFilter

    @property
    def pagination_class(self):
        upcoming = getattr(self, "request", None) is not None and self.request.GET.get("when") == "upcoming"
        return UpcomingBriefingCursorPagination if upcoming else BriefingCursorPagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return BriefingPage.objects.none()
        return briefings_public()


class BriefingDetailView(PressView, DigestValidated, StrictQueryParameters, generics.GenericAPIView):
    """One public briefing with its transcript; `locale` gives its public translation in that language."""

    serializer_class = BriefingDetailSerializer
    filter_backends = []
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter("locale", OpenApiTypes.STR, description="The translation in this language.", enum=[code for code, _ in LANGUAGES]),
        ]
    )
    def get(self, request, pk: int):
        if pk > PAGE_ID_MAX:  # a page id is a 32-bit integer; a longer number names no page (and overflows SQLite)
            raise exceptions.NotFound("No such public briefing.")
        page = generics.get_object_or_404(briefings_public(), pk=pk)
        code = request.query_params.get("locale")
        if code and code != page.locale.language_code:
            page = briefings_public(language_code=code).filter(translation_key=page.translation_key).first()
            if page is None:
                raise exceptions.NotFound(f"This briefing has no public translation in '{code}'.")
        return Response(briefing_detail(page, request=request))


class CalendarRenderer(renderers.BaseRenderer):
    """Lets `Accept: text/calendar` through negotiation; the feed itself is a ready `text/calendar` response."""

    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class BriefingCalendarView(PressView, StrictQueryParameters, generics.GenericAPIView):
    """Upcoming public briefings as an iCalendar feed (RFC 5545) for calendar clients: one mission's (HQ's with
    `mission=hq`) or every mission's, in one language or all."""

    answers_not_found = True  # an unknown mission is a 404, as on the lists
    renderer_classes = [renderers.JSONRenderer, CalendarRenderer]
    filter_backends = []
    pagination_class = None
    answers_conditional_requests = True

    def handle_exception(self, exc):
        """Errors are JSON, like everywhere in the API, whatever calendar type the client asked for."""
        response = super().handle_exception(exc)
        self.request.accepted_renderer, self.request.accepted_media_type = renderers.JSONRenderer(), "application/json"
        return response

    @extend_schema(
        parameters=[
            OpenApiParameter("mission", OpenApiTypes.STR, description="Mission slug (an unknown one is a 404)."),
            OpenApiParameter("locale", OpenApiTypes.STR, description="Language code.", enum=[code for code, _ in LANGUAGES]),
        ],
        responses={(200, "text/calendar"): OpenApiResponse(OpenApiTypes.STR, description="An iCalendar feed.")},
    )
    def get(self, request):
        mission_slug = request.query_params.get("mission")
        mission = mission_for_filter(mission_slug) if mission_slug else None
        briefings = briefings_public(
            missions=[mission.pk] if mission else None,
            language_code=request.query_params.get("locale"),
            when="upcoming",
        )
        name = f"Press briefings: {mission.name}" if mission else "Press briefings"
        body = briefings_calendar(briefings=briefings, name=name, request=request)
        return calendar_response(request=request, body=body, filename=f"{mission.slug if mission else 'all'}-briefings.ics")


