"""A local YouTube Data API v3 (resumable upload, videos, channels, playlist items) and Google's token endpoint."""

from __future__ import annotations

import itertools

from .server import Answer, FakePlatform, Request


def google_error(status: int, reason: str, message: str, domain: str = "youtube.video") -> Answer:
    return Answer(status, {"error": {"code": status, "message": message,
                                     "errors": [{"message": message, "domain": domain, "reason": reason}]}})


def auth_error() -> Answer:
    return google_error(401, "authError", "Request had invalid authentication credentials.", "global")


def quota_exceeded() -> Answer:
    return google_error(403, "quotaExceeded", "The request cannot be completed because you have exceeded your quota.",
                        "youtube.quota")


class FakeYouTube(FakePlatform):
    name = "youtube"

    def __init__(self, *, channel_id: str = "UCabcdefghijklmnopqrstuv"):
        super().__init__()
        self.channel_id = channel_id
        self.channel_title = "Vietnam Embassy Channel"
        self.tokens = {"yt-access-token"}
        self.refresh_tokens = {"yt-refresh-token"}
        self.codes: dict[str, str] = {}
        self.sessions: dict[str, dict] = {}
        self.ids = (f"dQw4w9WgX{n:02d}" for n in itertools.count(1))
        self.route("POST", r"/token", self.token)
        self.route("POST", r"/upload/youtube/v3/videos", self.start_upload)
        self.route("PUT", r"/upload/youtube/v3/videos", self.upload_bytes)
        self.route("DELETE", r"/youtube/v3/videos", self.destroy)
        self.route("GET", r"/youtube/v3/videos", self.videos)
        self.route("GET", r"/youtube/v3/channels", self.channels)
        self.route("GET", r"/youtube/v3/playlistItems", self.playlist_items)

    def authorize(self, request: Request) -> Answer | None:
        header = request.headers.get("authorization", "")
        if not header.startswith("Bearer ") or header[7:] not in self.tokens:
            return auth_error()
        return None

    def issue_code(self, *, redirect_uri: str) -> str:
        code = f"4/yt-code-{len(self.codes) + 1}"
        self.codes[code] = redirect_uri
        return code

    def token(self, request: Request) -> Answer:
        form = {k: v[0] for k, v in request.form().items()}
        if form.get("client_id") != "yt-client.apps.googleusercontent.com" or form.get("client_secret") != "yt-secret":
            return Answer(401, {"error": "invalid_client", "error_description": "Unauthorized"})
        access = f"yt-access-{len(self.tokens)}"
        answer = {"access_token": access, "expires_in": 3599, "token_type": "Bearer",
                  "scope": "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly"}
        if form.get("grant_type") == "authorization_code":
            if self.codes.pop(form.get("code", ""), None) != form.get("redirect_uri"):
                return Answer(400, {"error": "invalid_grant", "error_description": "Malformed auth code."})
            answer["refresh_token"] = "yt-refresh-token"
        elif form.get("grant_type") == "refresh_token":
            if form.get("refresh_token") not in self.refresh_tokens:
                return Answer(400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."})
        else:
            return Answer(400, {"error": "unsupported_grant_type", "error_description": "Invalid grant_type"})
        self.tokens.add(access)
        return Answer(200, answer)

    def start_upload(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        if request.query.get("uploadType") != ["resumable"] or "snippet" not in request.query.get("part", [""])[0]:
            return google_error(400, "invalidParameter", "uploadType=resumable and part=snippet,status are required", "global")
        content_type = request.headers.get("x-upload-content-type", "")
        if not content_type.startswith("video/"):
            return google_error(400, "invalidVideoMetadata", "The request metadata is invalid: only video files are accepted.")
        snippet = (request.json() or {}).get("snippet") or {}
        title = snippet.get("title", "")
        if not title or len(title) > 100 or "<" in title or ">" in title:
            return google_error(400, "invalidTitle", "The request metadata specifies an invalid video title.")
        if len(snippet.get("description", "").encode()) > 5000:
            return google_error(400, "invalidDescription", "The request metadata specifies an invalid video description.")
        upload_id = f"AEnB2U{len(self.sessions) + 1}"
        self.sessions[upload_id] = {"length": int(request.headers.get("x-upload-content-length", "-1")),
                                    "metadata": request.json(), "type": content_type}
        return Answer(200, b"", {"Location": f"{self.url}/upload/youtube/v3/videos?uploadType=resumable&upload_id={upload_id}"})

    def upload_bytes(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        session = self.sessions.get(request.query.get("upload_id", [""])[0])
        if not session:
            return Answer(404, "Not Found")
        if len(request.body) != session["length"]:
            return google_error(400, "mediaBodyRequired", "The request does not include the video content.")
        video_id = next(self.ids)
        snippet = session["metadata"]["snippet"] | {"publishedAt": "2026-12-07T12:00:00Z", "channelId": self.channel_id}
        with self.lock:
            self.posts[video_id] = {"snippet": snippet, "status": session["metadata"].get("status"), "bytes": len(request.body)}
        return Answer(200, {"kind": "youtube#video", "etag": "x", "id": video_id, "snippet": snippet,
                            "status": {"uploadStatus": "uploaded", "privacyStatus": "public"}})

    def destroy(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        if self.posts.pop(request.query.get("id", [""])[0], None) is None:
            return google_error(404, "videoNotFound", "The video identified by the id parameter cannot be found.")
        return Answer(204, b"")

    def videos(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        ids = request.query.get("id", [""])[0].split(",")
        items = [{"kind": "youtube#video", "id": i, "statistics": {"viewCount": "5120", "likeCount": "210",
                                                                   "favoriteCount": "0", "commentCount": "17"}}
                 for i in ids if i in self.posts]
        return Answer(200, {"kind": "youtube#videoListResponse", "items": items,
                            "pageInfo": {"totalResults": len(items), "resultsPerPage": len(items)}})

    def channels(self, request: Request) -> Answer:
        """channels?mine=true: the token's channel, with the parts asked for."""
        if denied := self.authorize(request):
            return denied
        if request.query.get("mine") != ["true"]:
            return google_error(400, "missingRequiredParameter", "No filter selected. Expected one of: mine, id, forHandle",
                                "youtube.parameter")
        parts = request.query.get("part", [""])[0].split(",")
        channel = {"kind": "youtube#channel", "id": self.channel_id}
        if "contentDetails" in parts:
            channel["contentDetails"] = {"relatedPlaylists": {"likes": "", "uploads": "UU" + self.channel_id[2:]}}
        if "snippet" in parts:
            channel["snippet"] = {"title": self.channel_title, "customUrl": "@vnembassy"}
        return Answer(200, {"kind": "youtube#channelListResponse", "items": [channel]})

    def playlist_items(self, request: Request) -> Answer:
        if denied := self.authorize(request):
            return denied
        if request.query.get("playlistId") != ["UU" + self.channel_id[2:]]:
            return google_error(404, "playlistNotFound", "The playlist identified with the request's playlistId parameter cannot be found.")
        items = [{"kind": "youtube#playlistItem", "snippet": {
            "publishedAt": post["snippet"]["publishedAt"], "title": post["snippet"]["title"],
            "description": post["snippet"]["description"], "resourceId": {"kind": "youtube#video", "videoId": video_id}}}
            for video_id, post in reversed(list(self.posts.items()))]
        return Answer(200, {"kind": "youtube#playlistItemListResponse", "items": items})
