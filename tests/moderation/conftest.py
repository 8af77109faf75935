"""Fixtures for moderation: extra HQ roles on top of the session's network, and helpers that act over HTTP."""

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from embassies import factories as content
from hub import factories
from hub.roles import Role


@pytest.fixture
def duty_officer(db):
    return factories.staff_user("duty_officer", Role.HQ_DUTY_OFFICER)


@pytest.fixture
def press_officer(db):
    return factories.staff_user("press_officer", Role.HQ_PRESS_OFFICER)


@pytest.fixture
def paris_head(db, paris):
    return factories.staff_user("paris_head", Role.MISSION_HEAD, mission=paris)


@pytest.fixture
def hanoi_news(hanoi):
    return content.section(hanoi)


@pytest.fixture
def hanoi_consular(hanoi):
    return content.section(hanoi, "consular")


def article_form(page, *, action: str = "action-submit", **fields) -> dict:
    """The edit form of an article as the admin posts it, with `action` pressed."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": getattr(page, "kind", "news"),
        "summary": page.summary,
        "body": streamfield([]),
        "comments": inline_formset([]),
        action: action,
        **fields,
    }
    return nested_form_data(data)


def notice_form(page, *, action: str = "action-submit", **fields) -> dict:
    data = {
        "title": page.title,
        "slug": page.slug,
        "notice_type": page.notice_type,
        "severity": page.severity,
        "valid_from": timezone.localtime(page.valid_from).strftime("%Y-%m-%d %H:%M"),
        "valid_until": "",
        "summary": page.summary,
        "body": streamfield([]),
        "comments": inline_formset([]),
        action: action,
        **fields,
    }
    return nested_form_data(data)


def submit_over_http(client, page, **fields):
    """Press "Submit to …" in the page editor, as the logged-in user."""
    form = notice_form if page.specific_class.__name__ == "ConsularNoticePage" else article_form
    response = client.post(f"/admin/pages/{page.pk}/edit/", form(page.specific, **fields))
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def workflow_action_url(page, action: str, task_state) -> str:
    return f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"


def refused(response) -> bool:
    """Wagtail answers a forbidden admin action with 403/404, or by redirecting to the dashboard with an error."""
    return response.status_code in (403, 404) or (response.status_code == 302 and response["Location"] == "/admin/")
