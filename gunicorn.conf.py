"""gunicorn settings for the hub in production; gunicorn reads this file when started from the project root:

    DJANGO_SETTINGS_MODULE=hub.settings.production gunicorn hub.wsgi

Every value can still be overridden on the command line or in GUNICORN_CMD_ARGS; WEB_CONCURRENCY sets the
number of workers (gunicorn's own convention).
"""

import gc
import multiprocessing
import os

bind = os.environ.get("HUB_BIND", "0.0.0.0:8000")
# One worker per core: a Python process runs one thread at a time, so more processes than cores only take turns
# on the same cores. Threads in each worker keep connections alive and serve while another request waits on the
# database or the search engine.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("HUB_THREADS_PER_WORKER", "4"))
# Each worker listens on a socket of its own (SO_REUSEPORT) and the kernel spreads new connections across them.
# On one shared socket the workers race to accept, and a burst of clients can leave one worker with three times
# the kept-alive connections of another, whose clients then wait three times as long. The cost: connections
# still queued on a worker that dies are reset.
reuse_port = True
keepalive = 5
timeout = 60
graceful_timeout = 30
backlog = 2048
# The application is imported once, in the master, before the workers are forked (less memory in all, and an
# import error stops the start instead of looping through dying workers).
preload_app = True


def when_ready(server):
    """The master never runs the collector again (its objects are only read by the workers it forks)."""
    gc.disable()


def pre_fork(server, worker):
    """Nothing the master opened is shared with a worker; everything imported so far is frozen.

    `gc.freeze()` puts the loaded application (Django, Wagtail, the hub: a few hundred thousand objects) out of
    the collector's reach, so a full collection in a worker walks only what the worker made since. Without it
    a worker pauses ~100 ms for each full collection, in the middle of whichever requests it is serving."""
    from django.conf import settings
    from django.db import connections

    if settings.configured:
        connections.close_all()
    gc.freeze()


def post_fork(server, worker):
    gc.enable()

