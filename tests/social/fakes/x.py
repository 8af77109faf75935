"""A local X API v2: checks bearer tokens, the weighted 280 limit, the media upload steps; answers in X's shapes."""

from __future__ import annotations

import base64
import hashlib
import itertools
import time
from email.parser import BytesParser
from email.policy import HTTP
from urllib.parse import urlencode

from twitter_text import parse_tweet

from .server import Answer, FakePlatform, Request

IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
VIDEO_TYPES = {"video/mp4", "video/quicktime"}


def parse_multipart(request: Request) -> dict[str, bytes]:
    """The fields of a multipart/form-data body, by name (files and plain fields alike)."""
    content_type = request.headers.get("content-type", "")
    assert content_type.startswith("multipart/form-data"), f"expected multipart, got {content_type!r}"
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + request.body)
    return {part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
            for part in message.iter_parts()}


def problem(status: int, title: str, detail: str, type_: str = "about:blank") -> Answer:
    return Answer(status, {"title": title, "detail": detail, "type": type_, "status": status})


class FakeX(FakePlatform):
    name = "x"

    def __init__(self, *, user_id: str = "2244994945"):
        super().__init__()
        self.user_id = user_id
        self.tokens = {"x-access-token"}
        self.client = ("x-client", "x-secret")
        self.codes: dict[str, tuple[str, str]] = {}  # code → (code_challenge, redirect_uri)
        self.refresh_tokens = {"x-refresh-token"}
        self.uploads: dict[str, dict] = {}
        self.ids = itertools.count(1880028106020515840)
        self.deny_consent = False  # the next user at the consent page presses "Cancel"
        self.route("GET", r"/i/oauth2/authorize", self.consent)
        self.route("POST", r"/2/oauth2/token", self.token)
        self.route("POST", r"/2/media/upload/initialize", self.media_init)
        self.route("POST", r"/2/media/upload/(?P<id>\d+)/append", self.media_append)
        self.route("POST", r"/2/media/upload/(?P<id>\d+)/finalize", self.media_finalize)
        self.route("GET", r"/2/media/upload", self.media_status)
        self.route("POST", r"/2/media/metadata", self.media_metadata)
        self.route("POST", r"/2/tweets", self.create)
        self.route("DELETE", r"/2/tweets/(?P<id>\d+)", self.destroy)
        self.route("GET", r"/2/tweets/(?P<id>\d+)", self.lookup)
        self.route("GET", r"/2/users/(?P<id>\d+)/tweets", self.timeline)

    def authorize(self, request: Request) -> Answer | None:
        header = request.headers.get("authorization", "")
        if not header.startswith("Bearer ") or header[7:] not in self.tokens:
            return Answer(401, {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"})
        return None

    # --- OAuth 2 with PKCE ---
    def issue_code(self, *, code_verifier: str, redirect_uri: str) -> str:
        challenge = base64.urlsafe_b64encode(hashlib.sha256(code_verifier.encode()).digest()).rstrip(b"=").decode()
        code = f"code-{len(self.codes) + 1}"
        self.codes[code] = (challenge, redirect_uri)
        return code

    def consent(self, request: Request) -> Answer:
        """x.com's consent page, with the user agreeing at once (or refusing when `deny_consent`): it checks what
        X checks and sends the browser back to `redirect_uri` with `code` and `state`, or `error=access_denied`."""
        query = {key: values[0] for key, values in request.query.items()}
        required = ("response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method")
        if any(not query.get(name) for name in required) or query["response_type"] != "code" \
                or query["client_id"] != self.client[0] or query["code_challenge_method"] not in ("S256", "plain"):
            return Answer(400, "Something went wrong: the request is missing or has an invalid parameter.")
        if "tweet.write" not in query["scope"].split():
            return Answer(400, "Something went wrong: invalid scope.")
        separator = "&" if "?" in query["redirect_uri"] else "?"
        if self.deny_consent:
            self.deny_consent = False
            params = urlencode({"error": "access_denied", "state": query["state"]})
        else:
            code = f"code-{len(self.codes) + 1}"
            self.codes[code] = (query["code_challenge"], query["redirect_uri"])
            params = urlencode({"state": query["state"], "code": code})
        return Answer(302, "", headers={"Location": f"{query['redirect_uri']}{separator}{params}"})

    def token(self, request: Request) -> Answer:
        basic = base64.b64encode(":".join(self.client).encode()).decode()
        if request.headers.get("authorization") != f"Basic {basic}":
            return Answer(401, {"error": "unauthorized_client", "error_description": "Missing valid authorization header"})
        form = {k: v[0] for k, v in request.form().items()}
        if form.get("grant_type") == "authorization_code":
            challenge, redirect_uri = self.codes.pop(form.get("code", ""), ("", ""))
            verifier = form.get("code_verifier", "")
            computed = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if not challenge or computed != challenge or form.get("redirect_uri") != redirect_uri:
                return Answer(400, {"error": "invalid_request", "error_description": "Value passed for the authorization code was invalid."})
        elif form.get("grant_type") == "refresh_token":
            if form.get("refresh_token") not in self.refresh_tokens:
                return Answer(400, {"error": "invalid_request", "error_description": "Value passed for the token was invalid."})
            self.refresh_tokens.discard(form["refresh_token"])  # X rotates refresh tokens
        else:
            return Answer(400, {"error": "unsupported_grant_type", "error_description": "grant_type not supported"})
        access, refresh = f"x-access-{len(self.tokens)}", f"x-refresh-{len(self.tokens)}"
        self.tokens.add(access)
        self.refresh_tokens.add(refresh)
        return Answer(200, {"token_type": "bearer", "expires_in": 7200, "access_token": access,
                            "scope": "tweet.read tweet.write users.read media.write offline.access", "refresh_token": refresh})

    # --- media ---
    def media_init(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        body = request.json() or {}
        media_type, total = body.get("media_type"), body.get("total_bytes")
        if media_type not in IMAGE_TYPES | VIDEO_TYPES or not isinstance(total, int):
            return problem(400, "Invalid Request", "One or more parameters to your request was invalid.")
        if media_type in IMAGE_TYPES and total > 5 * 1024 * 1024:
            return problem(400, "Invalid Request", "File size exceeds 5242880 bytes.")
        media_id = str(next(self.ids))
        self.uploads[media_id] = {"type": media_type, "total": total, "segments": {}, "state": "init"}
        return Answer(200, {"data": {"id": media_id, "media_key": f"3_{media_id}", "expires_after_secs": 86400}})

    def media_append(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        upload = self.uploads.get(request.match["id"])
        if not upload or upload["state"] != "init":
            return problem(400, "Invalid Request", "media_id is invalid or not in the INIT state.")
        fields = parse_multipart(request)
        upload["segments"][int(fields["segment_index"])] = fields["media"]
        return Answer(200, {"data": {"expires_at": 1700000000}})

    def media_finalize(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        upload = self.uploads.get(request.match["id"])
        if not upload:
            return problem(400, "Invalid Request", "media_id is invalid.")
        indexes = sorted(upload["segments"])
        size = sum(len(chunk) for chunk in upload["segments"].values())
        if indexes != list(range(len(indexes))) or size != upload["total"]:
            return problem(400, "Invalid Request", "File size does not match total_bytes.")
        upload["bytes"] = b"".join(upload["segments"][index] for index in indexes)  # what X received, in order
        upload["state"] = "succeeded" if upload["type"] in IMAGE_TYPES else "pending"
        data = {"id": request.match["id"], "media_key": f"3_{request.match['id']}", "size": size, "expires_after_secs": 86400}
        if upload["state"] == "pending":
            data["processing_info"] = {"state": "pending", "check_after_secs": 0}
        return Answer(200, {"data": data})

    def media_status(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        media_id = request.query.get("media_id", [""])[0]
        upload = self.uploads.get(media_id)
        if request.query.get("command") != ["STATUS"] or not upload:
            return problem(400, "Invalid Request", "media_id is invalid.")
        upload["state"] = "succeeded"
        return Answer(200, {"data": {"id": media_id, "processing_info": {"state": "succeeded", "progress_percent": 100}}})

    def media_metadata(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        body = request.json() or {}
        if body.get("id") not in self.uploads:
            return problem(400, "Invalid Request", "media id is invalid.")
        self.uploads[body["id"]]["alt_text"] = body["metadata"]["alt_text"]["text"]
        return Answer(200, {"data": {"id": body["id"], "associated_metadata": body["metadata"]}})

    # --- posts ---
    def create(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        body = request.json() or {}
        text = body.get("text", "")
        media_ids = (body.get("media") or {}).get("media_ids", [])
        if not text and not media_ids:
            return problem(400, "Invalid Request", "One or more parameters to your request was invalid.")
        if parse_tweet(text).weightedLength > 280:
            return problem(400, "Invalid Request", "Your Tweet text is too long.")
        for media_id in media_ids:
            if self.uploads.get(media_id, {}).get("state") != "succeeded":
                return problem(400, "Invalid Request", f"Your media IDs are invalid: {media_id}")
        with self.lock:
            if any(p["text"] == text for p in self.posts.values()):
                return problem(403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.")
            tweet_id = str(next(self.ids))
            self.posts[tweet_id] = {"text": text, "media_ids": media_ids, "created_at": "2026-12-07T12:00:00.000Z"}
        return Answer(201, {"data": {"id": tweet_id, "edit_history_tweet_ids": [tweet_id], "text": text}})

    def destroy(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        if self.posts.pop(request.match["id"], None) is None:
            return problem(404, "Not Found Error", "Could not find tweet with id.",
                           "https://api.twitter.com/2/problems/resource-not-found")
        return Answer(200, {"data": {"deleted": True}})

    def lookup(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        if request.match["id"] not in self.posts:
            return Answer(200, {"errors": [{"value": request.match["id"], "detail": "Could not find tweet.",
                                            "title": "Not Found Error", "type": "https://api.twitter.com/2/problems/resource-not-found"}]})
        data = {"id": request.match["id"], "text": self.posts[request.match["id"]]["text"]}
        if "public_metrics" in request.query.get("tweet.fields", [""])[0]:
            data["public_metrics"] = {"retweet_count": 3, "reply_count": 2, "like_count": 10, "quote_count": 1,
                                      "bookmark_count": 4, "impression_count": 250}
        return Answer(200, {"data": data})

    def timeline(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        tweets = []
        for tweet_id, post in reversed(list(self.posts.items())):
            urls = [{"url": "https://t.co/abc", "expanded_url": word} for word in post["text"].split() if word.startswith("http")]
            tweets.append({"id": tweet_id, "text": post["text"], "created_at": post["created_at"], "entities": {"urls": urls}})
        return Answer(200, {"data": tweets, "meta": {"result_count": len(tweets)}})

    def rate_limited(self, retry_after: float) -> Answer:
        """X's 429: the window's reset as epoch seconds in `x-rate-limit-reset`."""
        answer = problem(429, "Too Many Requests", "Too Many Requests")
        answer.headers.update({"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(int(time.time() + retry_after + 1))})
        return answer
