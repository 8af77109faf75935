"""/api/v1/press/journalists/: a journalist registers (the press area's own form checks the request) and, with
their journalist token, reads their own status. Both answers are personal: `private, no-store`, never kept."""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.cache import add_never_cache_headers, patch_cache_control
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, permissions, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from api.consumers.throttles import AnonymousRateThrottle, _LiveRateThrottle
from api.parameters import StrictQueryParameters
from press.forms import JournalistRegistrationForm
from press.selectors import journalist_for, journalist_standing
from press.services import journalist_registration_receive

from .authentication import JournalistTokenAuthentication

STANDINGS = ["unverified", "pending", "accredited", "expired", "rejected"]


class PressRegisterThrottle(_LiveRateThrottle):
    """Registrations per client address (`press_register` in DEFAULT_THROTTLE_RATES, default 10/hour)."""

    scope = "press_register"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class JournalistRegistrationSerializer(serializers.Serializer):
    """The registration, as the schema shows it; press.forms.JournalistRegistrationForm checks it."""

    full_name = serializers.CharField(max_length=150)
    outlet = serializers.CharField(max_length=150)
    outlet_country = serializers.CharField(max_length=2, help_text="ISO 3166-1 alpha-2 code, upper case, e.g. FR.")
    role = serializers.CharField(max_length=100, required=False)
    language_codes = serializers.ListField(
        child=serializers.ChoiceField(choices=[code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]),
        help_text="The content languages the journalist works in.",
    )
    requested_missions = serializers.ListField(
        child=serializers.SlugField(), required=False, help_text="Mission slugs; none: the whole network."
    )
    email = serializers.EmailField()
    phone = serializers.CharField(max_length=40, required=False)
    password = serializers.CharField(
        write_only=True, help_text="At least 12 characters; Django's password rules apply."
    )
    press_card = serializers.FileField(help_text="JPEG, PNG or PDF, checked by its content; size limited.")


class JournalistStatusSerializer(serializers.Serializer):
    full_name = serializers.CharField()
    outlet = serializers.CharField()
    status = serializers.ChoiceField(choices=STANDINGS, help_text="`expired`: accredited once, no longer.")
    accredited_until = serializers.DateTimeField(allow_null=True)
    accredited_for = serializers.ListField(
        child=serializers.CharField(), help_text="Mission slugs; empty while accredited: the whole network."
    )
    requested_missions = serializers.ListField(child=serializers.CharField())


def journalist_status(journalist) -> dict:
    return {
        "full_name": journalist.full_name,
        "outlet": journalist.outlet,
        "status": journalist_standing(journalist),
        "accredited_until": journalist.accredited_until,
        "accredited_for": sorted(journalist.missions.values_list("slug", flat=True)),
        "requested_missions": sorted(journalist.requested_missions.values_list("slug", flat=True)),
    }


def _personal(response: Response) -> Response:
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


class JournalistRegisterView(StrictQueryParameters, APIView):
    """Register as a journalist (multipart form, like the press area's form, with the same checks): the account
    starts `unverified` and a verification link is e-mailed. An address that already has an account gets the same
    201 (its holder is e-mailed instead), so the endpoint cannot be asked who has an account. Throttled per address."""

    parser_classes = [MultiPartParser, FormParser]
    throttle_classes = [AnonymousRateThrottle, PressRegisterThrottle]

    @extend_schema(
        operation_id="press_journalist_register", request={"multipart/form-data": JournalistRegistrationSerializer},
        responses={201: JournalistStatusSerializer}, tags=["press"],
    )
    def post(self, request):
        form = JournalistRegistrationForm(data=request.data, files=request.FILES)
        if not form.is_valid():
            raise exceptions.ValidationError(
                {field: [error["message"] for error in errors] for field, errors in form.errors.get_json_data().items()}
            )
        data = form.cleaned_data
        try:
            journalist_registration_receive(
                **{name: data[name] for name in (
                    "full_name", "outlet", "outlet_country", "email", "password", "role", "language_codes",
                    "requested_missions", "phone", "press_card",
                )},
                press_card_content_type=form.press_card_content_type,
            )
        except DjangoValidationError as error:
            raise exceptions.ValidationError(error.message_dict)
        # Built from the request, not from the account: a taken address gets exactly a new registration's answer.
        answer = {
            "full_name": data["full_name"], "outlet": data["outlet"], "status": "unverified", "accredited_until": None,
            "accredited_for": [], "requested_missions": sorted(mission.slug for mission in data["requested_missions"]),
        }
        return _personal(Response(JournalistStatusSerializer(answer).data, status=status.HTTP_201_CREATED))


class IsJournalist(permissions.BasePermission):
    message = "This endpoint needs a journalist token."

    def has_permission(self, request, view):
        return journalist_for(request.user) is not None


class JournalistMeView(StrictQueryParameters, APIView):
    """The calling journalist's own status: accreditation, its scope and expiry."""

    authentication_classes = [JournalistTokenAuthentication]
    permission_classes = [IsJournalist]

    @extend_schema(operation_id="press_journalist_me", responses={200: JournalistStatusSerializer}, tags=["press"])
    def get(self, request):
        return _personal(Response(JournalistStatusSerializer(journalist_status(request.auth.journalist)).data))
