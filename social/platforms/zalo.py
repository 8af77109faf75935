"""Zalo Official Account: articles (create, verify, remove, detail, list) and the OA's OAuth v4 tokens.

Zalo answers HTTP 200 with `{"error": <0 or a negative code>, "message": ...}`; the OA access token goes in an
`access_token` header. An article needs a cover photo given by public URL (`Media.url`: Zalo fetches it).
Docs: https://developers.zalo.me/docs/official-account/bat-dau/xac-thuc-va-uy-quyen-cho-ung-dung-new,
https://developers.zalo.me/docs/official-account/bai-viet/tao-bai-viet, https://developers.zalo.me/docs/official-account/bai-viet/xoa-bai-viet,
https://developers.zalo.me/docs/official-account/bai-viet/lay-chi-tiet-bai-viet, https://developers.zalo.me/docs/official-account/phu-luc/ma-loi
"""

from __future__ import annotations

import html
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

from .base import (
    AccountIdentity,
    Credentials,
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

TITLE_LIMIT = 150
DESCRIPTION_LIMIT = 300
AUTHOR_LIMIT = 50
TOKEN_CODES = {-216, -124, -14014, -14011}  # invalid / expired access token; invalid / expired refresh token
RATE_CODES = {-32}  # requests per minute exceeded
VERIFY_ATTEMPTS = 10


class ZaloAdapter(PlatformAdapter):
    platform = "zalo"
    text_limit = TITLE_LIMIT  # what the composer counts: the first line, which becomes the article's title
    image_size = "og"

    def __init__(self, base_url: str | None = None, *, timeout: float = 10.0):
        super().__init__(base_url, timeout=timeout)
        self.oauth_base = self.base_url if base_url else "https://oauth.zaloapp.com"
        self.sleep = time.sleep

    def default_base_url(self) -> str:
        return "https://openapi.zalo.me"

    def count(self, text: str) -> int:
        return len(text.partition("\n")[0])

    # --- connecting (OAuth v4 for an OA, with PKCE; the app secret goes in a `secret_key` header) ---
    def authorization_url(self, *, client_id: str, redirect_uri: str, state: str, code_challenge: str = "") -> str:
        params = {"app_id": client_id, "redirect_uri": redirect_uri, "state": state}
        if code_challenge:
            params["code_challenge"] = code_challenge
        return f"{self.oauth_base}/v4/oa/permission?{urlencode(params)}"

    def _token(self, form: dict, client_secret: str) -> TokenSet:
        response = http_call("POST", f"{self.oauth_base}/v4/oa/access_token", timeout=self.timeout, platform="Zalo",
                             data=form, headers={"secret_key": client_secret})
        body = self._checked(response)
        expires = body.get("expires_in")  # seconds, sent as a string
        return TokenSet(access_token=body["access_token"], refresh_token=body.get("refresh_token", ""),
                        expires_at=datetime.now(timezone.utc) + timedelta(seconds=int(expires)) if expires else None)

    def exchange_code(self, *, client_id: str, client_secret: str, redirect_uri: str, code: str, code_verifier: str = "") -> TokenSet:
        form = {"code": code, "app_id": client_id, "grant_type": "authorization_code"}
        if code_verifier:
            form["code_verifier"] = code_verifier
        return self._token(form, client_secret)

    def refresh(self, credentials: Credentials, *, client_id: str, client_secret: str) -> TokenSet:
        """A refresh token works once: store the new one Zalo returns with the new access token."""
        return self._token({"refresh_token": credentials.refresh_token, "app_id": client_id,
                            "grant_type": "refresh_token"}, client_secret)

    def whoami(self, credentials: Credentials) -> AccountIdentity:
        """GET /v2.0/oa/getoa: the Official Account the token belongs to (its name is the articles' author)."""
        data = self._checked(self._call("GET", "/v2.0/oa/getoa", credentials))["data"]
        return AccountIdentity(account_id=str(data["oa_id"]), name=data.get("name", ""),
                               details={"author": data.get("name", "")[:AUTHOR_LIMIT]})

    # --- posting ---
    def publish(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost:
        title, _, rest = post.text.partition("\n")
        rest = rest.strip()
        if len(title) > TITLE_LIMIT:
            raise PlatformError(f"the first line is the article's title: at most {TITLE_LIMIT} characters on Zalo",
                                code="too_long")
        covers = [m for m in post.media if m.kind == "image"]
        if not covers or not covers[0].url:
            raise MediaRejected("a Zalo article needs a cover image with a public URL", code="cover_required")
        description = rest if len(rest) <= DESCRIPTION_LIMIT else rest[: DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0] + "…"
        paragraphs = [f"<p>{html.escape(p)}</p>" for p in rest.split("\n") if p.strip()]
        if post.link:
            paragraphs.append(f'<p><a href="{html.escape(post.link)}">{html.escape(post.link)}</a></p>')
        article = {
            "type": "normal", "title": title,
            "author": (credentials.extra.get("author") or "")[:AUTHOR_LIMIT] or "Embassy",
            "cover": {"cover_type": "photo", "photo_url": covers[0].url, "status": "show"},
            "description": description or title,
            "body": [{"type": "text", "content": "".join(paragraphs) or html.escape(title)}],
            "status": "show", "comment": "show",
        }
        token = self._checked(self._call("POST", "/v2.0/article/create", credentials, json=article), media=True)["data"]["token"]
        article_id = self._verified(credentials, token)
        return PublishedPost(platform_id=article_id, url=self._url(credentials, article_id),
                             published_at=datetime.now(timezone.utc))

    def _verified(self, credentials: Credentials, token: str) -> str:
        """Creation is asynchronous: `verify` turns the creation token into the article id once Zalo has made it."""
        for _ in range(VERIFY_ATTEMPTS):
            data = self._checked(self._call("POST", "/v2.0/article/verify", credentials, json={"token": token}))["data"]
            if data.get("id"):
                return data["id"]
            self.sleep(1)
        raise TemporaryFailure("Zalo is still processing the article", code="article_processing")

    def find_published(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost | None:
        """The list has no bodies, so the ten newest articles are read one by one for the link."""
        if not post.idempotency_key:
            return None
        listing = self._checked(self._call("GET", "/v2.0/article/getslice", credentials,
                                           params={"offset": "0", "limit": "10", "type": "normal"}))
        needle = f"utm_id={post.idempotency_key}"
        for media in (listing.get("data") or {}).get("medias", []):
            detail = self._detail(credentials, media["id"])
            if any(needle in (block.get("content") or "") for block in detail.get("body", [])):
                created = detail.get("create_date")
                return PublishedPost(platform_id=media["id"], url=detail.get("link") or self._url(credentials, media["id"]),
                                     published_at=datetime.fromtimestamp(created / 1000, timezone.utc) if created else None)
        return None

    def delete(self, credentials: Credentials, platform_id: str) -> None:
        self._checked(self._call("POST", "/v2.0/article/remove", credentials, json={"id": platform_id}))

    def fetch_metrics(self, credentials: Credentials, platform_id: str) -> PostMetrics:
        detail = self._detail(credentials, platform_id)
        return PostMetrics(video_views=None, impressions=detail.get("total_view"), shares=detail.get("total_share"),
                           fetched_at=datetime.now(timezone.utc),
                           raw={k: detail.get(k) for k in ("total_view", "total_share")})

    def _detail(self, credentials: Credentials, article_id: str) -> dict:
        return self._checked(self._call("GET", "/v2.0/article/getdetail", credentials, params={"id": article_id}))["data"]

    # --- HTTP ---
    def _url(self, credentials: Credentials, article_id: str) -> str:
        return f"https://zalo.me/{credentials.account_id}?article={article_id}"

    def _call(self, method: str, path: str, credentials: Credentials, **kwargs):
        return http_call(method, f"{self.base_url}{path}", timeout=self.timeout, platform="Zalo",
                         headers={"access_token": credentials.access_token}, **kwargs)

    def _checked(self, response, *, media: bool = False) -> dict:
        try:
            body = response.json() if response.content else {}
        except ValueError:
            body = {}
        if response.status_code >= 500:
            raise TemporaryFailure(f"Zalo answered {response.status_code}", code=str(response.status_code),
                                   status=response.status_code)
        code = body.get("error", 0 if response.status_code < 400 else response.status_code)
        if code == 0 and response.status_code < 400:
            return body
        message = body.get("message") or body.get("error_description") or body.get("error_name") or f"Zalo error {code}"
        kwargs = {"code": str(code), "status": response.status_code}
        if code in TOKEN_CODES:
            raise TokenExpired(message, **kwargs)
        if code in RATE_CODES:
            raise RateLimited(message, retry_after=60.0, **kwargs)
        if media and ("photo" in message.lower() or "cover" in message.lower() or "image" in message.lower()):
            raise MediaRejected(message, **kwargs)
        raise PlatformError(message, **kwargs)
