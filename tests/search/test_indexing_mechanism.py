"""The one index mechanism (search/indexing.py) knows nothing of pages or assets: a third index, over topics,
is nothing but an `IndexSpec`, and rebuilding, checking, repairing and syncing work for it unchanged."""

from dataclasses import replace

import pytest
from wagtail.models import Locale

from embassies.models import Topic
from search.documents import fingerprint
from search.gateway import SearchEngineError
from search.indexing import IndexSpec, index_check, index_rebuild, index_sync
from search.models import IndexTarget


def _topic_documents(keys: list[int], cache: dict) -> dict[int, dict]:
    documents = {}
    for topic in Topic.objects.filter(pk__in=keys).exclude(slug__startswith="unlisted-"):
        document = {"topic_id": topic.pk, "name": topic.name}
        documents[topic.pk] = {**document, "fingerprint": fingerprint(document)}
    return documents


TOPIC_INDEX = IndexSpec(
    name="topic",
    alias=lambda prefix: f"{prefix}topics",
    index_pattern=lambda prefix: f"{prefix}topics-*",
    body=lambda: {
        "settings": {"number_of_shards": 1, "number_of_replicas": 0},
        "mappings": {"dynamic": "strict", "properties": {
            "topic_id": {"type": "integer"}, "name": {"type": "text"}, "fingerprint": {"type": "keyword", "index": False},
        }},
    },
    keys_all=lambda: list(Topic.objects.order_by("pk").values_list("pk", flat=True)),
    documents_for=_topic_documents,
    keys_for_targets=lambda targets: {target_id for target, target_id in targets if target == IndexTarget.TOPIC},
    fingerprint_sort=({"topic_id": "asc"},),
    key_from_id=int,
)


def _topic(name: str, slug: str) -> Topic:
    return Topic.objects.create(name=name, slug=slug, locale=Locale.objects.get(language_code="en"))


@pytest.mark.django_db
def test_a_third_index_is_only_a_spec(search_engine):
    for number in range(7):
        _topic(f"Topic {number}", f"topic-{number}")
    unlisted = _topic("Not indexed", "unlisted-one")
    batches = []

    report = index_rebuild(TOPIC_INDEX, batch_size=3, progress=batches.append)

    listed = Topic.objects.exclude(pk=unlisted.pk).count()
    assert report.documents == listed and sum(batches) == Topic.objects.count() and all(n <= 3 for n in batches)
    gateway = TOPIC_INDEX.gateway()
    assert gateway.indices_behind_alias() == [report.index]
    assert index_check(TOPIC_INDEX).clean

    renamed = Topic.objects.get(slug="topic-1")
    renamed.name = "Digital diplomacy"
    renamed.save()
    gone = Topic.objects.get(slug="topic-2")
    gone_pk = gone.pk
    gone.delete()
    added = _topic("Maritime law", "maritime-law")

    check = index_check(TOPIC_INDEX, repair=True)
    assert (check.missing, check.stale, check.extra) == ([added.pk], [renamed.pk], [gone_pk])
    assert check.repaired.indexed == 2 and check.repaired.removed == 1
    assert index_check(TOPIC_INDEX).clean

    unlisted.slug = "now-listed"
    unlisted.save()
    synced = index_sync(TOPIC_INDEX, keys=TOPIC_INDEX.keys_for_targets([(IndexTarget.TOPIC, unlisted.pk)]), gateway=gateway)
    assert (synced.indexed, synced.removed, synced.failed) == (1, 0, {})
    assert index_check(TOPIC_INDEX).clean


@pytest.mark.django_db
def test_a_rebuild_the_engine_refuses_leaves_the_old_index_answering(search_engine):
    _topic("Consular services", "consular")
    first = index_rebuild(TOPIC_INDEX)

    def wrong_shape(keys, cache):
        return {key: {"topic_id": key, "undeclared": "a strict mapping refuses this"} for key in keys}

    broken = replace(TOPIC_INDEX, documents_for=wrong_shape)
    with pytest.raises(SearchEngineError, match="refused 1 topic documents"):
        index_rebuild(broken)

    gateway = TOPIC_INDEX.gateway()
    assert gateway.indices_behind_alias() == [first.index]
    assert gateway.indices_all() == [first.index]  # the half-built index was deleted
