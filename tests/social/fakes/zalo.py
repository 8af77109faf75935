"""A local Zalo OA API (articles) and Zalo's OAuth v4 for OAs: checks the `access_token` header, the article fields
and their lengths; answers HTTP 200 with Zalo's {"error": <negative code>, "message": ...} shape."""

from __future__ import annotations

import base64
import hashlib
import itertools

from .server import Answer, FakePlatform, Request


def zalo_error(code: int, message: str) -> Answer:
    return Answer(200, {"error": code, "message": message})


def token_expired() -> Answer:
    return zalo_error(-124, "Access token has expired")


def rate_limited() -> Answer:
    return zalo_error(-32, "Request exceeded rate limit per minute")


class FakeZalo(FakePlatform):
    name = "zalo"

    def __init__(self, *, oa_id: str = "579745863508352884"):
        super().__init__()
        self.oa_id = oa_id
        self.oa_name = "Đại sứ quán Việt Nam tại Pháp"
        self.tokens = {"zalo-oa-token"}
        self.refresh_tokens = {"zalo-refresh-token"}
        self.codes: dict[str, str] = {}  # code → code_challenge
        self.pending: dict[str, str] = {}  # creation token → article id
        self.ids = (f"{n:032x}" for n in itertools.count(0xa1b2c3))
        self.route("POST", r"/v4/oa/access_token", self.token)
        self.route("POST", r"/v2\.0/article/create", self.create)
        self.route("POST", r"/v2\.0/article/verify", self.verify)
        self.route("GET", r"/v2\.0/article/getslice", self.getslice)
        self.route("GET", r"/v2\.0/article/getdetail", self.getdetail)
        self.route("POST", r"/v2\.0/article/remove", self.remove)
        self.route("GET", r"/v2\.0/oa/getoa", self.getoa)

    def authorize(self, request: Request) -> Answer | None:
        if request.headers.get("access_token") not in self.tokens:
            return zalo_error(-216, "Access token is invalid")
        return None

    def getoa(self, request: Request) -> Answer:
        """The Official Account the token belongs to."""
        if denied := self.authorize(request):
            return denied
        return Answer(200, {"error": 0, "message": "Success", "data": {
            "oa_id": self.oa_id, "name": self.oa_name, "description": "Thông tin lãnh sự", "is_verified": True,
            "avatar": "https://s160-ava-talk.zadn.vn/avatar.jpg", "cover": "https://cover-talk.zadn.vn/cover.jpg"}})

    def issue_code(self, *, code_verifier: str) -> str:
        challenge = base64.urlsafe_b64encode(hashlib.sha256(code_verifier.encode()).digest()).rstrip(b"=").decode()
        code = f"zalo-code-{len(self.codes) + 1}"
        self.codes[code] = challenge
        return code

    def token(self, request: Request) -> Answer:
        if request.headers.get("secret_key") != "zalo-secret":
            return Answer(200, {"error": -14002, "error_name": "Invalid app secret", "error_reason": "",
                                "error_description": "The secret_key header is missing or wrong"})
        form = {k: v[0] for k, v in request.form().items()}
        if form.get("app_id") != "zalo-app":
            return Answer(200, {"error": -14001, "error_name": "Invalid app id", "error_description": "app_id is invalid"})
        if form.get("grant_type") == "authorization_code":
            challenge = self.codes.pop(form.get("code", ""), None)
            verifier = form.get("code_verifier", "")
            computed = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if challenge is None or computed != challenge:
                return Answer(200, {"error": -14019, "error_name": "Invalid code verifier",
                                    "error_description": "The code or its verifier is invalid"})
        elif form.get("grant_type") == "refresh_token":
            if form.get("refresh_token") not in self.refresh_tokens:
                return Answer(200, {"error": -14014, "error_name": "Invalid refresh token",
                                    "error_description": "The refresh token is invalid or has been used"})
            self.refresh_tokens.discard(form["refresh_token"])  # each refresh token works once
        else:
            return Answer(200, {"error": -14003, "error_name": "Invalid grant type"})
        access, refresh = f"zalo-access-{len(self.tokens)}", f"zalo-refresh-{len(self.tokens)}"
        self.tokens.add(access)
        self.refresh_tokens.add(refresh)
        return Answer(200, {"access_token": access, "refresh_token": refresh, "expires_in": "90000"})

    def create(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        article = request.json() or {}
        for field, limit in (("title", 150), ("author", 50), ("description", 300)):
            if not article.get(field) or len(article[field]) > limit:
                return zalo_error(-201, f"Invalid parameter: {field} is required, at most {limit} characters")
        cover = article.get("cover") or {}
        if cover.get("cover_type") != "photo" or not str(cover.get("photo_url", "")).startswith("https://"):
            return zalo_error(-201, "Invalid parameter: cover photo_url must be a public https URL of an image")
        if not article.get("body"):
            return zalo_error(-201, "Invalid parameter: body is required")
        article_id = next(self.ids)
        token = f"tk-{article_id[-8:]}"
        with self.lock:
            self.pending[token] = article_id
            self.posts[article_id] = article | {"id": article_id, "create_date": 1765108800000,
                                                "link": f"https://zalo.me/{self.oa_id}/article/{article_id}"}
        return Answer(200, {"error": 0, "message": "Success", "data": {"token": token}})

    def verify(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        article_id = self.pending.get((request.json() or {}).get("token", ""))
        if not article_id:
            return zalo_error(-201, "Invalid parameter: token")
        return Answer(200, {"error": 0, "message": "Success", "data": {"id": article_id}})

    def getslice(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        limit = int(request.query.get("limit", ["10"])[0])
        medias = [{"id": a["id"], "title": a["title"], "type": "normal", "status": "show", "create_date": a["create_date"],
                   "total_view": 0, "total_share": 0} for a in reversed(list(self.posts.values()))][:limit]
        return Answer(200, {"error": 0, "message": "Success", "data": {"medias": medias, "total": len(self.posts)}})

    def getdetail(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        article = self.posts.get(request.query.get("id", [""])[0])
        if not article:
            return zalo_error(-201, "Invalid parameter: article not found")
        return Answer(200, {"error": 0, "message": "Success", "data": article | {"total_view": 340, "total_share": 12}})

    def remove(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        if self.posts.pop((request.json() or {}).get("id", ""), None) is None:
            return zalo_error(-201, "Invalid parameter: article not found")
        return Answer(200, {"error": 0, "message": "Success"})

    def rate_limited(self, retry_after: float) -> Answer:
        """Zalo's error -32: requests per minute exceeded (HTTP 200, like all its errors)."""
        return rate_limited()
