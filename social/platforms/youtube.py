"""YouTube Data API v3: videos only (resumable videos.insert), delete, statistics, the channel's recent uploads.

Docs: https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol,
https://developers.google.com/youtube/v3/docs/videos/insert, https://developers.google.com/youtube/v3/docs/videos/delete,
https://developers.google.com/youtube/v3/docs/videos/list, https://developers.google.com/youtube/v3/docs/playlistItems/list,
https://developers.google.com/youtube/v3/docs/errors, https://developers.google.com/youtube/v3/determine_quota_cost,
https://developers.google.com/identity/protocols/oauth2/web-server
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from .base import (
    AccountIdentity,
    Credentials,
    DuplicateContent,
    MediaRejected,
    OutgoingPost,
    PlatformAdapter,
    PlatformError,
    PostMetrics,
    PublishedPost,
    RateLimited,
    TemporaryFailure,
    TokenExpired,
    TokenSet,
    http_call,
)

SCOPES = ("https://www.googleapis.com/auth/youtube.upload", "https://www.googleapis.com/auth/youtube.readonly",
          "https://www.googleapis.com/auth/youtube.force-ssl")
TITLE_LIMIT = 100
DESCRIPTION_BYTES = 5000
QUOTA_ZONE = ZoneInfo("America/Los_Angeles")  # the daily quota resets at midnight Pacific Time
RATE_REASONS = {"rateLimitExceeded", "userRateLimitExceeded"}
MEDIA_REASONS = {"invalidVideoMetadata", "mediaBodyRequired", "uploadLimitExceeded", "invalidTitle", "invalidDescription",
                 "defaultLanguageNotSet", "invalidCategoryId"}


def seconds_to_quota_reset(now: datetime | None = None) -> float:
    now = (now or datetime.now(timezone.utc)).astimezone(QUOTA_ZONE)
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), QUOTA_ZONE)
    return (midnight - now).total_seconds()


class YouTubeAdapter(PlatformAdapter):
    platform = "youtube"
    text_limit = DESCRIPTION_BYTES
    image_size = "og"

    def __init__(self, base_url: str | None = None, *, timeout: float = 10.0):
        super().__init__(base_url, timeout=timeout)
        # Google's consent page, token endpoint and upload host differ from the API host; a fake serves all of them.
        self.accounts_base = self.base_url if base_url else "https://accounts.google.com"
        self.token_url = f"{self.base_url}/token" if base_url else "https://oauth2.googleapis.com/token"

    def default_base_url(self) -> str:
        return "https://www.googleapis.com"

    def count(self, text: str) -> int:
        """The description's limit is 5,000 bytes (UTF-8), not characters."""
        return len(text.encode())

    # --- connecting ---
    def authorization_url(self, *, client_id: str, redirect_uri: str, state: str, code_challenge: str = "") -> str:
        params = {"client_id": client_id, "redirect_uri": redirect_uri, "response_type": "code", "state": state,
                  "scope": " ".join(SCOPES), "access_type": "offline", "prompt": "consent", "include_granted_scopes": "true"}
        if code_challenge:
            params |= {"code_challenge": code_challenge, "code_challenge_method": "S256"}
        return f"{self.accounts_base}/o/oauth2/v2/auth?{urlencode(params)}"

    def _token(self, form: dict, refresh_token: str = "") -> TokenSet:
        response = http_call("POST", self.token_url, timeout=self.timeout, platform="YouTube", data=form)
        body = self._checked(response)
        return TokenSet(access_token=body["access_token"], refresh_token=body.get("refresh_token", refresh_token),
                        expires_at=datetime.now(timezone.utc) + timedelta(seconds=int(body.get("expires_in", 3599))),
                        scopes=tuple((body.get("scope") or "").split()))

    def exchange_code(self, *, client_id: str, client_secret: str, redirect_uri: str, code: str, code_verifier: str = "") -> TokenSet:
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                "client_id": client_id, "client_secret": client_secret}
        if code_verifier:
            form["code_verifier"] = code_verifier
        return self._token(form)

    def refresh(self, credentials: Credentials, *, client_id: str, client_secret: str) -> TokenSet:
        """Google keeps the refresh token (it answers without one), so the old one is handed back."""
        return self._token({"grant_type": "refresh_token", "refresh_token": credentials.refresh_token,
                            "client_id": client_id, "client_secret": client_secret}, credentials.refresh_token)

    # --- posting ---
    def whoami(self, credentials: Credentials) -> AccountIdentity:
        """GET /youtube/v3/channels?part=snippet&mine=true: the channel the token uploads to."""
        items = self._checked(self._call("GET", "/youtube/v3/channels", credentials,
                                         params={"part": "snippet", "mine": "true"})).get("items") or []
        if not items:
            raise PlatformError("This Google account has no YouTube channel", code="channelNotFound")
        return AccountIdentity(account_id=items[0]["id"], name=(items[0].get("snippet") or {}).get("title", ""))

    def publish(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost:
        videos = [m for m in post.media if m.kind == "video"]
        if not videos:
            raise MediaRejected("YouTube takes videos only: attach a video from the asset library, or choose another "
                                "account (YouTube community posts have no API)", code="video_required")
        title, _, rest = post.text.partition("\n")
        description = "\n".join(part for part in (rest.strip(), post.link) if part)
        if len(title) > TITLE_LIMIT or "<" in title or ">" in title:
            raise PlatformError(f"the first line is the video's title: at most {TITLE_LIMIT} characters, without < or >",
                                code="title")
        if self.count(description) > DESCRIPTION_BYTES:
            raise PlatformError(f"the description is {self.count(description)} bytes; YouTube's limit is {DESCRIPTION_BYTES}",
                                code="too_long")
        video = videos[0]
        metadata = {"snippet": {"title": title or "Video", "description": description, "categoryId": "25"},  # News & Politics
                    "status": {"privacyStatus": "public", "selfDeclaredMadeForKids": False}}
        session = self._call("POST", "/upload/youtube/v3/videos", credentials,
                             params={"uploadType": "resumable", "part": "snippet,status"}, json=metadata,
                             headers={"X-Upload-Content-Type": video.mime_type,
                                      "X-Upload-Content-Length": str(os.path.getsize(video.path))})
        self._checked(session, media=True)
        location = session.headers.get("location")
        if not location:
            raise TemporaryFailure("YouTube opened no upload session", code="no_session")
        with open(video.path, "rb") as source:
            uploaded = http_call("PUT", location, timeout=self.timeout, platform="YouTube", data=source.read(),
                                 headers={"Authorization": f"Bearer {credentials.access_token}", "Content-Type": video.mime_type})
        body = self._checked(uploaded, media=True)
        return PublishedPost(platform_id=body["id"], url=f"https://www.youtube.com/watch?v={body['id']}",
                             published_at=datetime.now(timezone.utc))

    def find_published(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost | None:
        """Looks through the channel's uploads playlist (1 quota unit a page; search.list costs 100)."""
        if not post.idempotency_key:
            return None
        channel = self._checked(self._call("GET", "/youtube/v3/channels", credentials,
                                           params={"part": "contentDetails", "mine": "true"}))
        items = channel.get("items") or []
        if not items:
            return None
        playlist = items[0]["contentDetails"]["relatedPlaylists"]["uploads"]
        uploads = self._checked(self._call("GET", "/youtube/v3/playlistItems", credentials,
                                           params={"part": "snippet", "playlistId": playlist, "maxResults": "25"}))
        for item in uploads.get("items", []):
            snippet = item.get("snippet") or {}
            if f"utm_id={post.idempotency_key}" in snippet.get("description", ""):
                video_id = snippet["resourceId"]["videoId"]
                published = snippet.get("publishedAt")
                return PublishedPost(platform_id=video_id, url=f"https://www.youtube.com/watch?v={video_id}",
                                     published_at=datetime.fromisoformat(published.replace("Z", "+00:00")) if published else None)
        return None

    def delete(self, credentials: Credentials, platform_id: str) -> None:
        self._checked(self._call("DELETE", "/youtube/v3/videos", credentials, params={"id": platform_id}))

    def fetch_metrics(self, credentials: Credentials, platform_id: str) -> PostMetrics:
        answer = self._checked(self._call("GET", "/youtube/v3/videos", credentials,
                                          params={"part": "statistics", "id": platform_id}))
        items = answer.get("items") or []
        if not items:
            raise PlatformError("YouTube has no such video (deleted, or private to another channel)", code="videoNotFound")
        stats = items[0].get("statistics") or {}

        def number(name):
            return int(stats[name]) if name in stats else None  # YouTube sends the counts as strings

        return PostMetrics(video_views=number("viewCount"), reactions=number("likeCount"), comments=number("commentCount"),
                           fetched_at=datetime.now(timezone.utc), raw=stats)

    # --- HTTP ---
    def _call(self, method: str, path: str, credentials: Credentials, *, headers: dict | None = None, **kwargs):
        headers = {"Authorization": f"Bearer {credentials.access_token}", **(headers or {})}
        return http_call(method, f"{self.base_url}{path}", timeout=self.timeout, platform="YouTube", headers=headers, **kwargs)

    def _checked(self, response, *, media: bool = False) -> dict:
        try:
            body = response.json() if response.content else {}
        except ValueError:
            body = {}
        status = response.status_code
        if status < 400:
            return body
        error = body.get("error")
        if isinstance(error, str):  # the OAuth token endpoint: {"error": "invalid_grant", "error_description": ...}
            message = body.get("error_description") or error
            if error == "invalid_grant":
                raise TokenExpired(message, code=error, status=status)
            raise PlatformError(message, code=error, status=status)
        error = error or {}
        reasons = [e.get("reason", "") for e in error.get("errors", [])]
        reason = reasons[0] if reasons else ""
        message = error.get("message") or f"YouTube answered {status}"
        kwargs = {"code": reason or str(status), "status": status}
        if status == 401 or reason in ("authError", "expired"):
            raise TokenExpired(message, **kwargs)
        if reason == "quotaExceeded":
            raise RateLimited(message, retry_after=seconds_to_quota_reset(), **kwargs)
        if reason in RATE_REASONS or status == 429:
            raise RateLimited(message, retry_after=float(response.headers.get("retry-after") or 60), **kwargs)
        if reason == "duplicate":
            raise DuplicateContent(message, **kwargs)
        if status >= 500 or reason in ("backendError", "internalError"):
            raise TemporaryFailure(message, **kwargs)
        if reason in MEDIA_REASONS or (media and status in (400, 413)):
            raise MediaRejected(message, **kwargs)
        raise PlatformError(message, **kwargs)
