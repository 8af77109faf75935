"""Small media files, token leak checks and a wait for work a hung fake finishes late."""

from __future__ import annotations

import threading
import time

import pytest
from PIL import Image

from social.platforms.base import Media

TOKENS = ("x-access-token", "fb-page-token", "li-access-token", "yt-access-token", "zalo-oa-token",
          "x-secret", "fb-secret", "li-secret", "yt-secret", "zalo-secret")


def wait_until(predicate, timeout: float = 5.0):
    """Wait for a fake's server thread to finish a request the client already gave up on (a lost answer)."""
    deadline = time.monotonic() + timeout
    event = threading.Event()
    while not predicate():
        assert time.monotonic() < deadline, "the fake never finished the request"
        event.wait(0.01)


def assert_no_token(*texts: str):
    for text in texts:
        for token in TOKENS:
            assert token not in text, f"a token leaked: {text!r}"


@pytest.fixture
def image(tmp_path) -> Media:
    path = tmp_path / "photo.jpg"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(path, "JPEG")
    return Media(kind="image", path=str(path), mime_type="image/jpeg", alt_text="A red square",
                 width=64, height=48, url="https://hub.example/media/photo.jpg")


@pytest.fixture
def video(tmp_path) -> Media:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(5000))
    return Media(kind="video", path=str(path), mime_type="video/mp4", alt_text="A clip")
