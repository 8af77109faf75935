"""LinkedIn organisation pages through the versioned REST Posts API: posts, images, delete, share statistics.

Docs: https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api,
https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api,
https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format,
https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics,
https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow,
https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from urllib.parse import quote, urlencode

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

API_VERSION = "202511"  # LinkedIn-Version (YYYYMM); LinkedIn supports each version for a year
SCOPES = ("w_organization_social", "r_organization_social", "rw_organization_admin")
LITTLE_TEXT_RESERVED = re.compile(r"([\\|{}@\[\]()<>*_~])")
HASHTAG_OR_HASH = re.compile(r"(?<!\w)#(\w+)|#")


def plain_text(commentary: str) -> str:
    """Commentary as LinkedIn shows it: escapes removed (a link in it reads as sent)."""
    return re.sub(r"\\(.)", r"\1", commentary)


def little_text(text: str) -> str:
    """Commentary is LinkedIn's 'little text': reserved characters are escaped (unescaped, the text is cut there),
    hashtags are written as hashtag templates."""
    escaped = LITTLE_TEXT_RESERVED.sub(r"\\\1", text)
    return HASHTAG_OR_HASH.sub(lambda m: "{hashtag|\\#|" + m.group(1) + "}" if m.group(1) else "\\#", escaped)


class LinkedInAdapter(PlatformAdapter):
    platform = "linkedin"
    text_limit = 3000
    image_size = "og"

    def __init__(self, base_url: str | None = None, *, timeout: float = 10.0):
        super().__init__(base_url, timeout=timeout)
        self.oauth_base = self.base_url if base_url else "https://www.linkedin.com"

    def default_base_url(self) -> str:
        return "https://api.linkedin.com"

    def _author(self, credentials: Credentials) -> str:
        return credentials.extra.get("author_urn") or f"urn:li:organization:{credentials.account_id}"

    # --- connecting ---
    def authorization_url(self, *, client_id: str, redirect_uri: str, state: str, code_challenge: str = "") -> str:
        query = urlencode({"response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri,
                           "state": state, "scope": " ".join(SCOPES)})
        return f"{self.oauth_base}/oauth/v2/authorization?{query}"

    def _token(self, form: dict) -> TokenSet:
        response = http_call("POST", f"{self.oauth_base}/oauth/v2/accessToken", timeout=self.timeout,
                             platform="LinkedIn", data=form)
        body = self._checked(response)
        expires = body.get("expires_in")
        return TokenSet(access_token=body["access_token"], refresh_token=body.get("refresh_token", ""),
                        expires_at=datetime.now(timezone.utc) + timedelta(seconds=int(expires)) if expires else None,
                        scopes=tuple((body.get("scope") or "").replace(",", " ").split()))

    def exchange_code(self, *, client_id: str, client_secret: str, redirect_uri: str, code: str, code_verifier: str = "") -> TokenSet:
        return self._token({"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                            "client_id": client_id, "client_secret": client_secret})

    def refresh(self, credentials: Credentials, *, client_id: str, client_secret: str) -> TokenSet:
        """Programmatic refresh tokens exist only for approved Marketing partners; without one, reconnect."""
        if not credentials.refresh_token:
            raise TokenExpired("LinkedIn gave no refresh token: a mission head must reconnect the account", code="no_refresh_token")
        try:
            return self._token({"grant_type": "refresh_token", "refresh_token": credentials.refresh_token,
                                "client_id": client_id, "client_secret": client_secret})
        except PlatformError as error:
            if error.status == 400:  # an expired or revoked refresh token: LinkedIn answers invalid_request
                raise TokenExpired(error.message, code="invalid_refresh_token", status=400) from None
            raise

    def whoami(self, credentials: Credentials) -> AccountIdentity:
        """GET /rest/organizations/{id}: the organisation the posts' author is (403 when the member may not act for it)."""
        answer = self._checked(self._call("GET", f"/rest/organizations/{quote(credentials.account_id, safe='')}",
                                          credentials))
        return AccountIdentity(account_id=str(answer["id"]), name=answer.get("localizedName", ""),
                               details={"vanity_name": answer.get("vanityName", "")})

    # --- posting ---
    def publish(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost:
        images = [m for m in post.media if m.kind == "image"]
        # A post carries an image or a link card, not both: with an image the link goes into the commentary.
        with_link = images and post.link and post.link not in post.text
        commentary = little_text(f"{post.text}\n\n{post.link}" if with_link else post.text)
        if len(commentary) > self.text_limit:
            raise PlatformError(f"the post is {len(commentary)} characters (escaped); LinkedIn's limit is {self.text_limit}",
                                code="too_long")
        author = self._author(credentials)
        body = {
            "author": author, "commentary": commentary, "visibility": "PUBLIC",
            "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [], "thirdPartyDistributionChannels": []},
            "lifecycleState": "PUBLISHED", "isReshareDisabledByAuthor": False,
        }
        if any(m.kind == "video" for m in post.media):
            raise MediaRejected("LinkedIn videos are not supported by the hub yet: post an image or a link", code="video")
        if images:
            body["content"] = {"media": {"id": self._upload_image(credentials, author, images[0]),
                                         "altText": images[0].alt_text[:4086]}}
        elif post.link:
            body["content"] = {"article": {"source": post.link, "title": post.text.split("\n")[0][:200]}}
        response = self._call("POST", "/rest/posts", credentials, json=body)
        self._checked(response)
        urn = response.headers.get("x-restli-id", "")
        return PublishedPost(platform_id=urn, url=f"https://www.linkedin.com/feed/update/{urn}/",
                             published_at=datetime.now(timezone.utc))

    def _upload_image(self, credentials: Credentials, author: str, media) -> str:
        """initializeUpload, then PUT the bytes to the upload URL it returns; the image URN goes into the post."""
        answer = self._checked(self._call("POST", "/rest/images", credentials, params={"action": "initializeUpload"},
                                          json={"initializeUploadRequest": {"owner": author}}), media=True)
        value = answer["value"]
        with open(media.path, "rb") as source:
            response = http_call("PUT", value["uploadUrl"], timeout=self.timeout, platform="LinkedIn", data=source.read(),
                                 headers={"Authorization": f"Bearer {credentials.access_token}",
                                          "Content-Type": "application/octet-stream"})
        self._checked(response, media=True)
        return value["image"]

    def find_published(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost | None:
        if not post.idempotency_key:
            return None
        answer = self._checked(self._call("GET", "/rest/posts", credentials, params={
            "author": self._author(credentials), "q": "author", "count": "20", "sortBy": "LAST_MODIFIED"},
            headers={"X-RestLi-Method": "FINDER"}))
        needle = f"utm_id={post.idempotency_key}"
        for element in answer.get("elements", []):
            source = ((element.get("content") or {}).get("article") or {}).get("source", "")
            if needle in source or needle in plain_text(element.get("commentary", "")):
                published = element.get("publishedAt")
                return PublishedPost(platform_id=element["id"], url=f"https://www.linkedin.com/feed/update/{element['id']}/",
                                     published_at=datetime.fromtimestamp(published / 1000, timezone.utc) if published else None)
        return None

    def delete(self, credentials: Credentials, platform_id: str) -> None:
        self._checked(self._call("DELETE", f"/rest/posts/{quote(platform_id, safe='')}", credentials,
                                 headers={"X-RestLi-Method": "DELETE"}))

    def fetch_metrics(self, credentials: Credentials, platform_id: str) -> PostMetrics:
        kind = "ugcPosts" if platform_id.startswith("urn:li:ugcPost:") else "shares"
        # Rest.li 2.0 lists go in the query as List(<encoded urn>), built by hand so requests does not re-encode them.
        query = (f"q=organizationalEntity&organizationalEntity={quote(self._author(credentials), safe='')}"
                 f"&{kind}=List({quote(platform_id, safe='')})")
        answer = self._checked(self._call("GET", f"/rest/organizationalEntityShareStatistics?{query}", credentials))
        stats = ((answer.get("elements") or [{}])[0]).get("totalShareStatistics") or {}
        return PostMetrics(
            impressions=stats.get("impressionCount"), reach=stats.get("uniqueImpressionsCount"),
            reactions=stats.get("likeCount"), comments=stats.get("commentCount"), shares=stats.get("shareCount"),
            clicks=stats.get("clickCount"), engagements=None, fetched_at=datetime.now(timezone.utc), raw=stats,
        )

    # --- HTTP ---
    def _call(self, method: str, path: str, credentials: Credentials, *, headers: dict | None = None, **kwargs):
        headers = {"Authorization": f"Bearer {credentials.access_token}", "LinkedIn-Version": API_VERSION,
                   "X-Restli-Protocol-Version": "2.0.0", **(headers or {})}
        return http_call(method, f"{self.base_url}{path}", timeout=self.timeout, platform="LinkedIn", headers=headers, **kwargs)

    def _checked(self, response, *, media: bool = False) -> dict:
        try:
            body = response.json() if response.content else {}
        except ValueError:
            body = {}
        status = response.status_code
        if status < 400:
            return body
        message = body.get("message") or body.get("error_description") or f"LinkedIn answered {status}"
        code = str(body.get("code") or body.get("serviceErrorCode") or body.get("error") or status)
        if status == 401 or code in ("EXPIRED_ACCESS_TOKEN", "REVOKED_ACCESS_TOKEN", "invalid_grant"):
            raise TokenExpired(message, code=code, status=status)
        if status == 429:
            raise RateLimited(message, retry_after=float(response.headers.get("retry-after") or 60), code=code, status=status)
        if "duplicate" in message.lower():
            raise DuplicateContent(message, code=code, status=status)
        if status >= 500:
            raise TemporaryFailure(message, code=code, status=status)
        if media and status in (400, 413, 415, 422):
            raise MediaRejected(message, code=code, status=status)
        raise PlatformError(message, code=code, status=status)
