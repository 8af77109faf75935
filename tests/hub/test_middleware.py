"""The hub's request middleware: what the API skips, and what it never skips."""

import pytest
from django.http import HttpResponse

from embassies import factories as content
from hub.middleware import AuthenticationMiddleware, MessageMiddleware, SessionMiddleware


def _chain():
    seen = {}

    def view(request):
        seen["session"] = hasattr(request, "session")
        seen["user"] = hasattr(request, "user")
        seen["messages"] = hasattr(request, "_messages")
        return HttpResponse("ok")

    return SessionMiddleware(AuthenticationMiddleware(MessageMiddleware(view))), seen


@pytest.mark.parametrize("path", ["/api/v1/pages/", "/api/v1/docs/"])
def test_the_api_goes_without_sessions_users_and_messages(rf, path):
    chain, seen = _chain()
    assert chain(rf.get(path)).status_code == 200
    assert seen == {"session": False, "user": False, "messages": False}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/en/hanoi/", "/apis-are-not-the-api/"])
def test_everything_else_keeps_them(rf, path):
    chain, seen = _chain()
    assert chain(rf.get(path)).status_code == 200
    assert seen == {"session": True, "user": True, "messages": True}


@pytest.mark.django_db
def test_a_signed_in_editor_sees_nothing_more_through_the_api(client, staff, hanoi):
    """The API never authenticates by the admin's session: a draft stays out for a signed-in editor."""
    draft = content.article(content.section(hanoi), title="Draft speech on maritime cooperation", live=False)
    client.force_login(staff["hanoi_editor"])
    assert client.get("/admin/").status_code == 200
    listing = client.get("/api/v1/pages/?mission=hanoi")
    assert listing.status_code == 200 and draft.title not in listing.content.decode()
    assert client.get(f"/api/v1/pages/{draft.pk}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/api/v1/pages/999999/", "/api/v1/pages/?page_size=lots", "/api/v1/missions/atlantis/"]
)
def test_the_api_answers_in_one_language_whatever_the_reader_asks(client, url):
    in_english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    for language in ("fr", "vi", "ar"):
        answer = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert answer.status_code == in_english.status_code and answer.json() == in_english.json()
        assert "Accept-Language" not in answer.get("Vary", "")
