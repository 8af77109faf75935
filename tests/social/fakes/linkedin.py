"""A local LinkedIn REST API (Posts, Images, share statistics, OAuth): checks the versioned headers, the author,
the 3,000-character commentary and the image upload; answers in LinkedIn's shapes."""

from __future__ import annotations

import itertools
import re
from urllib.parse import unquote

from .server import Answer, FakePlatform, Request

UNESCAPED_RESERVED = re.compile(r"(?<!\\)[|{}@\[\]()<>*_~#]")


def li_error(status: int, message: str, code: str = "", service_code: int | None = None) -> Answer:
    body = {"status": status, "message": message}
    if code:
        body["code"] = code
    if service_code:
        body["serviceErrorCode"] = service_code
    return Answer(status, body)


def revoked_token() -> Answer:
    return li_error(401, "The token used in the request has been revoked by the user", "REVOKED_ACCESS_TOKEN", 65601)


def throttled() -> Answer:
    return li_error(429, "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.")


def without_templates(commentary: str) -> str:
    return re.sub(r"\{hashtag\|\\#\|\w+\}", "", commentary)


class FakeLinkedIn(FakePlatform):
    name = "linkedin"

    def __init__(self, *, organization: str = "urn:li:organization:2414183"):
        super().__init__()
        self.organization = organization
        self.organization_name = "Ministry of Foreign Affairs of Viet Nam"
        self.tokens = {"li-access-token"}
        self.refresh_tokens = {"li-refresh-token"}
        self.codes: dict[str, str] = {}
        self.images: dict[str, bytes | None] = {}
        self.ids = itertools.count(7012345678901234567)
        self.route("POST", r"/oauth/v2/accessToken", self.token)
        self.route("POST", r"/rest/images", self.image_init)
        self.route("PUT", r"/dms-uploads/(?P<image>[\w-]+)", self.image_put)
        self.route("POST", r"/rest/posts", self.create)
        self.route("GET", r"/rest/posts", self.by_author)
        self.route("DELETE", r"/rest/posts/(?P<urn>[^/]+)", self.destroy)
        self.route("GET", r"/rest/organizationalEntityShareStatistics", self.statistics)
        self.route("GET", r"/rest/organizations/(?P<id>\d+)", self.organization_lookup)

    def authorize(self, request: Request, *, versioned: bool = True) -> Answer | None:
        header = request.headers.get("authorization", "")
        if not header.startswith("Bearer ") or header[7:] not in self.tokens:
            return revoked_token() if header else li_error(401, "Empty oauth2 access token", "EMPTY_ACCESS_TOKEN", 65600)
        if versioned:
            if not re.fullmatch(r"\d{6}", request.headers.get("linkedin-version", "")):
                return li_error(400, "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
                                "VERSION_MISSING")
            if request.headers.get("x-restli-protocol-version") != "2.0.0":
                return li_error(400, "Rest.li protocol 2.0.0 is required", "PROTOCOL_VERSION")
        return None

    def organization_lookup(self, request: Request) -> Answer:
        """GET /rest/organizations/{id}: the organisation, for a member who administers it (403 for any other)."""
        if denied := self.authorize(request):
            return denied
        urn = f"urn:li:organization:{request.match['id']}"
        if urn != self.organization:
            return li_error(403, f"Not enough permissions to access: organizations.GET.20251101 {urn}", "ACCESS_DENIED",
                            100)
        return Answer(200, {"id": int(request.match["id"]), "localizedName": self.organization_name,
                            "vanityName": "mofa-vietnam", "$URN": urn})

    def issue_code(self, *, redirect_uri: str) -> str:
        code = f"li-code-{len(self.codes) + 1}"
        self.codes[code] = redirect_uri
        return code

    def token(self, request: Request) -> Answer:
        form = {k: v[0] for k, v in request.form().items()}
        if form.get("client_id") != "li-client" or form.get("client_secret") != "li-secret":
            return Answer(401, {"error": "invalid_client", "error_description": "Client authentication failed"})
        if form.get("grant_type") == "authorization_code":
            if self.codes.pop(form.get("code", ""), None) != form.get("redirect_uri"):
                return Answer(400, {"error": "invalid_request", "error_description":
                                    "Unable to retrieve access token: appid/redirect uri/code verifier does not match "
                                    "authorization code. Or authorization code expired."})
        elif form.get("grant_type") == "refresh_token":
            if form.get("refresh_token") not in self.refresh_tokens:
                return Answer(400, {"error": "invalid_request", "error_description": "The provided refresh token is invalid"})
        else:
            return Answer(400, {"error": "unsupported_grant_type", "error_description": "grant_type is not supported"})
        access = f"li-access-{len(self.tokens)}"
        self.tokens.add(access)
        return Answer(200, {"access_token": access, "expires_in": 5184000, "refresh_token": "li-refresh-token",
                            "refresh_token_expires_in": 31536000, "scope": "r_organization_social,w_organization_social"})

    def image_init(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        if request.query.get("action") != ["initializeUpload"]:
            return li_error(400, "Unsupported action")
        owner = ((request.json() or {}).get("initializeUploadRequest") or {}).get("owner")
        if owner != self.organization:
            return li_error(403, f"Not enough permissions to access: owner {owner}", "ACCESS_DENIED")
        key = f"C4E10AQ{len(self.images) + 1}"
        self.images[f"urn:li:image:{key}"] = None
        return Answer(200, {"value": {"uploadUrlExpiresAt": 1765000000000, "uploadUrl": f"{self.url}/dms-uploads/{key}",
                                      "image": f"urn:li:image:{key}"}})

    def image_put(self, request: Request) -> Answer:
        urn = f"urn:li:image:{request.match['image']}"
        if urn not in self.images or not request.headers.get("authorization"):
            return Answer(404, "")
        if not (request.body.startswith(b"\xff\xd8\xff") or request.body.startswith(b"\x89PNG")):
            return li_error(400, "Image format is not supported", "INVALID_IMAGE")
        self.images[urn] = request.body
        return Answer(201, b"")

    def create(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        body = request.json() or {}
        missing = [f for f in ("author", "commentary", "visibility", "distribution", "lifecycleState") if f not in body]
        if missing:
            return li_error(422, f"/{missing[0]} :: field is required but not found and has no default value",
                            "UNPROCESSABLE_ENTITY")
        if body["author"] != self.organization:
            return li_error(403, f"Unpermitted fields present in REQUEST_BODY: author {body['author']}", "ACCESS_DENIED")
        if len(body["commentary"]) > 3000:
            return li_error(422, "/commentary :: length of commentary exceeds 3000", "UNPROCESSABLE_ENTITY")
        media = (body.get("content") or {}).get("media")
        if media and self.images.get(media.get("id")) is None:
            return li_error(422, f"/content/media/id :: {media.get('id')} is not AVAILABLE", "UNPROCESSABLE_ENTITY")
        shown = without_templates(body["commentary"])
        if cut := UNESCAPED_RESERVED.search(shown):  # LinkedIn silently cuts the commentary at an unescaped character
            body["commentary"] = shown[: cut.start()]
        with self.lock:
            for urn, post in self.posts.items():
                if post["commentary"] == body["commentary"] and post.get("content") == body.get("content"):
                    return li_error(422, f"Content is a duplicate of {urn}", "DUPLICATE_POST")
            urn = f"urn:li:share:{next(self.ids)}"
            self.posts[urn] = body | {"id": urn, "publishedAt": 1765108800000}
        return Answer(201, b"", {"x-restli-id": urn, "Content-Type": "application/json"})

    def by_author(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        if request.query.get("q") != ["author"] or request.query.get("author") != [self.organization]:
            return li_error(400, "Invalid finder")
        return Answer(200, {"paging": {"start": 0, "count": 20}, "elements": list(reversed(self.posts.values()))})

    def destroy(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        if self.posts.pop(unquote(request.match["urn"]), None) is None:
            return li_error(404, "Not Found")
        return Answer(204, b"")

    def statistics(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        shares = request.query.get("shares", [""])[0]
        urn = shares.removeprefix("List(").removesuffix(")")
        if request.query.get("q") != ["organizationalEntity"] or urn not in self.posts:
            return li_error(400, "Invalid query parameters")
        return Answer(200, {"paging": {"count": 10, "start": 0}, "elements": [{
            "organizationalEntity": self.organization, "share": urn,
            "totalShareStatistics": {"uniqueImpressionsCount": 800, "shareCount": 6, "engagement": 0.05,
                                     "clickCount": 40, "likeCount": 25, "impressionCount": 1500, "commentCount": 3},
        }]})

    def rate_limited(self, retry_after: float) -> Answer:
        """LinkedIn's 429 throttle (its body; LinkedIn sends no Retry-After, so the hub waits its default)."""
        return throttled()
