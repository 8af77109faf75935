"""The indexing outbox: every change that may affect the search index, recorded with the change itself."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IndexTarget(models.TextChoices):
    """What an outbox entry asks the worker to bring in line with the database."""

    PAGE = "page", _("One page")
    SUBTREE = "subtree", _("A page and everything below it")
    MISSION = "mission", _("Every page of a mission")
    TOPIC = "topic", _("Every page filed under a topic")
    IMAGE = "image", _("One image (asset index)")
    DOCUMENT = "document", _("One document (asset index)")


# A reindex re-applies the outbox entries written since shortly before it started: an entry is stamped when
# its transaction writes it, which may be a little before that transaction commits.
REINDEX_REPLAY_MARGIN = timedelta(minutes=5)


class IndexOutboxQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(processed_at__isnull=True)

    def due(self, *, at=None):
        return self.pending().filter(next_attempt_at__lte=at or timezone.now())


class IndexOutbox(models.Model):
    """One change the search index has to follow, written in the same transaction as the change.

    Entries say *what* to look at, not what to write: the worker re-reads the database when it applies
    them, so they can be applied late, twice or out of order and the index still ends up right.
    Applied entries are kept for a while (they tell a reindex what changed while it ran).
    """

    target = models.CharField(max_length=16, choices=IndexTarget.choices)
    target_id = models.BigIntegerField(help_text=_("Page, mission, topic, image or document id, depending on the target."))
    reason = models.CharField(max_length=40, help_text=_("The change that was recorded, e.g. 'publish' or 'move'."))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    objects = IndexOutboxQuerySet.as_manager()

    class Meta:
        verbose_name = _("index outbox entry")
        verbose_name_plural = _("index outbox")
        indexes = [models.Index(fields=["processed_at", "next_attempt_at"], name="hub_search_outbox_due")]

    def __str__(self) -> str:
        return f"{self.reason}: {self.target} {self.target_id}"


class PageSearchText(models.Model):
    """The words of one indexable page for the database fallback: as written (case ignored) and folded (accents
    ignored too), so that `chuyen doi so` finds `chuyển đổi số` on SQLite and PostgreSQL alike, and exact
    diacritics can rank first. Kept by the signal handlers that write the outbox, in the same transaction, with
    or without an engine; only pages `pages_indexable()` holds have a row (see `search.services.page_texts_sync`).

    Each text is a run of words with a space at each end (`search.folding.word_run`).
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+")
    title = models.TextField()
    title_folded = models.TextField()
    summary = models.TextField()
    summary_folded = models.TextField()
    body = models.TextField()
    body_folded = models.TextField()
    labels_folded = models.TextField(help_text=_("The page's kind and tags, folded."))

    class Meta:
        verbose_name = _("page search text")
        verbose_name_plural = _("page search texts")

    def __str__(self) -> str:
        return f"search text of page {self.page_id}"
