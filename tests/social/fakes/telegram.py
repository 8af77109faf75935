"""A local Telegram Bot API: checks the token's shape, the chat, the required fields and the limits, answers with the
Bot API's shapes (`ok`/`result`, `error_code`/`description`/`parameters.retry_after`)."""

from __future__ import annotations

import json
import math
import re
import threading
import time
from email.parser import BytesParser
from email.policy import HTTP

from .server import Answer, FakePlatform, Request

TOKEN = re.compile(r"^\d{6,12}:[A-Za-z0-9_-]{30,}$")


def error(code: int, description: str, **parameters) -> Answer:
    body = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return Answer(code, body)


class FakeTelegram(FakePlatform):
    name = "telegram"

    def __init__(self, *, token: str = "123456789:AAHfakeTokenForTestsOnly_abcdefghijkl", chat: str = "@embassy_test",
                 chat_id: int = -1001234567890):
        super().__init__()
        self.token = token
        self.chat = {"id": chat_id, "type": "channel", "title": "Embassy test", "username": chat.lstrip("@")}
        self.next_message_id = 100
        self.deleted: list[str] = []
        self.posted = threading.Condition()
        for method in ("getMe", "getChat", "sendMessage", "sendPhoto", "deleteMessage"):
            self.route("POST", rf"/bot(?P<token>[^/]+)/{method}", getattr(self, method))

    # --- helpers ---
    def params(self, request: Request) -> tuple[dict, dict]:
        """Fields and uploaded files of a JSON, form or multipart body."""
        kind = request.headers.get("content-type", "")
        if kind.startswith("application/json"):
            return request.json() or {}, {}
        if kind.startswith("multipart/form-data"):
            message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {kind}\r\n\r\n".encode() + request.body)
            fields, files = {}, {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                if part.get_filename():
                    files[name] = {"filename": part.get_filename(), "type": part.get_content_type(),
                                   "data": part.get_payload(decode=True)}
                else:
                    fields[name] = part.get_payload(decode=True).decode()  # the Bot API reads fields as UTF-8
            return fields, files
        return {key: values[0] for key, values in request.form().items()}, {}

    def checked(self, request: Request) -> Answer | None:
        token = request.match["token"]
        if not TOKEN.match(token) or token != self.token:
            return error(401, "Unauthorized")
        return None

    def chat_ok(self, chat_id) -> bool:
        return str(chat_id) in (str(self.chat["id"]), "@" + self.chat["username"])

    def message(self, photo_bytes: bytes = b"", **fields) -> dict:
        with self.lock:
            self.next_message_id += 1
            message_id = self.next_message_id
        message = {"message_id": message_id, "date": int(time.time()), "chat": self.chat, **fields}
        with self.posted:
            self.posts[f"{self.chat['id']}:{message_id}"] = {**message, "photo_bytes": photo_bytes}
            self.posted.notify_all()
        return message

    def wait_for_posts(self, count: int, timeout: float = 5.0) -> int:
        """Wait until a handler still hanging (an injected timeout) has accepted its post; how many there are."""
        with self.posted:
            self.posted.wait_for(lambda: len(self.posts) >= count, timeout=timeout)
            return len(self.posts)

    # --- methods ---
    def getMe(self, request: Request) -> Answer:
        if (refused := self.checked(request)) is not None:
            return refused
        return Answer(200, {"ok": True, "result": {"id": int(self.token.split(":")[0]), "is_bot": True,
                                                   "first_name": "Embassy bot", "username": "embassy_test_bot"}})

    def getChat(self, request: Request) -> Answer:
        if (refused := self.checked(request)) is not None:
            return refused
        fields, _ = self.params(request)
        if not self.chat_ok(fields.get("chat_id")):
            return error(400, "Bad Request: chat not found")
        return Answer(200, {"ok": True, "result": self.chat})

    def sendMessage(self, request: Request) -> Answer:
        if (refused := self.checked(request)) is not None:
            return refused
        fields, _ = self.params(request)
        if "chat_id" not in fields:
            return error(400, "Bad Request: chat_id is empty")
        if not self.chat_ok(fields["chat_id"]):
            return error(400, "Bad Request: chat not found")
        text = fields.get("text") or ""
        if not text.strip():
            return error(400, "Bad Request: message text is empty")
        if len(text.encode("utf-16-le")) // 2 > 4096:
            return error(400, "Bad Request: message is too long")
        preview = fields.get("link_preview_options")
        if isinstance(preview, str):
            preview = json.loads(preview)
        return Answer(200, {"ok": True, "result": self.message(text=text, link_preview_options=preview or {})})

    def sendPhoto(self, request: Request) -> Answer:
        if (refused := self.checked(request)) is not None:
            return refused
        fields, files = self.params(request)
        if not self.chat_ok(fields.get("chat_id")):
            return error(400, "Bad Request: chat not found")
        photo = files.get("photo")
        if not photo and not fields.get("photo"):
            return error(400, "Bad Request: there is no photo in the request")
        if photo and not photo["type"].startswith("image/"):
            return error(400, "Bad Request: IMAGE_PROCESS_FAILED")
        caption = fields.get("caption") or ""
        if len(caption.encode("utf-16-le")) // 2 > 1024:
            return error(400, "Bad Request: message caption is too long")
        size = len(photo["data"]) if photo else 0
        return Answer(200, {"ok": True, "result": self.message(caption=caption, photo=[{"file_size": size}],
                                                               photo_bytes=photo["data"] if photo else b"")})

    def deleteMessage(self, request: Request) -> Answer:
        if (refused := self.checked(request)) is not None:
            return refused
        fields, _ = self.params(request)
        key = f"{self.chat['id']}:{fields.get('message_id')}"
        if not self.chat_ok(fields.get("chat_id")) or key not in self.posts:
            return error(400, "Bad Request: message to delete not found")
        self.deleted.append(key)
        del self.posts[key]
        return Answer(200, {"ok": True, "result": True})

    def rate_limit_next(self, method: str, retry_after: int) -> None:
        self.fail_next("POST", rf"/{method}$", error(429, f"Too Many Requests: retry after {retry_after}",
                                                     retry_after=retry_after))

    def rate_limited(self, retry_after: float) -> Answer:
        """The Bot API's flood control: 429 with `parameters.retry_after` in whole seconds."""
        seconds = max(1, math.ceil(retry_after))
        return error(429, f"Too Many Requests: retry after {seconds}", retry_after=seconds)
