"""What a demo seed run reports: the accounts to print, the API key shown once, and what was created or found."""

from collections import Counter
from dataclasses import dataclass, field

from api.webhooks.models import Webhook, WebhookDelivery


@dataclass(frozen=True)
class DemoApiKey:
    """The demo consumer's key: the plain key only in the run that created it (only its digest is stored)."""

    consumer: str
    key_start: str
    key: str | None


@dataclass(frozen=True)
class DemoAccount:
    """A demo login to print; an account that already existed (`created` False) keeps whatever password it has."""

    username: str
    password: str
    role: str
    created: bool


@dataclass
class DemoSeedReport:
    """What a seed run created and what it found already in place, by kind of thing."""

    created: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    accounts: list[DemoAccount] = field(default_factory=list)
    api_key: DemoApiKey | None = None
    webhook: Webhook | None = None
    deliveries_attempted: list[WebhookDelivery] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(+self.created)
