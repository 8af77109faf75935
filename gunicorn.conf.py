"""gunicorn settings for the hub in production; gunicorn reads this file when started from the project root:

    DJANGO_SETTINGS_MODULE=hub.settings.production gunicorn hub.wsgi

Every value can still be overridden on the command line or in GUNICORN_CMD_ARGS; WEB_CONCURRENCY sets the
number of workers (gunicorn's own convention).
"""

import gc
import multiprocessing
import os

bind = os.environ.get("HUB_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
# Threads keep connections alive between an embassy site's requests; each worker still runs one Python thread
# at a time, so more processes than cores keep the cores busy while a thread waits on the database.
worker_class = "gthread"
threads = int(os.environ.get("HUB_THREADS_PER_WORKER", "2"))
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

