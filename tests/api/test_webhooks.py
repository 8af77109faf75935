"""Webhooks: signed deliveries to a real HTTP receiver on 127.0.0.1, retries with backoff, the delivery
log in the admin, and publishing that never waits on a consumer's server."""

import hashlib
import hmac
import json
import random
import socket
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from django.core.management import call_command
from django.db.models.signals import pre_delete
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, PageViewRestriction
from wagtail.signal_handlers import pre_delete_page_unpublish
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from api import factories
from api.webhooks import services as webhook_services
from api.webhooks.models import DeliveryStatus, WebhookDelivery
from api.webhooks.services import delivery_retry_delay, webhook_url_refusal
from api.webhooks.signal_handlers import page_deleted
from embassies import factories as content

DELIVERIES_URL = "/admin/snippets/api/webhookdelivery/"
WEBHOOKS_ADMIN_URL = "/admin/snippets/api/webhook/"


class Receiver:
    """A consumer's endpoint: records each request and answers with the next scripted status (then 200)."""

    def __init__(self, statuses=()):
        self.statuses = list(statuses)
        self.requests = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"headers": dict(self.headers), "body": body})
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.end_headers()
                self.wfile.write(b"ok" if status == 200 else b"receiver is having a bad day")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/hub"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    with Receiver() as running:
        yield running


@pytest.fixture
def flaky_receiver():
    with Receiver(statuses=[500]) as running:
        yield running


@pytest.fixture
def closed_port_url():
    """An address on this machine where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/hooks/hub"


@pytest.fixture
def hanoi_site(hanoi):
    return factories.consumer("Hanoi site", missions=[hanoi])


def signature_is_valid(*, secret: str, headers: dict, body: bytes, tolerance_seconds: int = 300) -> bool:
    """What a consumer runs (docs/api-consumers.md), written independently of the hub's signing code."""
    timestamp = headers["X-Hub-Timestamp"]
    expected = "sha256=" + hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    fresh = abs(timezone.now().timestamp() - int(timestamp)) <= tolerance_seconds
    return fresh and hmac.compare_digest(expected, headers["X-Hub-Signature"])


def _publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


# Delivering ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_publishing_posts_a_signed_public_payload(hanoi, hanoi_site, receiver, django_capture_on_commit_callbacks):
    webhook = factories.webhook(hanoi_site, url=receiver.url, missions=[hanoi])
    article = content.article(content.section(hanoi), title="Visa hours", live=False)

    _publish(article, django_capture_on_commit_callbacks)

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert signature_is_valid(secret=webhook.secret, headers=request["headers"], body=request["body"])
    assert not signature_is_valid(secret=webhook.secret, headers=request["headers"], body=request["body"] + b" ")
    assert not signature_is_valid(secret="whsec_wrong", headers=request["headers"], body=request["body"])
    payload = json.loads(request["body"])
    delivery = WebhookDelivery.objects.get(webhook=webhook)
    assert request["headers"]["X-Hub-Event"] == "publish"
    assert request["headers"]["X-Hub-Delivery"] == payload["id"] == str(delivery.delivery_id)
    assert payload["event"] == "publish"
    assert payload["page"]["id"] == article.pk
    assert payload["page"]["mission"] == "hanoi" and payload["page"]["locale"] == "vi"
    assert payload["page"]["title"] == "Visa hours"
    assert payload["page"]["detail_url"] == f"http://testserver/api/v1/pages/{article.pk}/"
    assert "body" not in payload["page"] and "summary" not in payload["page"]
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.SUCCEEDED, 1, 200)


@pytest.mark.django_db
def test_unpublish_and_delete_carry_only_the_pages_address(hanoi, hanoi_site, receiver, django_capture_on_commit_callbacks):
    factories.webhook(hanoi_site, url=receiver.url, missions=[hanoi], events=["unpublish", "delete"])
    article = content.article(content.section(hanoi), title="Old notice")
    article.title = "Unapproved draft title"
    article.save_revision()

    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()  # not followed: no delivery
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()

    payloads = [json.loads(request["body"]) for request in receiver.requests]
    assert [payload["event"] for payload in payloads] == ["unpublish", "delete"]
    for payload in payloads:
        assert set(payload["page"]) == {"id", "type", "mission", "locale", "path", "url"}
        assert payload["page"]["id"] == article.pk and payload["page"]["mission"] == "hanoi"
        assert "Unapproved" not in json.dumps(payload)


@pytest.fixture
def wagtail_unpublishes_before_hub_sees_the_delete():
    """Reverse the order of the two pre_delete handlers for pages (Wagtail's unpublish, then the hub's)."""
    pre_delete.disconnect(page_deleted, sender=Page)
    pre_delete.connect(page_deleted, sender=Page)
    yield
    pre_delete.disconnect(page_deleted, sender=Page)
    pre_delete.disconnect(pre_delete_page_unpublish, sender=Page)
    pre_delete.connect(page_deleted, sender=Page)
    pre_delete.connect(pre_delete_page_unpublish, sender=Page)


@pytest.mark.django_db
def test_deleting_sends_only_delete_whichever_handler_runs_first(
    hanoi, hanoi_site, receiver, django_capture_on_commit_callbacks, wagtail_unpublishes_before_hub_sees_the_delete
):
    factories.webhook(hanoi_site, url=receiver.url, missions=[hanoi])
    article = content.article(content.section(hanoi), title="Short-lived")

    with django_capture_on_commit_callbacks(execute=True):
        article.delete()

    assert [json.loads(request["body"])["event"] for request in receiver.requests] == ["delete"]


@pytest.mark.django_db
def test_deleting_a_section_tells_about_each_live_page_once(hanoi, hanoi_site, receiver, django_capture_on_commit_callbacks):
    factories.webhook(hanoi_site, url=receiver.url, missions=[hanoi], events=["delete"])
    section = content.section(hanoi, slug="events")
    first = content.article(section, title="Reception")
    second = content.article(section, title="Concert")
    content.article(section, title="Never published", live=False)

    with django_capture_on_commit_callbacks(execute=True):
        section.delete()

    deleted = sorted(json.loads(request["body"])["page"]["id"] for request in receiver.requests)
    assert deleted == sorted([section.pk, first.pk, second.pk])


@pytest.mark.django_db
def test_webhooks_follow_only_their_missions_events_and_public_pages(hanoi, paris, receiver, django_capture_on_commit_callbacks):
    both = factories.consumer("Regional tool", missions=[hanoi, paris])
    factories.webhook(both, url=receiver.url, missions=[hanoi], events=["publish"])
    paris_article = content.article(content.section(paris), title="Paris news", live=False)
    hanoi_article = content.article(content.section(hanoi), title="Hanoi news", live=False)
    restricted = content.article(content.section(hanoi), title="Staff only", live=False)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)

    for page in (paris_article, restricted, hanoi_article):
        _publish(page, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        hanoi_article.unpublish()

    assert [json.loads(request["body"])["page"]["title"] for request in receiver.requests] == ["Hanoi news"]


@pytest.mark.django_db
def test_a_mission_dropped_from_the_consumers_scope_stops_its_webhooks(hanoi, hanoi_site, receiver, django_capture_on_commit_callbacks):
    factories.webhook(hanoi_site, url=receiver.url, missions=[hanoi])
    hanoi_site.missions.clear()

    _publish(content.article(content.section(hanoi), title="Quiet news", live=False), django_capture_on_commit_callbacks)

    assert receiver.requests == [] and not WebhookDelivery.objects.exists()


# Retries ----------------------------------------------------------------------------------------


def test_retry_delay_doubles_with_jitter_up_to_a_cap(settings):
    settings.HUB_WEBHOOKS = {**settings.HUB_WEBHOOKS, "RETRY_BASE_SECONDS": 60, "RETRY_MAX_SECONDS": 3600}
    rng = random.Random(7)

    delays = [delivery_retry_delay(attempts=attempt, rng=rng).total_seconds() for attempt in range(1, 10)]

    for attempt, delay in enumerate(delays, start=1):
        nominal = min(60 * 2 ** (attempt - 1), 3600)
        assert 0.8 * nominal <= delay <= 1.2 * nominal
    assert len({round(delay) for delay in delays[-3:]}) == 3  # capped, yet not in lockstep


@pytest.mark.django_db
def test_a_failed_delivery_is_retried_later_and_then_succeeds(hanoi, hanoi_site, flaky_receiver, django_capture_on_commit_callbacks):
    webhook = factories.webhook(hanoi_site, url=flaky_receiver.url, missions=[hanoi])
    before = timezone.now()

    _publish(content.article(content.section(hanoi), title="Retried", live=False), django_capture_on_commit_callbacks)

    delivery = WebhookDelivery.objects.get(webhook=webhook)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.PENDING, 1, 500)
    assert "bad day" in delivery.last_error
    assert before + timedelta(seconds=48) <= delivery.next_attempt_at <= timezone.now() + timedelta(seconds=72)
    call_command("webhooks_deliver")
    delivery.refresh_from_db()
    assert delivery.attempts == 1  # not due yet

    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    call_command("webhooks_deliver")

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code, delivery.last_error) == (
        DeliveryStatus.SUCCEEDED, 2, 200, ""
    )
    first, second = flaky_receiver.requests
    assert first["headers"]["X-Hub-Delivery"] == second["headers"]["X-Hub-Delivery"]
    assert first["body"] == second["body"]
    assert signature_is_valid(secret=webhook.secret, headers=second["headers"], body=second["body"])


@pytest.mark.django_db
def test_a_receiver_that_stays_down_is_given_up_after_the_last_attempt(
    settings, hanoi, hanoi_site, closed_port_url, django_capture_on_commit_callbacks
):
    settings.HUB_WEBHOOKS = {**settings.HUB_WEBHOOKS, "MAX_ATTEMPTS": 3}
    webhook = factories.webhook(hanoi_site, url=closed_port_url, missions=[hanoi])
    _publish(content.article(content.section(hanoi), title="Lost", live=False), django_capture_on_commit_callbacks)
    gaps = []

    for _ in range(2):
        delivery = WebhookDelivery.objects.get(webhook=webhook)
        gaps.append((delivery.next_attempt_at - delivery.last_attempt_at).total_seconds())
        WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
        call_command("webhooks_deliver")

    delivery = WebhookDelivery.objects.get(webhook=webhook)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.FAILED, 3, None)
    assert delivery.next_attempt_at is None
    assert "ConnectionError" in delivery.last_error
    assert 48 <= gaps[0] <= 72 and 96 <= gaps[1] <= 144


@pytest.mark.django_db
def test_publishing_in_the_admin_does_not_wait_for_the_receiver(
    client, settings, staff, hanoi, hanoi_site, receiver, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # as in production
    factories.webhook(hanoi_site, url=receiver.url, missions=[hanoi])
    article = content.article(content.section(hanoi), title="Press release", live=False)
    client.force_login(staff["hq_admin"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/{article.pk}/edit/",
            nested_form_data(
                {
                    "title": article.title, "slug": article.slug, "kind": "news", "summary": "Standfirst.",
                    "body": streamfield([]), "comments": inline_formset([]), "action-publish": "action-publish",
                }
            ),
        )

    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.live
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 0)
    assert DBTaskResult.objects.filter(status="READY").exists()  # queued for the worker
    call_command("webhooks_deliver")  # a worker sends it
    assert len(receiver.requests) == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED


@pytest.mark.django_db
def test_a_switched_off_webhook_is_not_sent_to(hanoi, hanoi_site, receiver, django_capture_on_commit_callbacks):
    webhook = factories.webhook(hanoi_site, url=receiver.url, missions=[hanoi])
    webhook.is_active = False
    webhook.save()

    _publish(content.article(content.section(hanoi), title="Quiet", live=False), django_capture_on_commit_callbacks)

    assert receiver.requests == [] and not WebhookDelivery.objects.exists()


# Addresses --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["http://203.0.113.10/hook", "https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://169.254.169.254/latest",
     "https://[::1]/hook", "ftp://203.0.113.10/hook", "https://[64:ff9b::a00:1]/hook", "https://[2002:7f00:1::1]/hook",
     "https://example.org:99999/hook"],
)
def test_production_refuses_plain_http_and_local_addresses(settings, url):
    settings.HUB_WEBHOOKS = {**settings.HUB_WEBHOOKS, "ALLOW_LOCAL_ADDRESSES": False}

    assert webhook_url_refusal(url) is not None


def test_production_accepts_https_to_a_public_address(settings):
    settings.HUB_WEBHOOKS = {**settings.HUB_WEBHOOKS, "ALLOW_LOCAL_ADDRESSES": False}

    assert webhook_url_refusal("https://8.8.8.8/hook") is None  # an IP literal: resolving needs no network


@pytest.mark.django_db
def test_the_post_goes_to_the_address_that_was_checked(
    hanoi, hanoi_site, receiver, monkeypatch, django_capture_on_commit_callbacks
):
    """DNS rebinding: the name answers with an address that passes the check, and right after the check with
    another (here: none at all). The POST must go to the checked address, not look the name up again."""
    port = receiver.server.server_port
    dns = {"rebound": False}
    real_getaddrinfo, real_target = socket.getaddrinfo, webhook_services.webhook_target

    def attackers_resolver(host, *args, **kwargs):
        if host != "hooks.embassy-site.test":
            return real_getaddrinfo(host, *args, **kwargs)
        if dns["rebound"]:
            raise socket.gaierror(socket.EAI_NONAME, "the name now points elsewhere")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    def check_then_rebind(url):
        checked = real_target(url)
        dns["rebound"] = True
        return checked

    monkeypatch.setattr(socket, "getaddrinfo", attackers_resolver)
    factories.webhook(hanoi_site, url=f"http://hooks.embassy-site.test:{port}/hooks/hub", missions=[hanoi])
    dns["rebound"] = False
    monkeypatch.setattr(webhook_services, "webhook_target", check_then_rebind)
    _publish(content.article(content.section(hanoi), title="Pinned", live=False), django_capture_on_commit_callbacks)

    assert len(receiver.requests) == 1
    assert receiver.requests[0]["headers"]["Host"] == f"hooks.embassy-site.test:{port}"
    assert WebhookDelivery.objects.get().status == DeliveryStatus.SUCCEEDED


def test_https_to_a_checked_address_still_names_the_host_for_tls():
    """Connecting to the checked address must not weaken TLS: the server name (SNI) and the certificate check
    stay the URL's host."""
    adapter = webhook_services._PinnedAddressAdapter("93.184.215.14")
    request = requests.Request("POST", "https://hooks.embassy-site.example/hub").prepare()
    host_params, pool_kwargs = adapter.build_connection_pool_key_attributes(request, verify=True)

    assert host_params["scheme"] == "https" and host_params["host"] == "93.184.215.14"
    assert pool_kwargs["server_hostname"] == pool_kwargs["assert_hostname"] == "hooks.embassy-site.example"
    assert pool_kwargs["cert_reqs"] == "CERT_REQUIRED"


# Admin ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_registering_a_webhook_in_the_admin_shows_its_secret_once(client, staff, hanoi, paris, hanoi_site, receiver):
    client.force_login(staff["hq_admin"])
    form = {"consumer": hanoi_site.pk, "url": receiver.url, "events": ["publish", "delete"], "is_active": "on"}

    outside = client.post(f"{WEBHOOKS_ADMIN_URL}add/", {**form, "missions": [paris.pk]})
    response = client.post(f"{WEBHOOKS_ADMIN_URL}add/", {**form, "missions": [hanoi.pk]})

    assert outside.status_code == 200 and "missions" in outside.context["form"].errors
    assert response.status_code == 200, response.content.decode()[:2000]
    webhook = hanoi_site.webhooks.get()
    assert webhook.events == ["publish", "delete"]
    assert webhook.secret in response.content.decode()
    assert webhook.secret not in client.get(f"{WEBHOOKS_ADMIN_URL}edit/{webhook.pk}/").content.decode()
    assert webhook.secret not in client.get(WEBHOOKS_ADMIN_URL).content.decode()


@pytest.mark.django_db
def test_the_delivery_log_is_visible_to_hq_administrators_and_read_only(
    client, staff, hanoi, hanoi_site, flaky_receiver, receiver, django_capture_on_commit_callbacks
):
    failing = factories.webhook(hanoi_site, url=flaky_receiver.url, missions=[hanoi])
    factories.webhook(hanoi_site, url=receiver.url, missions=[hanoi])
    _publish(content.article(content.section(hanoi), title="Logged", live=False), django_capture_on_commit_callbacks)
    pending = WebhookDelivery.objects.get(webhook=failing)
    client.force_login(staff["hq_admin"])

    listing = client.get(DELIVERIES_URL)
    only_pending = client.get(DELIVERIES_URL, {"status": "pending"})
    inspect = client.get(f"{DELIVERIES_URL}inspect/{pending.pk}/")

    assert listing.status_code == 200
    assert "Pending" in listing.content.decode() and "Succeeded" in listing.content.decode()
    assert [delivery.pk for delivery in only_pending.context["object_list"]] == [pending.pk]
    assert inspect.status_code == 200
    assert "500" in inspect.content.decode() and "bad day" in inspect.content.decode()
    for url in (f"{DELIVERIES_URL}add/", f"{DELIVERIES_URL}edit/{pending.pk}/", f"{DELIVERIES_URL}delete/{pending.pk}/"):
        assert client.get(url).status_code in (302, 403), url
    editor = client.__class__()
    editor.force_login(staff["hanoi_editor"])
    assert editor.get(DELIVERIES_URL).status_code in (302, 403)
