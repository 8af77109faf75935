"""The API's one error shape: {"code", "message", "details"} for every 4xx and 5xx the API answers with."""

from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class ApiErrorCode(StrEnum):
    INVALID = "invalid"
    NOT_AUTHENTICATED = "not_authenticated"
    AUTHENTICATION_FAILED = "authentication_failed"
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    NOT_ACCEPTABLE = "not_acceptable"
    THROTTLED = "throttled"
    ERROR = "error"
    SERVER_ERROR = "server_error"


class ApiErrorSerializer(serializers.Serializer):
    """The error shape, for the OpenAPI schema (the `ApiError` component every operation's 4xx answers refer to)."""

    code = serializers.ChoiceField(choices=[(code.value, code.value) for code in ApiErrorCode])
    message = serializers.CharField(help_text="What went wrong, in words.")
    details = serializers.DictField(
        help_text="For a 400, each parameter or field at fault with its messages; otherwise empty or a few facts "
        "(`retry_after_seconds` for a 429)."
    )


_CODES = {
    exceptions.ValidationError: (ApiErrorCode.INVALID, "The request has invalid parameters."),
    exceptions.ParseError: (ApiErrorCode.INVALID, "The request body could not be parsed."),
    exceptions.NotAuthenticated: (ApiErrorCode.NOT_AUTHENTICATED, "Authentication credentials were not provided."),
    exceptions.AuthenticationFailed: (ApiErrorCode.AUTHENTICATION_FAILED, "The API key is invalid or revoked."),
    exceptions.PermissionDenied: (ApiErrorCode.PERMISSION_DENIED, "You may not do this."),
    exceptions.NotFound: (ApiErrorCode.NOT_FOUND, "Not found."),
    exceptions.MethodNotAllowed: (ApiErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed here."),
    exceptions.NotAcceptable: (ApiErrorCode.NOT_ACCEPTABLE, "The requested format is not available."),
    exceptions.Throttled: (ApiErrorCode.THROTTLED, "Too many requests."),
}


# Answers Django gives before or instead of an API view (an unknown path, an uncaught exception), by status.
_STATUS_ERRORS = {
    400: (ApiErrorCode.INVALID, "The request is invalid."),
    403: (ApiErrorCode.PERMISSION_DENIED, "You may not do this."),
    404: (ApiErrorCode.NOT_FOUND, "Nothing here: /api/v1/ lists the endpoints."),
    405: (ApiErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed here."),
    500: (ApiErrorCode.SERVER_ERROR, "The server failed to answer; the error has been logged."),
}


def error_body(code: ApiErrorCode, message: str, details=None) -> dict:
    return {"code": str(code), "message": message, "details": details or {}}


def api_exception_handler(exc, context):
    """DRF exception handler: every error the API raises leaves in the documented shape."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages})

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    code, message = next(
        ((code, message) for exc_class, (code, message) in _CODES.items() if isinstance(exc, exc_class)),
        (ApiErrorCode.ERROR, "The request failed."),
    )
    details = response.data if isinstance(exc, exceptions.ValidationError) else {}
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        details = {"retry_after_seconds": int(exc.wait)}
        message = f"Too many requests; retry in {int(exc.wait)} seconds."
    elif not isinstance(exc, exceptions.ValidationError) and isinstance(response.data, dict) and response.data.get("detail"):
        message = str(response.data["detail"])
    response.data = error_body(code, message, details)
    return response


def json_error(code: ApiErrorCode, message: str, *, status_code: int = status.HTTP_400_BAD_REQUEST, details=None):
    """An error response for views outside DRF's exception flow (e.g. feeds)."""
    return Response(error_body(code, message, details), status=status_code)


def status_error_body(status_code: int) -> dict:
    """The error shape for an HTTP status alone, saying nothing of how it came about (no traceback, no path)."""
    fallback = (ApiErrorCode.SERVER_ERROR, "The server could not answer.") if status_code >= 500 else (
        ApiErrorCode.ERROR, "The request failed."
    )
    return error_body(*_STATUS_ERRORS.get(status_code, fallback))
