"""X (API v2): posts, chunked media upload, OAuth 2 with PKCE, the account's recent posts and public metrics.

Docs: https://docs.x.com/x-api/posts/manage-tweets/introduction, https://docs.x.com/x-api/media/quickstart/media-upload-chunked,
https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code,
https://docs.x.com/x-api/fundamentals/rate-limits, https://docs.x.com/resources/fundamentals/counting-characters
"""

from __future__ import annotations

import base64
import os
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

from twitter_text import parse_tweet

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

SCOPES = ("tweet.read", "tweet.write", "users.read", "media.write", "offline.access")
CHUNK_BYTES = 4 * 1024 * 1024  # APPEND segments must stay under 5 MB
MEDIA_CATEGORY = {"image": "tweet_image", "video": "tweet_video"}


class XAdapter(PlatformAdapter):
    platform = "x"
    text_limit = 280
    image_size = "x"
    max_status_checks = 60

    def __init__(self, base_url: str | None = None, *, timeout: float = 10.0):
        super().__init__(base_url, timeout=timeout)
        # The consent page lives on x.com, the API on api.x.com; a fake serves both under its one base URL.
        self.authorize_base = self.base_url if base_url else "https://x.com"
        self.sleep = time.sleep

    def default_base_url(self) -> str:
        return "https://api.x.com"

    def count(self, text: str) -> int:
        """twitter-text v3: URLs weigh 23, code points outside the Latin/punctuation ranges weigh 2, an emoji 2."""
        return parse_tweet(text).weightedLength

    def _text(self, post: OutgoingPost) -> str:
        return f"{post.text} {post.link}".strip() if post.link and post.link not in post.text else post.text

    # --- connecting ---
    def authorization_url(self, *, client_id: str, redirect_uri: str, state: str, code_challenge: str = "") -> str:
        if not code_challenge:
            raise ValueError("X requires PKCE: pass the S256 code_challenge")
        query = urlencode({
            "response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri, "scope": " ".join(SCOPES),
            "state": state, "code_challenge": code_challenge, "code_challenge_method": "S256",
        })
        return f"{self.authorize_base}/i/oauth2/authorize?{query}"

    def _token(self, form: dict, client_id: str, client_secret: str) -> TokenSet:
        basic = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()
        response = http_call("POST", f"{self.base_url}/2/oauth2/token", timeout=self.timeout, platform="X",
                             data=form, headers={"Authorization": f"Basic {basic}"})
        body = self._checked(response)
        expires = body.get("expires_in")
        return TokenSet(
            access_token=body["access_token"], refresh_token=body.get("refresh_token", ""),
            expires_at=datetime.now(timezone.utc) + timedelta(seconds=int(expires)) if expires else None,
            scopes=tuple((body.get("scope") or "").split()),
        )

    def exchange_code(self, *, client_id: str, client_secret: str, redirect_uri: str, code: str, code_verifier: str = "") -> TokenSet:
        return self._token({"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                            "code_verifier": code_verifier, "client_id": client_id}, client_id, client_secret)

    def refresh(self, credentials: Credentials, *, client_id: str, client_secret: str) -> TokenSet:
        try:
            return self._token({"grant_type": "refresh_token", "refresh_token": credentials.refresh_token,
                                "client_id": client_id}, client_id, client_secret)
        except PlatformError as error:
            if error.status == 400:  # X answers a revoked or already-used refresh token with invalid_request
                raise TokenExpired(error.message, code="invalid_refresh_token", status=400) from None
            raise

    def whoami(self, credentials: Credentials) -> AccountIdentity:
        """GET /2/users/me: the user the token posts as (its username makes the posts' URLs)."""
        data = self._checked(self._call("GET", "/2/users/me", credentials))["data"]
        return AccountIdentity(account_id=data["id"], name=data.get("name", ""), details={"username": data["username"]})

    # --- posting ---
    def publish(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost:
        text = self._text(post)
        if self.count(text) > self.text_limit:
            raise PlatformError(f"the post is {self.count(text)} characters as X counts them; the limit is {self.text_limit}",
                                code="too_long")
        body: dict = {"text": text}
        if post.media:
            body["media"] = {"media_ids": [self._upload(credentials, media) for media in post.media[:4]]}
        data = self._checked(self._call("POST", "/2/tweets", credentials, json=body))["data"]
        return PublishedPost(platform_id=data["id"], url=self._url(credentials, data["id"]),
                             published_at=datetime.now(timezone.utc))

    def _upload(self, credentials: Credentials, media) -> str:
        """INIT, APPEND in segments, FINALIZE, then STATUS until X has processed it (videos)."""
        size = os.path.getsize(media.path)
        init = self._checked(self._call("POST", "/2/media/upload/initialize", credentials, json={
            "media_type": media.mime_type, "total_bytes": size, "media_category": MEDIA_CATEGORY.get(media.kind, "tweet_image"),
        }), media=True)
        media_id = init["data"]["id"]
        with open(media.path, "rb") as source:
            index = 0
            while chunk := source.read(CHUNK_BYTES):
                self._checked(self._call("POST", f"/2/media/upload/{media_id}/append", credentials,
                                         data={"segment_index": str(index)},
                                         files={"media": ("chunk", chunk, "application/octet-stream")}), media=True)
                index += 1
        info = self._checked(self._call("POST", f"/2/media/upload/{media_id}/finalize", credentials), media=True)
        processing = info["data"].get("processing_info")
        checks = 0
        while processing and processing.get("state") in ("pending", "in_progress"):
            checks += 1
            if checks > self.max_status_checks:
                raise TemporaryFailure("X is still processing the video", code="media_processing")
            self.sleep(processing.get("check_after_secs", 1))
            status = self._checked(self._call("GET", "/2/media/upload", credentials,
                                              params={"command": "STATUS", "media_id": media_id}), media=True)
            processing = status["data"].get("processing_info")
        if processing and processing.get("state") == "failed":
            error = processing.get("error") or {}
            raise MediaRejected(error.get("message") or "X could not process the media", code=str(error.get("name", "failed")))
        if media.alt_text:
            self._checked(self._call("POST", "/2/media/metadata", credentials, json={
                "id": media_id, "metadata": {"alt_text": {"text": media.alt_text[:1000]}}}), media=True)
        return media_id

    def find_published(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost | None:
        if not post.idempotency_key:
            return None
        answer = self._checked(self._call("GET", f"/2/users/{credentials.account_id}/tweets", credentials, params={
            "max_results": "20", "tweet.fields": "created_at,entities", "exclude": "replies,retweets"}))
        for tweet in answer.get("data") or []:
            urls = [u.get("expanded_url", "") for u in (tweet.get("entities") or {}).get("urls", [])]
            if any(f"utm_id={post.idempotency_key}" in url for url in urls):
                created = tweet.get("created_at")
                return PublishedPost(platform_id=tweet["id"], url=self._url(credentials, tweet["id"]),
                                     published_at=datetime.fromisoformat(created.replace("Z", "+00:00")) if created else None)
        return None

    def delete(self, credentials: Credentials, platform_id: str) -> None:
        self._checked(self._call("DELETE", f"/2/tweets/{platform_id}", credentials))

    def fetch_metrics(self, credentials: Credentials, platform_id: str) -> PostMetrics:
        data = self._checked(self._call("GET", f"/2/tweets/{platform_id}", credentials,
                                        params={"tweet.fields": "public_metrics"}))["data"]
        m = data.get("public_metrics") or {}
        return PostMetrics(
            impressions=m.get("impression_count"), reactions=m.get("like_count"), comments=m.get("reply_count"),
            shares=(m.get("retweet_count") or 0) + (m.get("quote_count") or 0) if m else None,
            engagements=sum(m.get(k) or 0 for k in ("like_count", "reply_count", "retweet_count", "quote_count", "bookmark_count")) if m else None,
            fetched_at=datetime.now(timezone.utc), raw=m,
        )

    # --- HTTP ---
    def _url(self, credentials: Credentials, tweet_id: str) -> str:
        handle = credentials.extra.get("username") or "i/web"
        return f"https://x.com/{handle}/status/{tweet_id}"

    def _call(self, method: str, path: str, credentials: Credentials, **kwargs):
        headers = {"Authorization": f"Bearer {credentials.access_token}"}
        return http_call(method, f"{self.base_url}{path}", timeout=self.timeout, platform="X", headers=headers, **kwargs)

    def _checked(self, response, *, media: bool = False) -> dict:
        """X's answer, or the base exception for its error (problem+json `detail`/`title`, or OAuth's `error`)."""
        try:
            body = response.json() if response.content else {}
        except ValueError:
            body = {}
        status = response.status_code
        if status < 400:
            return body
        message = body.get("detail") or body.get("error_description") or body.get("title") or f"X answered {status}"
        if isinstance(body.get("errors"), list) and body["errors"] and not body.get("detail"):
            message = body["errors"][0].get("message", message)
        if status == 429:
            reset = response.headers.get("x-rate-limit-reset")
            retry_after = max(1.0, float(reset) - time.time()) if reset else 60.0
            raise RateLimited(message, retry_after=retry_after, code="rate_limited", status=status)
        if status == 401 or body.get("error") == "invalid_grant":
            raise TokenExpired(message, code=body.get("error") or "unauthorized", status=status)
        if status == 403 and "duplicate" in message.lower():
            raise DuplicateContent(message, code="duplicate", status=status)
        if status >= 500:
            raise TemporaryFailure(message, code="server_error", status=status)
        if media and status in (400, 413, 415):
            raise MediaRejected(message, code="media", status=status)
        raise PlatformError(message, code=str(body.get("type") or body.get("error") or status), status=status)
