"""Cursor pagination: stable under concurrent publishing, cheap at any depth."""

from rest_framework.pagination import CursorPagination


class HubCursorPagination(CursorPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "-first_published_at"
