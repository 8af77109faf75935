"""Facebook Pages through the Graph API: feed posts, photo posts, delete, insights, the page's recent posts.

Docs: https://developers.facebook.com/docs/pages-api/posts, https://developers.facebook.com/docs/graph-api/reference/page/photos/,
https://developers.facebook.com/docs/graph-api/guides/error-handling, https://developers.facebook.com/docs/graph-api/overview/rate-limiting,
https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow, https://developers.facebook.com/docs/graph-api/reference/insights
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

from .base import (
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

GRAPH_VERSION = "v23.0"
SCOPES = ("pages_show_list", "pages_read_engagement", "pages_manage_posts", "read_insights")
RATE_LIMIT_CODES = {4, 17, 32, 613, 80001}  # app, user, page, custom and business-use-case throttling
TOKEN_CODES = {190, 102}  # 190: expired/revoked access token (subcodes 458-467), 102: session invalid
MEDIA_CODES = {324, 352, 1366046}  # missing/bad upload, unsupported video format, photo too big
METRICS = ("post_impressions", "post_impressions_unique", "post_clicks", "post_reactions_by_type_total")


class FacebookAdapter(PlatformAdapter):
    platform = "facebook"
    text_limit = 63206
    image_size = "og"

    def __init__(self, base_url: str | None = None, *, timeout: float = 10.0):
        super().__init__(base_url, timeout=timeout)
        self.dialog_base = self.base_url if base_url else "https://www.facebook.com"

    def default_base_url(self) -> str:
        return "https://graph.facebook.com"

    # --- connecting (a user token; the account's page token is read from /{page-id}?fields=access_token) ---
    def authorization_url(self, *, client_id: str, redirect_uri: str, state: str, code_challenge: str = "") -> str:
        query = urlencode({"client_id": client_id, "redirect_uri": redirect_uri, "state": state,
                           "scope": ",".join(SCOPES), "response_type": "code"})
        return f"{self.dialog_base}/{GRAPH_VERSION}/dialog/oauth?{query}"

    def _token(self, params: dict) -> TokenSet:
        response = http_call("GET", f"{self.base_url}/{GRAPH_VERSION}/oauth/access_token", timeout=self.timeout,
                             platform="Facebook", params=params)
        body = self._checked(response)
        expires = body.get("expires_in")
        return TokenSet(access_token=body["access_token"],
                        expires_at=datetime.now(timezone.utc) + timedelta(seconds=int(expires)) if expires else None)

    def exchange_code(self, *, client_id: str, client_secret: str, redirect_uri: str, code: str, code_verifier: str = "") -> TokenSet:
        return self._token({"client_id": client_id, "client_secret": client_secret, "redirect_uri": redirect_uri, "code": code})

    def refresh(self, credentials: Credentials, *, client_id: str, client_secret: str) -> TokenSet:
        """Facebook has no refresh token: a valid token is exchanged for a long-lived one (about 60 days)."""
        return self._token({"grant_type": "fb_exchange_token", "client_id": client_id, "client_secret": client_secret,
                            "fb_exchange_token": credentials.access_token})

    def account_tokens(self, tokens: TokenSet, *, account_id: str, client_id: str, client_secret: str) -> TokenSet:
        """A Page is posted to with its page token, not the user's: the code's short-lived user token is exchanged
        for a long-lived one, whose page token does not expire (so none is kept, and no refresh is tried)."""
        longer = self.refresh(Credentials(access_token=tokens.access_token, account_id=account_id),
                              client_id=client_id, client_secret=client_secret)
        return TokenSet(access_token=self.page_token(user_token=longer.access_token, page_id=account_id),
                        scopes=tokens.scopes)

    def page_token(self, *, user_token: str, page_id: str) -> str:
        """The page access token posts are made with, read once with the user token after authorisation."""
        creds = Credentials(access_token=user_token, account_id=page_id)
        return self._checked(self._call("GET", f"/{page_id}", creds, params={"fields": "access_token"}))["access_token"]

    # --- posting ---
    def publish(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost:
        if len(post.text) > self.text_limit:
            raise PlatformError(f"the post is {len(post.text)} characters; Facebook's limit is {self.text_limit}", code="too_long")
        images = [m for m in post.media if m.kind == "image"]
        videos = [m for m in post.media if m.kind == "video"]
        message = post.text if not post.link or post.link in post.text else f"{post.text}\n\n{post.link}"
        if videos:
            with open(videos[0].path, "rb") as source:
                answer = self._checked(self._call("POST", f"/{credentials.account_id}/videos", credentials,
                                                  data={"description": message},
                                                  files={"source": ("video", source, videos[0].mime_type)}), media=True)
            post_id = f"{credentials.account_id}_{answer['id']}"
        elif images:
            # A photo post carries the link in its caption: Graph API photo posts have no link attachment.
            with open(images[0].path, "rb") as source:
                answer = self._checked(self._call("POST", f"/{credentials.account_id}/photos", credentials,
                                                  data={"caption": message, "published": "true",
                                                        "alt_text_custom": images[0].alt_text},
                                                  files={"source": ("image", source, images[0].mime_type)}), media=True)
            post_id = answer.get("post_id") or answer["id"]
        else:
            data = {"message": post.text}
            if post.link:
                data["link"] = post.link
            post_id = self._checked(self._call("POST", f"/{credentials.account_id}/feed", credentials, data=data))["id"]
        return PublishedPost(platform_id=post_id, url=f"https://www.facebook.com/{post_id}",
                             published_at=datetime.now(timezone.utc))

    def find_published(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost | None:
        if not post.idempotency_key:
            return None
        answer = self._checked(self._call("GET", f"/{credentials.account_id}/published_posts", credentials, params={
            "fields": "id,message,permalink_url,created_time,attachments{unshimmed_url}", "limit": "25"}))
        needle = f"utm_id={post.idempotency_key}"
        for item in answer.get("data", []):
            links = [a.get("unshimmed_url", "") for a in (item.get("attachments") or {}).get("data", [])]
            if needle in (item.get("message") or "") or any(needle in link for link in links):
                created = item.get("created_time")
                return PublishedPost(platform_id=item["id"], url=item.get("permalink_url") or f"https://www.facebook.com/{item['id']}",
                                     published_at=datetime.strptime(created, "%Y-%m-%dT%H:%M:%S%z") if created else None)
        return None

    def delete(self, credentials: Credentials, platform_id: str) -> None:
        self._checked(self._call("DELETE", f"/{platform_id}", credentials))

    def fetch_metrics(self, credentials: Credentials, platform_id: str) -> PostMetrics:
        answer = self._checked(self._call("GET", f"/{platform_id}/insights", credentials,
                                          params={"metric": ",".join(METRICS), "period": "lifetime"}))
        values = {row["name"]: (row.get("values") or [{}])[0].get("value") for row in answer.get("data", [])}
        reactions = values.get("post_reactions_by_type_total")
        return PostMetrics(
            impressions=values.get("post_impressions"), reach=values.get("post_impressions_unique"),
            clicks=values.get("post_clicks"),
            reactions=sum(reactions.values()) if isinstance(reactions, dict) else reactions,
            fetched_at=datetime.now(timezone.utc), raw=values,
        )

    # --- HTTP ---
    def _call(self, method: str, path: str, credentials: Credentials, **kwargs):
        # The token goes in the Authorization header, never the query string, so no URL carries it.
        headers = {"Authorization": f"Bearer {credentials.access_token}"}
        return http_call(method, f"{self.base_url}/{GRAPH_VERSION}{path}", timeout=self.timeout, platform="Facebook",
                         headers=headers, **kwargs)

    def _retry_after(self, response) -> float:
        """Minutes to regain access, from X-Business-Use-Case-Usage (or X-App-Usage's lack of it): 60 s by default."""
        try:
            usage = json.loads(response.headers.get("x-business-use-case-usage") or "{}")
            minutes = max((entry.get("estimated_time_to_regain_access") or 0)
                          for entries in usage.values() for entry in entries)
        except (ValueError, TypeError, AttributeError):
            minutes = 0
        return float(minutes * 60) if minutes else 60.0

    def _checked(self, response, *, media: bool = False) -> dict:
        try:
            body = response.json() if response.content else {}
        except ValueError:
            body = {}
        if response.status_code < 400 and "error" not in body:
            return body
        error = body.get("error") or {}
        code = error.get("code")
        message = error.get("error_user_msg") or error.get("message") or f"Facebook answered {response.status_code}"
        kwargs = {"code": str(code or response.status_code), "status": response.status_code}
        if code in TOKEN_CODES or error.get("type") == "OAuthException" and code == 190:
            raise TokenExpired(message, **kwargs)
        if code in RATE_LIMIT_CODES or response.status_code == 429:
            raise RateLimited(message, retry_after=self._retry_after(response), **kwargs)
        if code == 506:
            raise DuplicateContent(message, **kwargs)
        if code in MEDIA_CODES or (media and code == 100 and response.status_code == 400):
            raise MediaRejected(message, **kwargs)
        if response.status_code >= 500 or code in (1, 2) or error.get("is_transient"):
            raise TemporaryFailure(message, **kwargs)
        raise PlatformError(message, **kwargs)
