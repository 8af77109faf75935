"""Asset search against the live engine and the database fallback: scope (own mission + shared, or public only),
text in every locale, filters, facets, highlights, the outbox keeping the asset index in step, reindex and check."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from embassies import factories as content
from search.assets.index import asset_key
from search.assets.selectors import assets_search
from search.assets.services import asset_gateway, assets_check, assets_reindex

from .helpers import drain, image, publish_article


@pytest.fixture
def library(hanoi, paris):
    """Hanoi's private image, Paris's shared and private ones, with wording in several languages."""
    return {
        "hanoi_private": image(hanoi, "Lễ hội Trung thu ở Hà Nội", alt_text="Children with lanterns", credit="Embassy in Hanoi",
                               kind="photo", text_language="vi"),
        "paris_shared": image(
            paris, "Tour Eiffel au coucher du soleil", caption="Vue depuis le Trocadéro", credit="Photo: Marie Dupont",
            is_shared=True, kind="photo", licence="cc-by", text_language="fr", size=(400, 800),
            translations={"vi": {"title": "Tháp Eiffel lúc hoàng hôn"}, "en": {"alt_text": "The Eiffel Tower at sunset"}},
        ),
        "paris_private": image(paris, "Tour Eiffel, réception privée", kind="photo", text_language="fr"),
    }


@pytest.fixture
def asset_index(search_engine, library):
    """The live engine with a fresh asset index holding the library."""
    assets_reindex()
    return asset_gateway(search_engine)


def ids(results) -> set[int]:
    return {hit.asset.pk for hit in results.hits}


def test_editor_finds_own_and_shared_images_never_another_missions_private_one(asset_index, library, staff):
    results = assets_search(user=staff["hanoi_editor"], query="eiffel")
    assert results.backend == "opensearch"
    assert ids(results) == {library["paris_shared"].pk}
    everything = assets_search(user=staff["hanoi_editor"], query="")
    assert ids(everything) == {library["hanoi_private"].pk, library["paris_shared"].pk}
    assert everything.total == 2
    assert {bucket.value: bucket.count for bucket in everything.facets["mission"]} == {"hanoi": 1, "paris": 1}
    assert library["paris_private"].pk in ids(assets_search(user=staff["paris_editor"], query="eiffel"))


@pytest.mark.parametrize("query", ["thap eiffel", "Tháp Eiffel hoàng hôn", "coucher soleil", "Eiffel sunset", "Dupont", "trocadero"])
def test_text_in_every_locale_matches(asset_index, library, staff, query):
    results = assets_search(user=staff["hanoi_editor"], query=query)
    assert ids(results) == {library["paris_shared"].pk}, query


def test_hits_carry_highlights_and_facets(asset_index, library, staff):
    results = assets_search(user=staff["paris_editor"], query="coucher")
    (hit,) = results.hits
    assert hit.highlights["title"] == ["Tour Eiffel au <mark>coucher</mark> du soleil"]
    facets = {name: {bucket.value: bucket.count for bucket in buckets} for name, buckets in results.facets.items()}
    assert facets["orientation"] == {"portrait": 1}
    assert facets["licence"] == {"cc-by": 1}
    assert facets["year"] == {str(dt.date.today().year): 1}


def test_filters(asset_index, library, staff, hanoi, paris):
    editor = staff["hanoi_editor"]
    expired = image(paris, "Old Eiffel poster", is_shared=True, usage_rights_expire_at=dt.date.today() - dt.timedelta(days=1))
    restricted = image(paris, "Eiffel restricted", is_shared=True, licence="restricted", size=(1200, 1200))
    tagged = image(hanoi, "Hoan Kiem lake", kind="map", size=(2000, 1000))
    tagged.tags.add("lakes")
    drain()
    asset_index.index_refresh()
    assert ids(assets_search(user=editor, query="eiffel")) == {library["paris_shared"].pk, expired.pk, restricted.pk}
    assert ids(assets_search(user=editor, query="eiffel", filters={"usable_now": "true"})) == {library["paris_shared"].pk}
    assert ids(assets_search(user=editor, query="", filters={"orientation": "portrait"})) == {library["paris_shared"].pk}
    assert ids(assets_search(user=editor, query="", filters={"orientation": "square"})) == {restricted.pk}
    assert ids(assets_search(user=editor, query="", filters={"min_width": "1500"})) == {tagged.pk}
    assert ids(assets_search(user=editor, query="", filters={"kind": "map"})) == {tagged.pk}
    assert ids(assets_search(user=editor, query="", filters={"tag": "lakes"})) == {tagged.pk}
    assert ids(assets_search(user=editor, query="", filters={"licence": "restricted"})) == {restricted.pk}
    assert ids(assets_search(user=editor, query="", filters={"mission": "hanoi"})) == {library["hanoi_private"].pk, tagged.pk}
    assert not assets_search(user=editor, query="", filters={"year": "1999"}).hits


def test_bad_filter_values_raise_validation_errors_keyed_by_parameter(asset_index, staff):
    with pytest.raises(ValidationError) as error:
        assets_search(user=staff["hanoi_editor"], query="x", filters={"orientation": "diagonal", "min_width": "wide",
                                                                     "usable_now": "maybe", "licence": "stolen"})
    assert set(error.value.message_dict) == {"orientation", "min_width", "usable_now", "licence"}
    with pytest.raises(ValidationError) as error:
        assets_search(asset_type="document", query="x", filters={"orientation": "portrait"})
    assert set(error.value.message_dict) == {"orientation"}


def test_a_stale_index_never_leaks_an_unshared_image(asset_index, library, staff):
    shared = library["paris_shared"]
    shared.is_shared = False
    shared.save()  # the outbox entry is left undrained: the index still says "shared"
    assert asset_index.document(asset_key("image", shared.pk))["is_shared"] is True
    assert ids(assets_search(user=staff["hanoi_editor"], query="eiffel")) == set()


def test_the_outbox_follows_saves_tags_sharing_and_deletes(asset_index, library, staff):
    shared = library["paris_shared"]
    shared.title = "Notre-Dame de Paris"
    shared.save()
    shared.tags.add("cathedrals")
    drain()
    document = asset_index.document(asset_key("image", shared.pk))
    assert document["title_fr"] == "Notre-Dame de Paris" and document["tags"] == ["cathedrals"]
    asset_index.index_refresh()
    assert ids(assets_search(user=staff["hanoi_editor"], query="notre dame")) == {shared.pk}
    shared.is_shared = False
    shared.save()
    drain()
    assert asset_index.document(asset_key("image", shared.pk))["is_shared"] is False
    shared.delete()
    drain()
    assert asset_index.document(asset_key("image", shared.pk)) is None


def test_without_a_user_only_public_images_are_found(asset_index, library, hanoi):
    assert assets_search(query="").hits == []
    publish_article(hanoi, title="Mid-Autumn festival", language="vi", hero_image=library["hanoi_private"])
    assert ids(assets_search(query="")) == {library["hanoi_private"].pk}
    assert ids(assets_search(query="eiffel")) == set()


def test_documents_are_searched_apart_from_images(asset_index, hanoi, paris, staff):
    note = content.document(title="Visa checklist", collection=hanoi.collection, credit="Consular section")
    content.document(title="Visa fees Paris", collection=paris.collection)
    drain()
    asset_index.index_refresh()
    results = assets_search(user=staff["hanoi_editor"], asset_type="document", query="visa")
    assert ids(results) == {note.pk}
    assert set(results.facets) == {"kind", "mission", "licence", "tags", "year"}
    assert not assets_search(user=staff["hanoi_editor"], query="visa").hits  # images only


def test_reindex_and_check_cover_the_asset_index(asset_index, library, capsys):
    key = asset_key("image", library["hanoi_private"].pk)
    asset_index.bulk(upserts={}, deletes=[key], refresh=True)
    report = assets_check()
    assert report.missing == [key] and not report.stale and not report.extra
    call_command("search_check", "--repair", "--no-progress")
    assert assets_check().clean
    call_command("search_reindex")
    captured = capsys.readouterr()
    assert "Indexed 3 images and documents" in captured.out
    assert "3/3" in captured.err  # the assets' progress bar


@pytest.mark.django_db
def test_the_database_fallback_answers_in_the_same_shape(library, staff, settings):
    settings.HUB_SEARCH_ENGINE = ""
    results = assets_search(user=staff["hanoi_editor"], query="thap eiffel")
    assert results.backend == "database" and not results.degraded
    assert ids(results) == {library["paris_shared"].pk}
    assert "language_analysis" in results.simplified
    everything = assets_search(user=staff["hanoi_editor"], query="", filters={"orientation": "landscape"})
    assert ids(everything) == {library["hanoi_private"].pk}
    assert {bucket.value for bucket in everything.facets["mission"]} == {"hanoi"}
    marked = assets_search(user=staff["paris_editor"], query="coucher").hits[0].highlights["title"]
    assert marked == ["Tour Eiffel au <mark>coucher</mark> du soleil"]
    assert ids(assets_search(query="")) == set()  # no user: public images only, and none is used yet


def _chooser(client, user, path, params):
    client.force_login(user)
    response = client.get(path, params)
    assert response.status_code == 200
    return response.json()["html"] if response["Content-Type"].startswith("application/json") else response.content.decode()


@pytest.mark.parametrize("path", ["/admin/images/chooser/", "/admin/images/chooser/results/"])
def test_image_chooser_searches_own_and_shared_images_never_private_ones_of_others(client, asset_index, library, staff, path):
    html = _chooser(client, staff["hanoi_editor"], path, {"q": "eiffel"})
    assert "Tour Eiffel au coucher du soleil" in html
    assert "réception privée" not in html and "Trung thu" not in html
    html = _chooser(client, staff["hanoi_editor"], path, {"q": "thap eiffel hoang hon"})  # the Vietnamese wording
    assert "Tour Eiffel au coucher du soleil" in html
    listing = _chooser(client, staff["hanoi_editor"], path, {})
    assert "Lễ hội Trung thu" in listing and "Tour Eiffel au coucher du soleil" in listing
    assert "réception privée" not in listing


def test_image_chooser_filters_by_orientation_licence_and_usable_now(client, asset_index, library, staff, paris):
    image(paris, "Eiffel poster, rights expired", is_shared=True, usage_rights_expire_at=dt.date.today() - dt.timedelta(days=3))
    drain()
    asset_index.index_refresh()
    editor = staff["hanoi_editor"]
    path = "/admin/images/chooser/results/"
    assert "rights expired" in _chooser(client, editor, path, {"q": "eiffel"})
    usable = _chooser(client, editor, path, {"q": "eiffel", "usable_now": "on"})
    assert "rights expired" not in usable and "Tour Eiffel au coucher du soleil" in usable
    portrait = _chooser(client, editor, path, {"orientation": "portrait"})
    assert "Tour Eiffel au coucher du soleil" in portrait and "Trung thu" not in portrait
    assert "Trung thu" not in _chooser(client, editor, path, {"licence": "cc-by"})
    form = _chooser(client, editor, "/admin/images/chooser/", {})
    assert 'name="orientation"' in form and 'name="usable_now"' in form and 'name="kind"' in form


@pytest.mark.django_db
def test_choosers_search_the_database_without_an_engine(client, library, staff, hanoi, paris, settings):
    settings.HUB_SEARCH_ENGINE = ""
    html = _chooser(client, staff["hanoi_editor"], "/admin/images/chooser/results/", {"q": "eiffel"})
    assert "Tour Eiffel au coucher du soleil" in html and "réception privée" not in html
    content.document(title="Visa checklist Hanoi", collection=hanoi.collection)
    content.document(title="Visa checklist Paris private", collection=paris.collection)
    content.document(title="Visa checklist Paris shared", collection=paris.collection, is_shared=True)
    documents = _chooser(client, staff["hanoi_editor"], "/admin/documents/chooser/results/", {"q": "visa"})
    assert "Visa checklist Hanoi" in documents and "Visa checklist Paris shared" in documents
    assert "Paris private" not in documents
