"""Bad input to the search service is a ValidationError naming the parameter (the API's 400), never a crash."""

import pytest
from django.core.exceptions import ValidationError

from search.selectors import pages_autocomplete, pages_related, pages_search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "x" * 301}, "q"),
        ({"q": 42}, "q"),
        ({"q": "nul\x00byte"}, "q"),
        ({"missions": ["hanoi; DROP TABLE"]}, "missions"),
        ({"missions": 7}, "missions"),
        ({"missions": [""]}, "missions"),
        ({"countries": ["France"]}, "countries"),
        ({"locales": ["xx"]}, "locales"),
        ({"kinds": ["gossip"]}, "kinds"),
        ({"page_types": ["blogpost"]}, "page_types"),
        ({"tags": [None]}, "tags"),
        ({"topics": ["a b"]}, "topics"),
        ({"tags": [f"t{n}" for n in range(51)]}, "tags"),
        ({"published_from": "last tuesday"}, "published_from"),
        ({"published_to": "2026-02-30"}, "published_to"),
        ({"published_from": 20260101}, "published_from"),
        ({"sort": "popularity"}, "sort"),
        ({"page": 0}, "page"),
        ({"page": "two"}, "page"),
        ({"page_size": 1000}, "page_size"),
        ({"page": 500, "page_size": 100}, "page"),
    ],
)
def test_bad_search_parameters_are_validation_errors(params, field):
    with pytest.raises(ValidationError) as error:
        pages_search(**params)
    assert field in error.value.message_dict


def test_unknown_parameter_is_a_type_error_for_the_caller():
    with pytest.raises(TypeError):
        pages_search(colour="red")


@pytest.mark.parametrize(
    ("params", "field"),
    [({"prefix": ""}, "prefix"), ({"prefix": "a" * 101}, "prefix"), ({"prefix": "a", "limit": 0}, "limit"),
     ({"prefix": "a", "locales": ["klingon"]}, "locales")],
)
def test_bad_autocomplete_parameters_are_validation_errors(params, field):
    with pytest.raises(ValidationError) as error:
        pages_autocomplete(**params)
    assert field in error.value.message_dict


@pytest.mark.parametrize(
    ("params", "field"),
    [({"page_id": "abc"}, "page_id"), ({"page_id": 10**30}, "page_id"), ({"page_id": 999_999}, "page_id"),
     ({"page_id": 1, "limit": 500}, "limit")],
)
def test_bad_related_parameters_are_validation_errors(params, field):
    with pytest.raises(ValidationError) as error:
        pages_related(**params)
    assert field in error.value.message_dict


def test_good_parameters_in_api_form_are_accepted():
    results = pages_search(q="  visa  ", missions="hanoi", countries=["vn"], locales=["vi", "en"], page="1", page_size="5",
                           published_from="2020-01-01", published_to="2030-12-31T23:59:59Z", sort="date")
    assert (results.page, results.page_size, results.backend) == (1, 5, "database")
