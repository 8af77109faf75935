"""A local Graph API for one Facebook Page: checks the page token and the post fields; answers in Graph's shapes."""

from __future__ import annotations

import itertools
import json
import math

from .server import Answer, FakePlatform, Request
from .x import parse_multipart

V = r"/v23\.0"


def graph_error(message: str, code: int, *, status: int = 400, type_: str = "OAuthException", subcode: int | None = None,
                headers: dict | None = None) -> Answer:
    error = {"message": message, "type": type_, "code": code, "fbtrace_id": "AbCdEf123"}
    if subcode:
        error["error_subcode"] = subcode
    return Answer(status, {"error": error}, headers or {})


def expired_token() -> Answer:
    return graph_error("Error validating access token: Session has expired on Monday, 07-Dec-26 10:00:00 PST.", 190,
                       subcode=463)


def page_rate_limited(minutes: int) -> Answer:
    usage = {"1234567890": [{"type": "pages", "call_count": 100, "total_cputime": 30, "total_time": 40,
                             "estimated_time_to_regain_access": minutes}]}
    return graph_error("(#32) Page request limit reached", 32, status=400,
                       headers={"X-Business-Use-Case-Usage": json.dumps(usage)})


class FakeFacebook(FakePlatform):
    name = "facebook"

    def __init__(self, *, page_id: str = "1234567890"):
        super().__init__()
        self.page_id = page_id
        self.tokens = {"fb-page-token"}
        self.user_tokens = {"fb-user-token"}
        self.codes: dict[str, str] = {}  # code → redirect_uri
        self.ids = itertools.count(100000000001)
        self.route("GET", rf"{V}/oauth/access_token", self.token)
        self.route("GET", rf"{V}/(?P<page>\d+)", self.page)
        self.route("POST", rf"{V}/(?P<page>\d+)/feed", self.feed)
        self.route("POST", rf"{V}/(?P<page>\d+)/photos", self.photos)
        self.route("GET", rf"{V}/(?P<page>\d+)/published_posts", self.published_posts)
        self.route("DELETE", rf"{V}/(?P<id>\d+_\d+)", self.destroy)
        self.route("GET", rf"{V}/(?P<id>\d+_\d+)/insights", self.insights)

    def not_found(self, method: str, path: str) -> Answer:
        return graph_error("Unknown path components", 2500)

    def authorize(self, request: Request, tokens: set[str] | None = None) -> Answer | None:
        header = request.headers.get("authorization", "")
        token = header[7:] if header.startswith("Bearer ") else request.query.get("access_token", [""])[0]
        if not token:
            return graph_error("An active access token must be used to query information about the current user.", 2500)
        if token not in (tokens or self.tokens):
            return expired_token()
        return None

    def issue_code(self, *, redirect_uri: str) -> str:
        code = f"fb-code-{len(self.codes) + 1}"
        self.codes[code] = redirect_uri
        return code

    def token(self, request: Request) -> Answer:
        query = {k: v[0] for k, v in request.query.items()}
        if query.get("client_id") != "fb-app" or query.get("client_secret") != "fb-secret":
            return graph_error("Error validating client secret.", 1, type_="OAuthException")
        if query.get("grant_type") == "fb_exchange_token":
            if query.get("fb_exchange_token") not in self.user_tokens:
                return expired_token()
        elif self.codes.pop(query.get("code", ""), None) != query.get("redirect_uri"):
            return graph_error("This authorization code has been used.", 100, subcode=36009)
        token = f"fb-user-token-{len(self.user_tokens)}"
        self.user_tokens.add(token)
        return Answer(200, {"access_token": token, "token_type": "bearer", "expires_in": 5183944})

    def page(self, request: Request) -> Answer:
        if denied := self.authorize(request, self.user_tokens):
            return denied
        return Answer(200, {"access_token": "fb-page-token", "id": request.match["page"]})

    def _store(self, request: Request, record: dict) -> Answer | str:
        if request.match["page"] != self.page_id:
            return graph_error("(#200) The user hasn't authorized the application to perform this action", 200, status=403)
        with self.lock:
            text = record.get("message") or record.get("caption") or ""
            if text and any((p.get("message") or p.get("caption")) == text for p in self.posts.values()):
                return graph_error("Duplicate status message", 506, type_="OAuthException")
            post_id = f"{self.page_id}_{next(self.ids)}"
            self.posts[post_id] = record | {"created_time": "2026-12-07T12:00:00+0000"}
        return post_id

    def feed(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        form = {k: v[0] for k, v in request.form().items()}
        if not form.get("message") and not form.get("link"):
            return graph_error("(#100) Missing message or attachment", 100)
        stored = self._store(request, {"message": form.get("message", ""), "link": form.get("link", "")})
        return stored if isinstance(stored, Answer) else Answer(200, {"id": stored})

    def photos(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        fields = parse_multipart(request)
        source = fields.get("source") or b""
        if not (source.startswith(b"\xff\xd8\xff") or source.startswith(b"\x89PNG")):
            return graph_error("(#324) Requires upload file", 324)
        if len(source) > 4 * 1024 * 1024:
            return graph_error("The image size is too big", 1366046, status=400, type_="OAuthException")
        stored = self._store(request, {"caption": fields.get("caption", b"").decode(), "photo_bytes": len(source),
                                       "photo": source,
                                       "alt_text": fields.get("alt_text_custom", b"").decode()})
        if isinstance(stored, Answer):
            return stored
        return Answer(200, {"id": stored.split("_")[1], "post_id": stored})

    def published_posts(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        data = []
        for post_id, post in reversed(list(self.posts.items())):
            item = {"id": post_id, "message": post.get("message") or post.get("caption"), "created_time": post["created_time"],
                    "permalink_url": f"https://www.facebook.com/{self.page_id}/posts/{post_id.split('_')[1]}"}
            if post.get("link"):
                item["attachments"] = {"data": [{"unshimmed_url": post["link"]}]}
            data.append(item)
        return Answer(200, {"data": data, "paging": {"cursors": {"before": "b", "after": "a"}}})

    def destroy(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        if self.posts.pop(request.match["id"], None) is None:
            return graph_error("(#100) Invalid post id", 100)
        return Answer(200, {"success": True})

    def insights(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        if request.match["id"] not in self.posts:
            return graph_error("(#100) Invalid post id", 100)
        numbers = {"post_impressions": 1200, "post_impressions_unique": 900, "post_clicks": 45,
                   "post_reactions_by_type_total": {"like": 30, "love": 5}}
        asked = request.query.get("metric", [""])[0].split(",")
        return Answer(200, {"data": [{"name": name, "period": "lifetime", "values": [{"value": numbers[name]}],
                                      "id": f"{request.match['id']}/insights/{name}/lifetime"}
                                     for name in asked if name in numbers]})

    def rate_limited(self, retry_after: float) -> Answer:
        """Graph API's page-level throttle: code 32, minutes to wait in X-Business-Use-Case-Usage."""
        return page_rate_limited(max(1, math.ceil(retry_after / 60)))
