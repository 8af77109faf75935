"""Cursor pagination: stable under concurrent publishing, cheap at any depth."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination


class HubCursorPagination(CursorPagination):
    """DRF's cursor pagination, strict about its parameters: a bad `page_size` is a 400, a cursor this API did
    not give a 404."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = ("-first_published_at", "-pk")

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= self.max_page_size:
            raise exceptions.ValidationError(
                {self.page_size_query_param: [f"Must be a whole number from 1 to {self.max_page_size}."]}
            )
        return int(value)

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except exceptions.NotFound:
            raise self._invalid_cursor() from None

    def paginate_queryset(self, queryset, request, view=None):
        """A well-formed cursor can still carry a position of the wrong type (it is only base64): a 404 too."""
        try:
            return super().paginate_queryset(queryset, request, view)
        except (ValueError, TypeError, OverflowError, DjangoValidationError):
            if request.query_params.get(self.cursor_query_param):
                raise self._invalid_cursor() from None
            raise

    def get_schema_operation_parameters(self, view):
        """DRF's parameters, with the bounds `get_page_size` enforces."""
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
        return parameters

    def get_paginated_response_schema(self, schema):
        """DRF's schema of a page of results, with links of this API as examples (the first page of a listing)."""
        response = super().get_paginated_response_schema(schema)
        response["properties"]["next"]["example"] = "https://hub.example.org/api/v1/pages/?cursor=cD0yMDI2LTAzLTE0"
        response["properties"]["previous"]["example"] = None
        return response

    def _invalid_cursor(self) -> exceptions.NotFound:
        """A cursor names a page of results; one this API never gave names none (DRF's own answer too), and the
        404 says where cursors come from."""
        return exceptions.NotFound(
            f"No such page of results (`{self.cursor_query_param}`): use the `next` or `previous` link of a response."
        )
