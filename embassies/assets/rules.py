"""The rules a page must meet about the assets it uses, checked when the page form is saved:

- a page may newly use only assets the editor may choose (their mission's or shared) whose licence and usage
  rights allow it (``selectors.asset_use_problem``); uses the page already had keep working;
- a page can be published or approved only when every image it uses has alt text, in the page's language (from the
  image's per-locale wording) or the image's default alt text. Drafts may be saved without.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from wagtail.models import Page, ReferenceIndex

from embassies.models import HubDocument, HubImage
from embassies.models.pages import page_mission_id

from .selectors import asset_use_problem, choosable_by


@dataclass
class AssetRuleError:
    """One broken rule: the form field it belongs to (None for the page as a whole) and what to tell the editor."""

    field: str | None
    message: str


def image_alt_text(image: HubImage, *, language_code: str) -> str:
    """The image's alt text in a language: its per-locale wording, falling back to the default alt text."""
    localised = (image.translations or {}).get(language_code) or {}
    return (localised.get("alt_text") or image.alt_text or "").strip()


def _asset_references(obj) -> dict[tuple[type, int], str]:
    """{(asset model, id): field name} for every image and document an unsaved or saved page object refers to."""
    models_by_type = {ContentType.objects.get_for_model(model).pk: model for model in (HubImage, HubDocument)}
    found = {}
    for content_type_id, object_id, model_path, _content_path in ReferenceIndex._extract_references_from_object(obj):
        model = models_by_type.get(content_type_id)
        if model is not None and object_id.isdigit():
            found.setdefault((model, int(object_id)), model_path.split(".")[0])
    return found


def _existing_references(page: Page) -> set[tuple[type, int]]:
    """Assets the page already uses, live or in its latest draft: those uses stay allowed."""
    if not page.pk:
        return set()
    existing = set()
    stored = Page.objects.filter(pk=page.pk).first()
    if stored is not None:
        existing |= set(_asset_references(stored.specific))
        revision = stored.get_latest_revision()
        if revision is not None:
            existing |= set(_asset_references(revision.as_object()))
    return existing


def page_asset_errors(*, page: Page, user, mission_id: int | None, publishing: bool) -> list[AssetRuleError]:
    """Everything wrong with the assets ``page`` (the submitted, unsaved state) uses."""
    used = _asset_references(page)
    new = set(used) - _existing_references(page)
    assets = {}
    for model in (HubImage, HubDocument):
        ids = [pk for (m, pk) in used if m is model]
        assets.update({(model, asset.pk): asset for asset in model.objects.filter(pk__in=ids)})

    errors = []
    for key in sorted(new, key=lambda k: (k[0].__name__, k[1])):
        asset, field = assets.get(key), used[key]
        if asset is None:
            continue
        if not choosable_by(key[0], user=user).filter(pk=asset.pk).exists():
            errors.append(AssetRuleError(field, _("'%(title)s' is not available to your mission.") % {"title": asset.title}))
            continue
        problem = asset_use_problem(asset, page_model=type(page), mission_id=mission_id)
        if problem:
            errors.append(
                AssetRuleError(
                    field,
                    _("'%(title)s' cannot be newly used here: %(problem)s.") % {"title": asset.title, "problem": problem},
                )
            )

    if publishing:
        language_code = page.locale.language_code if page.locale_id else None
        missing = [
            asset
            for (model, _pk), asset in sorted(assets.items(), key=lambda item: item[1].title)
            if model is HubImage and not image_alt_text(asset, language_code=language_code)
        ]
        for image in missing:
            field = used[(HubImage, image.pk)]
            errors.append(
                AssetRuleError(
                    field,
                    _("Add alt text to the image '%(title)s' before publishing (in %(language)s or the default).")
                    % {"title": image.title, "language": language_code},
                )
            )
    return errors


def page_asset_warnings(*, page: Page) -> list[str]:
    """Assets a page already uses although their rights expired or their licence does not allow this page: they keep
    working, and the editor is told to replace them."""
    latest = page.get_latest_revision_as_object() if page.pk else page
    used = _asset_references(latest)
    if not used:
        return []
    mission_id = page_mission_id(page)
    warnings = []
    for model in (HubImage, HubDocument):
        ids = [pk for (m, pk) in used if m is model]
        for asset in model.objects.filter(pk__in=ids).order_by("title"):
            problem = asset_use_problem(asset, page_model=type(latest), mission_id=mission_id)
            if problem:
                warnings.append(
                    _("This page uses '%(title)s' (%(problem)s): it keeps working here, but consider replacing it.")
                    % {"title": asset.title, "problem": problem}
                )
    return warnings
