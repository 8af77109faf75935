"""Writes for webhooks: registering them, recording page events as deliveries, and sending those.

A delivery row is written in the publishing transaction (an outbox); sending happens after commit in a
task, and again later for retries, so the editor who published never waits on a consumer's server.
"""

import hashlib
import hmac
import ipaddress
import json
import random
import re
import secrets
import socket
from datetime import timedelta
from urllib.parse import SplitResult, urlsplit

import requests
import requests.adapters
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from api.consumers.models import ApiConsumer
from embassies.presentation.pages import TYPE_NAMES, path_in_mission
from hub.models import Mission

from .models import DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent
from .selectors import deliveries_due

SIGNATURE_HEADER = "X-Hub-Signature"
TIMESTAMP_HEADER = "X-Hub-Timestamp"
USER_AGENT = "EmbassyHub-Webhooks/1"
ERROR_TEXT_LIMIT = 500


def webhook_setting(name: str):
    """One of settings.HUB_WEBHOOKS, e.g. MAX_ATTEMPTS."""
    return settings.HUB_WEBHOOKS[name]


# Registration -----------------------------------------------------------------------------------


# What a webhook address may look like, as a pattern the schema publishes and registration checks: a scheme, a
# host name (ASCII labels and a top-level domain of letters) or an IPv4 address, a port up to 65535, and a path,
# query and fragment of URI characters. No user name or password, no IPv6 literal. Where local addresses are
# allowed (development), http and `localhost` too.
WEBHOOK_URL_MAX_LENGTH = 500
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST_NAME = rf"(?:{_LABEL}\.)+[A-Za-z]{{2,63}}"
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
_IPV4 = rf"{_OCTET}(?:\.{_OCTET}){{3}}"
_PORT = r"(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4}))?"
_URI_CHARACTER = r"(?:[-A-Za-z0-9._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})"
_RESOURCE = rf"(?:/{_URI_CHARACTER}*)?(?:\?(?:{_URI_CHARACTER}|\?)*)?(?:#(?:{_URI_CHARACTER}|\?)*)?"


def webhook_url_pattern() -> str:
    """The regular expression every webhook address matches (the same in Python and ECMAScript)."""
    if webhook_setting("ALLOW_LOCAL_ADDRESSES"):
        return rf"^https?://(?:{_HOST_NAME}|{_IPV4}|localhost){_PORT}{_RESOURCE}$"
    return rf"^https://(?:{_HOST_NAME}|{_IPV4}){_PORT}{_RESOURCE}$"


def webhook_url_rules() -> str:
    """The address rules in words, for the schema and the admin form."""
    local = webhook_setting("ALLOW_LOCAL_ADDRESSES")
    rules = [
        "http or https (this server allows local addresses)" if local else "https only",
        "a host name (at most 253 characters) or an IPv4 address, no IPv6 literal" + (", or localhost" if local else ""),
        "no user name or password",
        f"at most {WEBHOOK_URL_MAX_LENGTH} characters",
    ]
    if not local:
        rules.append("the host must resolve to public addresses only (no private, loopback or link-local ones)")
    return "The address that receives a POST per event: " + "; ".join(rules) + "."


def webhook_url_refusal(url: str) -> str | None:
    """Why the hub will not POST to `url`, or None. Production sends only over HTTPS to public
    addresses, so a webhook cannot be used to reach the hub's own network. In development (local addresses
    allowed) the host is not looked up until a delivery is sent."""
    if webhook_setting("ALLOW_LOCAL_ADDRESSES"):
        return _shape_refusal(urlsplit(url), url)
    return webhook_target(url)[0]


def _shape_refusal(parts: SplitResult, url: str) -> str | None:
    if parts.scheme != "https" and not (webhook_setting("ALLOW_LOCAL_ADDRESSES") and parts.scheme == "http"):
        return "Webhook addresses must use https."
    if not parts.hostname:
        return "The webhook address has no host."
    if parts.username is not None or parts.password is not None:
        return "The webhook address must not hold a user name or password."
    try:
        parts.port  # noqa: B018 — raises for a port out of range
    except ValueError:
        return "The webhook address has an invalid port."
    if len(url) > WEBHOOK_URL_MAX_LENGTH or not re.fullmatch(webhook_url_pattern(), url):
        return (
            "The webhook address must be scheme://host[:port][/path][?query][#fragment], with a host name or an IPv4 "
            f"address, URI characters only and at most {WEBHOOK_URL_MAX_LENGTH} characters (the schema's `url` pattern)."
        )
    return None


def webhook_target(url: str) -> tuple[str | None, str | None]:
    """(why the hub will not POST to `url`, or None; the address it will connect to when it does).

    The address is the one checked here: the POST connects to it rather than resolving the host again, so a
    name that answers with a public address for the check and an inside one for the connection (DNS
    rebinding) still cannot lead the hub into its own network."""
    parts = urlsplit(url)
    if refusal := _shape_refusal(parts, url):
        return refusal, None
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        found = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
        addresses = list(dict.fromkeys(info[4][0] for info in found))  # the system's order of preference
    except (socket.gaierror, UnicodeError):
        return f"The host {parts.hostname} could not be resolved.", None
    public = all(_is_public_address(address) for address in addresses)
    if not addresses or not (webhook_setting("ALLOW_LOCAL_ADDRESSES") or public):
        return f"The host {parts.hostname} is not a public address.", None
    return None, addresses[0]


class _PinnedAddressAdapter(requests.adapters.HTTPAdapter):
    """Connects to an address already checked, keeping the URL's host for the Host header, TLS's server name
    (SNI) and the certificate's name check."""

    def __init__(self, address: str):
        self.address = address
        super().__init__(max_retries=0)

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, verify, cert)
        if host_params["scheme"] == "https":
            pool_kwargs["server_hostname"] = host_params["host"]
            pool_kwargs["assert_hostname"] = host_params["host"]
        host_params["host"] = self.address
        return host_params, pool_kwargs


# IPv6 ranges that embed an IPv4 address (NAT64, 6to4): "global" to ipaddress, yet they can lead back inside.
IPV4_EMBEDDING_NETWORKS = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("2002::/16"))


def _is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and any(ip in network for network in IPV4_EMBEDDING_NETWORKS):
        return False
    return ip.is_global


def webhook_validate(*, consumer: ApiConsumer, url: str, events: list[str], missions: list[Mission]) -> None:
    """Raise ValidationError unless the events are known and the missions lie within the consumer's scope."""
    errors = {}
    known = set(WebhookEvent.values)
    if not events or not set(events) <= known:
        errors["events"] = [f"Choose one or more of: {', '.join(WebhookEvent.values)}."]
    if not missions:
        errors["missions"] = ["Choose at least one mission."]
    else:
        in_scope = set(consumer.missions.values_list("pk", flat=True))
        outside = sorted(mission.slug for mission in missions if mission.pk not in in_scope)
        if outside:
            errors["missions"] = [f"Outside the consumer's missions: {', '.join(outside)}."]
    if url and (refusal := webhook_url_refusal(url)):
        errors["url"] = [refusal]
    if errors:
        raise ValidationError(errors)


def webhook_secret_new() -> str:
    return f"whsec_{secrets.token_urlsafe(32)}"


def webhook_create(
    *, consumer: ApiConsumer, url: str, events: list[str], missions: list[Mission], is_active: bool = True
) -> Webhook:
    """Register a webhook with a fresh signing secret (shown to the consumer once, by the caller)."""
    webhook_validate(consumer=consumer, url=url, events=events, missions=missions)
    events = [event for event in WebhookEvent.values if event in events]
    with transaction.atomic():
        webhook = Webhook.objects.create(
            consumer=consumer, url=url, events=events, secret=webhook_secret_new(), is_active=is_active
        )
        webhook.missions.set(missions)
    return webhook


# Events -----------------------------------------------------------------------------------------


def _api_detail_url(page_id: int) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("page-detail", kwargs={"pk": page_id})


def page_event_fields(*, page: Page, event: str, mission_id: int) -> dict:
    """What a consumer may learn about a changed page: only what was public anyway, never draft content."""
    fields = {
        "id": page.pk,
        "type": TYPE_NAMES.get(page.specific_class, "page"),
        "mission": Mission.objects.filter(pk=mission_id).values_list("slug", flat=True).first(),
        "locale": page.locale.language_code,
        "path": path_in_mission(page),
        "url": page.get_full_url(),
    }
    if event == WebhookEvent.PUBLISH:
        fields.update(
            title=page.title,
            last_published_at=page.last_published_at.isoformat() if page.last_published_at else None,
            detail_url=_api_detail_url(page.pk),
        )
    return fields


def deliveries_record(*, page: Page, event: str, mission_id: int, webhooks: list[Webhook]) -> list[WebhookDelivery]:
    """Queue the event for each webhook in the caller's transaction (an outbox); the caller starts sending on
    commit (api.webhooks.tasks.deliveries_enqueue), so a change that is rolled back sends nothing."""
    now = timezone.now()
    fields = page_event_fields(page=page, event=event, mission_id=mission_id)
    deliveries = []
    for webhook in webhooks:
        delivery = WebhookDelivery(webhook=webhook, event=event, page_id=page.pk, next_attempt_at=now)
        delivery.payload = {"id": str(delivery.delivery_id), "event": event, "occurred_at": now.isoformat(), "page": fields}
        deliveries.append(delivery)
    WebhookDelivery.objects.bulk_create(deliveries)
    return deliveries


def deliveries_withdraw(*, page_id: int, event: str) -> None:
    """Drop deliveries of an event not yet attempted, when a later change in the same transaction supersedes it."""
    WebhookDelivery.objects.filter(page_id=page_id, event=event, status=DeliveryStatus.PENDING, attempts=0).delete()


# Sending ----------------------------------------------------------------------------------------


def webhook_signature(*, secret: str, timestamp: str, body: bytes) -> str:
    """`sha256=<hex>` of HMAC-SHA256 over "<timestamp>.<body>" with the webhook's secret."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def delivery_retry_delay(*, attempts: int, rng: random.Random | None = None) -> timedelta:
    """Wait before the next attempt: doubling from RETRY_BASE_SECONDS up to RETRY_MAX_SECONDS, ±20% jitter
    so that deliveries failing together do not all come back at the same second."""
    base = webhook_setting("RETRY_BASE_SECONDS") * 2 ** max(attempts - 1, 0)
    capped = min(base, webhook_setting("RETRY_MAX_SECONDS"))
    return timedelta(seconds=capped * (rng or random).uniform(0.8, 1.2))


def _claim(*, delivery_id: str) -> WebhookDelivery | None:
    """Take a due delivery for one attempt; a concurrent worker or task finds it taken and moves on."""
    now = timezone.now()
    lease = timedelta(seconds=webhook_setting("TIMEOUT_SECONDS") * 2 + 30)
    claimed = WebhookDelivery.objects.filter(
        delivery_id=delivery_id, status=DeliveryStatus.PENDING, next_attempt_at__lte=now
    ).update(next_attempt_at=now + lease)
    if not claimed:
        return None
    return WebhookDelivery.objects.select_related("webhook__consumer").get(delivery_id=delivery_id)


def _post(*, webhook: Webhook, delivery: WebhookDelivery) -> tuple[int | None, str]:
    """POST the signed payload once: (status code or None, error text or '')."""
    refusal, address = webhook_target(webhook.url)
    if refusal:
        return None, refusal
    body = json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False).encode()
    timestamp = str(int(timezone.now().timestamp()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Hub-Event": delivery.event,
        "X-Hub-Delivery": str(delivery.delivery_id),
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: webhook_signature(secret=webhook.secret, timestamp=timestamp, body=body),
    }
    parts = urlsplit(webhook.url)
    headers["Host"] = parts.netloc.rpartition("@")[2]  # the connection goes to `address`
    timeout = webhook_setting("TIMEOUT_SECONDS")
    try:
        with requests.Session() as session:
            session.mount(f"{parts.scheme}://", _PinnedAddressAdapter(address))
            response = session.post(
                webhook.url, data=body, headers=headers, timeout=(timeout, timeout), allow_redirects=False, stream=True
            )
            with response:
                if 200 <= response.status_code < 300:
                    return response.status_code, ""
                excerpt = next(response.iter_content(ERROR_TEXT_LIMIT), b"").decode(errors="replace")
                return response.status_code, f"HTTP {response.status_code}: {excerpt}".strip()
    except requests.RequestException as error:
        return None, f"{type(error).__name__}: {error}"[:ERROR_TEXT_LIMIT]


def delivery_attempt(*, delivery_id: str) -> WebhookDelivery | None:
    """Send a due delivery once and log the outcome; schedule a retry with backoff, or give up after
    MAX_ATTEMPTS. Returns None when the delivery was not due (already sent, or taken by another worker)."""
    delivery = _claim(delivery_id=delivery_id)
    if delivery is None:
        return None
    webhook = delivery.webhook
    if webhook.is_active and webhook.consumer.is_active:
        status_code, error = _post(webhook=webhook, delivery=delivery)
    else:
        status_code, error = None, "The webhook or its consumer was switched off."
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.last_status_code = status_code
    delivery.last_error = error
    if not error:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = DeliveryStatus.SUCCEEDED, now, None
    elif delivery.attempts >= webhook_setting("MAX_ATTEMPTS") or not (webhook.is_active and webhook.consumer.is_active):
        delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
    else:
        delivery.next_attempt_at = now + delivery_retry_delay(attempts=delivery.attempts)
    delivery.save(
        update_fields=[
            "attempts", "last_attempt_at", "last_status_code", "last_error", "status", "delivered_at", "next_attempt_at",
        ]
    )
    return delivery


def deliveries_send_due(*, limit: int = 100) -> list[WebhookDelivery]:
    """Attempt every due delivery (for the `webhooks_deliver` worker); returns those attempted."""
    attempted = []
    for delivery_id in list(deliveries_due(limit=limit).values_list("delivery_id", flat=True)):
        if (delivery := delivery_attempt(delivery_id=str(delivery_id))) is not None:
            attempted.append(delivery)
    return attempted
