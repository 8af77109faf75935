"""Telegram Bot API: a bot that is an administrator of the mission's channel posts to it.

Endpoints (https://core.telegram.org/bots/api): `POST /bot<token>/sendMessage` (text ≤ 4096), `sendPhoto` (photo as
multipart, caption ≤ 1024), `deleteMessage`, `getMe` and `getChat` (checking a pasted token and chat). Every answer is
`{"ok": true, "result": …}` or `{"ok": false, "error_code": …, "description": …, "parameters": {"retry_after": N}}`.

There is no OAuth: a mission head pastes the bot token (from @BotFather) and the channel (`@name` or `-100…` id).
The Bot API cannot read a channel's history, so `find_published` cannot look (see docs/social.md: after a lost
answer delivery does not post again by itself).
"""

from __future__ import annotations

import mimetypes
from datetime import datetime, timezone

from .base import (
    AccountIdentity, Credentials, MediaRejected, OutgoingPost, PlatformAdapter, PlatformError, PublishedPost, RateLimited,
    TemporaryFailure, TokenExpired, http_call,
)

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024


class TelegramAdapter(PlatformAdapter):
    platform = "telegram"
    text_limit = TEXT_LIMIT
    caption_limit = CAPTION_LIMIT
    image_size = "og"
    supports_delete = True
    uses_oauth = False

    def default_base_url(self) -> str:
        return "https://api.telegram.org"

    # --- calls ---
    def _call(self, token: str, method: str, *, data: dict | None = None, files: dict | None = None) -> dict:
        url = f"{self.base_url}/bot{token}/{method}"
        # http_call names no URL in its errors: this one carries the bot token.
        if files:
            response = http_call("POST", url, data=data, files=files, timeout=self.timeout, platform="Telegram")
        else:
            response = http_call("POST", url, json=data or {}, timeout=self.timeout, platform="Telegram")
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code >= 500:
            raise TemporaryFailure(body.get("description") or f"Telegram answered {response.status_code}",
                                   code=str(response.status_code), status=response.status_code)
        if body.get("ok"):
            return body["result"]
        code = body.get("error_code") or response.status_code
        description = body.get("description") or f"Telegram answered {response.status_code}"
        if code == 429:
            retry_after = float((body.get("parameters") or {}).get("retry_after") or 30)
            raise RateLimited(description, retry_after=retry_after, code="429", status=429)
        if code in (401, 403) or "chat not found" in description.lower():
            raise TokenExpired(description, code=str(code), status=code)
        if code == 400 and any(word in description.lower() for word in ("photo", "image", "file")):
            raise MediaRejected(description, code="400", status=400)
        raise PlatformError(description, code=str(code), status=code)

    @staticmethod
    def chat_id(credentials: Credentials) -> str:
        return str(credentials.extra.get("chat_id") or credentials.account_id)

    @staticmethod
    def message_url(chat: dict | str, message_id: int) -> str:
        username = chat.get("username") if isinstance(chat, dict) else (chat[1:] if str(chat).startswith("@") else "")
        if username:
            return f"https://t.me/{username}/{message_id}"
        chat_id = str(chat.get("id") if isinstance(chat, dict) else chat)
        return f"https://t.me/c/{chat_id.removeprefix('-100')}/{message_id}"

    # --- text ---
    @staticmethod
    def compose(post: OutgoingPost) -> str:
        return f"{post.text}\n\n{post.link}" if post.link and post.link not in post.text else post.text

    def count(self, text: str) -> int:
        # Telegram counts UTF-16 code units after entity parsing; plain text is sent, so this is exact.
        return len(text.encode("utf-16-le")) // 2

    # --- connecting ---
    def whoami(self, credentials: Credentials) -> AccountIdentity:
        """getMe (the bot behind the token), then getChat (the channel it will post to, `@name` or chat id)."""
        bot = self._call(credentials.access_token, "getMe")
        chat = self._call(credentials.access_token, "getChat", data={"chat_id": self.chat_id(credentials)})
        return AccountIdentity(account_id=str(chat["id"]), name=chat.get("title") or chat.get("username", ""),
                               details={"chat_id": self.chat_id(credentials), "bot": bot.get("username", "")})

    # --- posting ---
    def publish(self, credentials: Credentials, post: OutgoingPost) -> PublishedPost:
        text = self.compose(post)
        chat = self.chat_id(credentials)
        image = next((media for media in post.media if media.kind == "image"), None)
        if image is not None:
            if self.count(text) > CAPTION_LIMIT:
                raise PlatformError(f"Bad Request: message caption is too long (over {CAPTION_LIMIT})", code="400",
                                    status=400)
            mime = image.mime_type or mimetypes.guess_type(image.path)[0] or "image/jpeg"
            with open(image.path, "rb") as handle:
                result = self._call(credentials.access_token, "sendPhoto", data={"chat_id": chat, "caption": text},
                                    files={"photo": (image.path.rsplit("/", 1)[-1], handle, mime)})
        else:
            if self.count(text) > TEXT_LIMIT:
                raise PlatformError(f"Bad Request: message is too long (over {TEXT_LIMIT})", code="400", status=400)
            data = {"chat_id": chat, "text": text}
            data["link_preview_options"] = {"is_disabled": not post.link, "url": post.link} if post.link else {
                "is_disabled": True}
            result = self._call(credentials.access_token, "sendMessage", data=data)
        sent = datetime.fromtimestamp(result["date"], tz=timezone.utc) if result.get("date") else None
        return PublishedPost(platform_id=f"{result['chat']['id']}:{result['message_id']}",
                             url=self.message_url(result["chat"], result["message_id"]), published_at=sent)

    def delete(self, credentials: Credentials, platform_id: str) -> None:
        chat, _, message_id = platform_id.rpartition(":")
        self._call(credentials.access_token, "deleteMessage",
                   data={"chat_id": chat or self.chat_id(credentials), "message_id": int(message_id)})
