"""What the pages alone do not show: content in every state of review, an API consumer with its key, and a
webhook whose deliveries fail where everyone can see them.

Reviews are replayed through the real workflow API at the moment `demo/data/reviews.yaml` gives (time-machine
moves the clock for the submit and the decision), so Wagtail's workflow and task states, the hub's queue
records and the audit trail all carry those moments, and an item submitted 30 hours ago is overdue by the hub's
own service levels. Everything is found again by a stable key (page slug, consumer name, webhook address).
"""

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Protocol

import time_machine
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from api.consumers.models import ApiConsumer
from api.consumers.services import api_key_create
from api.webhooks.models import DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent
from api.webhooks.services import delivery_attempt, webhook_create
from hub.models import Mission
from moderation.selectors import workflow_for_page

from .report import DemoApiKey, DemoSeedReport
from .spec import DECIDED_STATES, ReviewSpec

DEMO_CONSUMER = "Demo integrator · Embassy in Hanoi website"
DEMO_CONSUMER_MISSION = "hanoi"
# Port 9 (discard) on the loopback answers nothing: every delivery fails at once and waits for its retry.
DEMO_WEBHOOK_URL = "http://127.0.0.1:9/embassy-hub-webhook"


class PageWriting(Protocol):
    """What the review replays need of the seed's page writer (`demo.services.PageWriter`, which calls this module)."""

    def existing(self, mission, spec, language_code): ...
    def local_morning(self, mission, days_ahead: int) -> datetime: ...
    def create_source(self, mission, spec, *, user, go_live_at): ...


def reviews_ensure(
    reviews: Sequence[ReviewSpec],
    *,
    writer: PageWriting,
    missions: Mapping[str, Mission],
    users: Mapping[str, object],
    report: DemoSeedReport,
) -> None:
    """Each review's page, submitted and decided at its moment; one transaction per review. The notifications
    the replays send to demo accounts stay in memory rather than fill the seed's output (the console backend)."""
    now = timezone.now()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for review in reviews:
            with transaction.atomic():
                _review_ensure(review, writer=writer, mission=missions[review.mission], users=users, now=now, report=report)


def _review_ensure(review: ReviewSpec, *, writer, mission: Mission, users, now: datetime, report) -> None:
    spec = dataclasses.replace(review.page, status="draft")
    if writer.existing(mission, spec, spec.source_language) is not None:
        report.found["reviews"] += 1
        return
    author = users[review.author]
    go_live_at = writer.local_morning(mission, review.go_live_in_days) if review.state == "scheduled" else None
    with time_machine.travel(now - timedelta(hours=review.submitted_hours_ago), tick=False):
        page = writer.create_source(mission, spec, user=author, go_live_at=go_live_at)
        workflow_state = None if review.state == "draft" else workflow_for_page(page=page).start(page, author)
    if review.state in DECIDED_STATES:
        with time_machine.travel(now - timedelta(hours=review.decided_hours_ago), tick=False):
            task_state = workflow_state.current_task_state
            action = "reject" if review.state == "changes_requested" else "approve"
            task_state.task.specific.on_action(task_state, users[review.reviewer], action, comment=review.comment)
    report.created["reviews"] += 1


def api_consumer_ensure(*, missions: Mapping[str, Mission], report: DemoSeedReport) -> tuple[ApiConsumer, DemoApiKey]:
    """The demo's API consumer (the Hanoi embassy's website) and a key for it, issued if it has none."""
    consumer, created = ApiConsumer.objects.get_or_create(
        name=DEMO_CONSUMER,
        defaults={
            "contact_email": "web.hanoi@demo.mfa.example",
            "allowed_origins": "http://127.0.0.1:8000\nhttp://localhost:8000",
        },
    )
    if created:
        consumer.missions.set([missions[DEMO_CONSUMER_MISSION]])
    report.created["API consumers"] += created
    report.found["API consumers"] += not created
    key = consumer.keys.filter(revoked_at__isnull=True).order_by("-created_at").first()
    if key is not None:
        report.found["API keys"] += 1
        return consumer, DemoApiKey(consumer.name, key.key_start(), None)
    issued = api_key_create(consumer=consumer, name="Demo website")
    report.created["API keys"] += 1
    return consumer, DemoApiKey(consumer.name, issued.api_key.key_start(), issued.key)


def webhook_ensure(*, consumer: ApiConsumer, missions: Mapping[str, Mission], report: DemoSeedReport) -> Webhook:
    """A webhook of the demo consumer pointing at a closed port, following every event of its mission."""
    webhook = consumer.webhooks.filter(url=DEMO_WEBHOOK_URL).first()
    if webhook is not None:
        report.found["webhooks"] += 1
        return webhook
    report.created["webhooks"] += 1
    return webhook_create(
        consumer=consumer, url=DEMO_WEBHOOK_URL, events=list(WebhookEvent.values), missions=[missions[DEMO_CONSUMER_MISSION]]
    )


def webhook_deliveries_attempt(*, webhook: Webhook) -> list[WebhookDelivery]:
    """Attempt the webhook's due deliveries once, as the `webhooks_deliver` worker would, so the failures are in
    its delivery log at once. Deliveries the task backend has just attempted are not due again yet."""
    due = webhook.deliveries.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=timezone.now())
    attempted = (delivery_attempt(delivery_id=str(delivery_id)) for delivery_id in due.values_list("delivery_id", flat=True))
    return [delivery for delivery in attempted if delivery is not None]
