"""The harness every platform fake runs on: a threaded HTTP server on 127.0.0.1 with a route table."""

from __future__ import annotations

import dataclasses
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs, urlsplit


@dataclasses.dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: bytes
    match: re.Match

    def json(self):
        return json.loads(self.body or b"null")

    def form(self) -> dict[str, list[str]]:
        return parse_qs(self.body.decode())


@dataclasses.dataclass
class Answer:
    status: int = 200
    body: object = None  # dict/list → JSON; bytes/str as they are
    headers: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class Failure:
    """An injected failure for the next call matching `method` and `path_pattern`."""

    method: str
    path_pattern: str
    answer: Answer | None = None
    hang_seconds: float = 0.0  # sleep before answering (to outlast the client's timeout), then still handle it
    handle_after_hang: bool = True  # a timeout where the platform did the work: the post exists, the answer is lost


@dataclasses.dataclass
class RateLimit:
    """A platform's documented-style window: at most `calls` matching requests per `per_seconds` for each caller
    (`key`: by default the Authorization header, i.e. per token). Beyond it the fake answers the platform's own
    rate-limited answer, made by `FakePlatform.rate_limited(retry_after)`, without doing the work."""

    method: str
    path_pattern: str
    calls: int
    per_seconds: float
    key: Callable[[Request], str] = lambda request: request.headers.get("authorization", "")
    seen: dict[str, list[float]] = dataclasses.field(default_factory=dict)

    def wait_for(self, request: Request, now: float) -> float:
        """0 if the call may go through (and it is counted), else the seconds until the window has room."""
        moments = [moment for moment in self.seen.get(self.key(request), []) if moment > now - self.per_seconds]
        if len(moments) >= self.calls:
            self.seen[self.key(request)] = moments
            return moments[0] + self.per_seconds - now
        self.seen[self.key(request)] = [*moments, now]
        return 0.0


class FakePlatform:
    """Subclasses fill `routes` in `__init__` with (method, regex, handler(request) -> Answer)."""

    name = "fake"

    def __init__(self):
        self.routes: list[tuple[str, re.Pattern, Callable[[Request], Answer]]] = []
        self.requests: list[Request] = []
        self.failures: list[Failure] = []
        self.limits: list[RateLimit] = []
        self.rate_limited_calls = 0
        self.posts: dict[str, dict] = {}  # platform id → what was posted; what "really went out"
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    # --- routing ---
    def route(self, method: str, pattern: str, handler: Callable[[Request], Answer]) -> None:
        self.routes.append((method, re.compile(f"^{pattern}$"), handler))

    def fail_next(self, method: str, path_pattern: str, answer: Answer | None = None, *, hang_seconds: float = 0.0,
                  handle_after_hang: bool = True) -> None:
        self.failures.append(Failure(method, path_pattern, answer, hang_seconds, handle_after_hang))

    def limit(self, method: str, path_pattern: str, *, calls: int, per_seconds: float, key=None) -> None:
        """Apply a rate limit from now on (the fake then answers as `rate_limited` says)."""
        extra = {"key": key} if key else {}
        self.limits.append(RateLimit(method, path_pattern, calls, per_seconds, **extra))

    def rate_limited(self, retry_after: float) -> Answer:
        """The platform's answer to a caller over its limit; each fake gives its platform's shape."""
        return Answer(429, {"error": "rate limited"}, {"Retry-After": str(max(1, round(retry_after)))})

    def _over_limit(self, request: Request) -> Answer | None:
        with self.lock:
            now = time.monotonic()
            for limit in self.limits:
                if limit.method == request.method and re.search(limit.path_pattern, request.path):
                    if wait := limit.wait_for(request, now):
                        self.rate_limited_calls += 1
                        return self.rate_limited(wait)
        return None

    def _take_failure(self, method: str, path: str) -> Failure | None:
        with self.lock:
            for failure in self.failures:
                if failure.method == method and re.search(failure.path_pattern, path):
                    self.failures.remove(failure)
                    return failure
        return None

    def handle(self, method: str, raw_path: str, headers: dict[str, str], body: bytes) -> Answer:
        parts = urlsplit(raw_path)
        for route_method, pattern, handler in self.routes:
            match = pattern.match(parts.path)
            if route_method == method and match:
                request = Request(method, parts.path, parse_qs(parts.query), headers, body, match)
                with self.lock:
                    self.requests.append(request)
                if refused := self._over_limit(request):
                    return refused
                failure = self._take_failure(method, parts.path)
                if failure:
                    if failure.hang_seconds:
                        time.sleep(failure.hang_seconds)
                        if failure.handle_after_hang and failure.answer is None:
                            return handler(request)
                    if failure.answer is not None:
                        return failure.answer
                return handler(request)
        return self.not_found(method, parts.path)

    def not_found(self, method: str, path: str) -> Answer:
        return Answer(404, {"error": f"no route {method} {path}"})

    # --- serving ---
    @property
    def url(self) -> str:
        assert self.server, "start() the fake first"
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> "FakePlatform":
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {name.lower(): value for name, value in self.headers.items()}
                answer = fake.handle(self.command, self.path, headers, body)
                payload = answer.body
                content_type = "application/json"
                if isinstance(payload, (dict, list)) or payload is None:
                    data = json.dumps(payload if payload is not None else {}).encode()
                elif isinstance(payload, str):
                    data, content_type = payload.encode(), "text/plain; charset=utf-8"
                else:
                    data, content_type = payload, "application/octet-stream"
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", answer.headers.get("Content-Type", content_type))
                    for name, value in answer.headers.items():
                        if name != "Content-Type":
                            self.send_header(name, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test): the work above is done all the same

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None
