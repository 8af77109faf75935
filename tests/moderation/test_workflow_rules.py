"""One workflow rule per mission (or none) and page type (or none), enforced by every supported database."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import checks
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from embassies.models import ArticlePage, EventPage
from moderation.models import Route, WorkflowRule


@pytest.mark.django_db
def test_the_rule_uniqueness_is_one_every_database_enforces():
    """No `models.W047` (a `nulls_distinct` the database ignores) on SQLite or PostgreSQL."""
    assert [message.id for message in checks.run_checks(tags=["models"], databases=["default"]) if message.id == "models.W047"] == []


@pytest.mark.django_db
@pytest.mark.parametrize("with_mission", [False, True], ids=["network-wide", "one mission"])
@pytest.mark.parametrize("with_page_type", [False, True], ids=["every page type", "one page type"])
def test_a_second_rule_for_the_same_mission_and_page_type_is_refused(hanoi, with_mission, with_page_type):
    mission = hanoi if with_mission else None
    page_type = ContentType.objects.get_for_model(EventPage) if with_page_type else None
    WorkflowRule.objects.create(mission=mission, content_type=page_type, route=Route.REVIEW)

    duplicate = WorkflowRule(mission=mission, content_type=page_type, route=Route.REVIEW)
    with pytest.raises(ValidationError, match="already a rule for this mission and page type"):
        duplicate.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    assert WorkflowRule.objects.filter(mission=mission, content_type=page_type).count() == 1


@pytest.mark.django_db
def test_rules_that_differ_in_mission_or_page_type_live_side_by_side(hanoi, paris):
    article, event = ContentType.objects.get_for_model(ArticlePage), ContentType.objects.get_for_model(EventPage)
    for mission in (None, hanoi, paris):
        for page_type in (None, article, event):
            if not WorkflowRule.objects.filter(mission=mission, content_type=page_type).exists():
                WorkflowRule(mission=mission, content_type=page_type, route=Route.REVIEW).full_clean()
                WorkflowRule.objects.create(mission=mission, content_type=page_type, route=Route.REVIEW)
    rules = WorkflowRule.objects.filter(Q(mission__isnull=True) | Q(mission__in=[hanoi, paris])).filter(
        Q(content_type__isnull=True) | Q(content_type__in=[article, event])
    )
    assert rules.count() == 9
