"""Local fakes of the social platforms' HTTP APIs, on 127.0.0.1, one module per platform.

Each fake is a `FakePlatform` subclass with routes for the documented endpoints. It checks requests the way the
platform does (auth header, required fields, media upload steps, length limits) and answers with the platform's
documented shapes and errors. `fail_next(...)` makes the next matching call answer an error (or hang past the
client's timeout), so tests can prove retries, backoff and idempotency; `posts` counts what was really accepted.
"""
