"""The first requests a fresh worker serves at once: the check of their query parameters asks drf-spectacular to
describe the operation, and drf-spectacular's extensions load their target classes lazily without a lock (two
threads loading one whose package is not installed crash the second: `'NoneType' object has no attribute
'startswith'`, a 500 seen in the first second of a wrk run on a new gunicorn worker)."""

import threading

import pytest
from django.urls import resolve
from drf_spectacular.extensions import OpenApiViewExtension

from api import parameters

THREADS = 8
ROUNDS = 40


def _fresh_unloaded_extension(number: int) -> type:
    """A view extension for a package that is not installed, not loaded yet: what a new worker starts with."""
    return type(f"NotInstalledViewExtension{number}", (OpenApiViewExtension,),
                {"target_class": f"not_installed_{number}.views.View", "optional": True})


@pytest.mark.django_db
def test_query_parameters_are_described_safely_by_many_threads_at_once():
    match = resolve("/api/v1/pages/")
    errors = []
    registry = list(OpenApiViewExtension._registry)
    try:
        for number in range(ROUNDS):
            _fresh_unloaded_extension(number)
            parameters._accepted.cache_clear()
            start = threading.Barrier(THREADS)

            def describe():
                start.wait()
                try:
                    assert "page_size" in parameters._accepted(match.func, match.route, "GET")
                except Exception as error:  # noqa: BLE001 - any failure is what the test is about
                    errors.append(repr(error))

            threads = [threading.Thread(target=describe) for _ in range(THREADS)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        OpenApiViewExtension._registry[:] = registry
        parameters._accepted.cache_clear()
    assert errors == []
