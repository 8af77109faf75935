"""The one small interface every platform adapter speaks.

An adapter turns a post the hub has approved into the platform's own HTTP calls and turns the platform's answers
(including its errors) into the exceptions below, so delivery (`social.delivery`) can decide: retry later, ask for a
reconnection, or give up and show the platform's message. Adapters hold no state and never read the database; the
caller passes the decrypted credentials in and stores whatever comes back.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

import requests


@dataclasses.dataclass(frozen=True)
class Credentials:
    """What an adapter needs to act for one connected account (decrypted only for the call)."""

    access_token: str
    account_id: str  # the platform's id of the page/channel/organisation/OA the post goes to
    refresh_token: str = ""
    expires_at: datetime | None = None
    extra: dict = dataclasses.field(default_factory=dict)  # e.g. Telegram chat id, LinkedIn author URN


@dataclasses.dataclass(frozen=True)
class Media:
    """An image or video to attach: the bytes are read by the adapter from `path` (a local file) when uploading."""

    kind: str  # "image" or "video"
    path: str
    mime_type: str
    alt_text: str = ""
    width: int | None = None
    height: int | None = None
    url: str = ""  # the public address of the same file, for platforms that fetch media by URL (Zalo articles)


@dataclasses.dataclass(frozen=True)
class OutgoingPost:
    text: str
    link: str = ""
    media: tuple[Media, ...] = ()
    idempotency_key: str = ""  # the hub's key for this post; sent where the platform takes one


@dataclasses.dataclass(frozen=True)
class PublishedPost:
    platform_id: str
    url: str
    published_at: datetime | None = None


@dataclasses.dataclass(frozen=True)
class TokenSet:
    """A token the platform handed back (authorisation code exchange or refresh)."""

    access_token: str
    refresh_token: str = ""
    expires_at: datetime | None = None
    scopes: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class PostMetrics:
    """Counts as the platform reports them; None where the platform does not report one."""

    impressions: int | None = None
    reach: int | None = None
    engagements: int | None = None
    reactions: int | None = None
    comments: int | None = None
    shares: int | None = None
    clicks: int | None = None
    video_views: int | None = None
    fetched_at: datetime | None = None
    raw: dict = dataclasses.field(default_factory=dict)


class PlatformError(Exception):
    """The platform refused or failed; `message` is the platform's own words, shown to the editor."""

    retryable = False

    def __init__(self, message: str, *, code: str = "", status: int | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


class TokenExpired(PlatformError):
    """The token is expired or revoked: refresh it, or a mission head must reconnect the account."""


class RateLimited(PlatformError):
    """Too many calls: try again after `retry_after` seconds (from the platform's headers where it sends them)."""

    retryable = True

    def __init__(self, message: str, *, retry_after: float = 60.0, **kwargs):
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class DuplicateContent(PlatformError):
    """The platform says this exact post already exists (a retry after a lost answer, or a real duplicate)."""


class MediaRejected(PlatformError):
    """The image or video was refused (size, format, length)."""


class TemporaryFailure(PlatformError):
    """The platform or the network failed in a way worth retrying (5xx, timeout, connection refused)."""

    retryable = True


class PlatformAdapter:
    """One per platform, in `social/platforms/<platform>.py`, registered in `social.platforms.ADAPTERS`."""

    platform: str = ""
    text_limit: int = 0
    image_size: str = "og"  # the named social rendition the platform shows best (embassies.assets.sizes.SOCIAL_SIZES)
    supports_delete: bool = True
    uses_oauth: bool = True  # False: the account is connected with a bot/OA token pasted by a mission head

    def __init__(self, base_url: str | None = None, *, timeout: float = 10.0):
        self.base_url = (base_url or self.default_base_url()).rstrip("/")
        self.timeout = timeout

    def default_base_url(self) -> str:
        raise NotImplementedError

    # --- text ---
    def count(self, text: str) -> int:
        """The length as the platform counts it (X: links are 23, some scripts weigh 2)."""
        return len(text)

    # --- connecting ---
    def authorization_url(self, *, client_id: str, redirect_uri: str, state: str, code_challenge: str = "") -> str:
        raise NotImplementedError

    def exchange_code(self, *, client_id: str, client_secret: str, redirect_uri: str, code: str, code_verifier: str = "") -> TokenSet:
        raise NotImplementedError

    def refresh(self, credentials: Credentials, *, client_id: str, client_secret: str) -> TokenSet:
        raise NotImplementedError

    def account_tokens(self, tokens: TokenSet, *, account_id: str, client_id: str, client_secret: str) -> TokenSet:
        """The tokens that act for `account_id`, from those the authorisation gave; on most platforms the same."""
        return tokens

    # --- posting ---
    def publish(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost:
        raise NotImplementedError

    def find_published(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost | None:
        """After an attempt whose answer was lost (a timeout), look for the post on the platform before posting again.

        The post's link carries the hub's key for it (`utm_id`), so an adapter can search the account's recent
        posts for that link. None: not found, or the platform gives no way to look (then delivery decides).
        """
        return None

    def delete(self, credentials: Credentials, platform_id: str) -> None:
        raise NotImplementedError

    def fetch_metrics(self, credentials: Credentials, platform_id: str) -> PostMetrics:
        raise NotImplementedError


def http_call(method: str, url: str, *, timeout: float, platform: str, **kwargs) -> requests.Response:
    """One HTTP call for an adapter: network failures become TemporaryFailure with a message that names no URL.

    requests' own messages quote the URL (and so any token in its query); this one names only the platform.
    """
    try:
        return requests.request(method, url, timeout=timeout, **kwargs)
    except requests.Timeout:
        raise TemporaryFailure(f"{platform} did not answer in time", code="timeout") from None
    except requests.ConnectionError:
        raise TemporaryFailure(f"could not reach {platform}", code="connection") from None
    except requests.RequestException as error:
        raise TemporaryFailure(f"{platform} call failed ({type(error).__name__})", code="network") from None
