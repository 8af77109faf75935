"""What an asset search asks for, validated: text, filters and page. Bad values raise ValidationError keyed by
parameter (the API answers 400, the chooser shows the form error); nothing unchecked reaches a backend."""

import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from embassies.models import AssetKind, AssetLicence

from ..criteria import MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, SLUG, _integer, _values
from .index import ASSET_TYPES

ORIENTATIONS = ("landscape", "portrait", "square")
ASSET_FACETS = {"image": ("kind", "mission", "licence", "orientation", "tags", "year"),
                "document": ("kind", "mission", "licence", "tags", "year")}
IMAGE_ONLY = ("orientation", "min_width")
TRUE, FALSE = {"true", "1", "yes"}, {"false", "0", "no", ""}
YEAR = re.compile(r"^\d{4}$")
MAX_IMAGE_WIDTH = 100_000


@dataclass(frozen=True)
class AssetCriteria:
    asset_type: str = "image"
    q: str = ""
    kinds: tuple[str, ...] = ()
    licences: tuple[str, ...] = ()
    missions: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    orientation: str = ""
    min_width: int | None = None
    usable_now: bool = False
    page: int = 1
    page_size: int = 20

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    @property
    def facets(self) -> tuple[str, ...]:
        return ASSET_FACETS[self.asset_type]


def _boolean(name: str, raw, errors: dict) -> bool:
    if isinstance(raw, bool):
        return raw
    value = "" if raw is None else str(raw).strip().lower()
    if value in TRUE:
        return True
    if value not in FALSE:
        errors[name] = [ValidationError(_("Use true or false."), code="invalid")]
    return False


def asset_criteria(
    *, asset_type: str = "image", q=None, kind=None, licence=None, mission=None, tag=None, year=None,
    orientation=None, min_width=None, usable_now=None, page=1, page_size=20,
) -> AssetCriteria:
    """Validate raw parameters (strings or lists, as the API and the chooser receive them) into criteria."""
    if asset_type not in ASSET_TYPES:
        raise ValueError(f"Unknown asset type {asset_type!r}")
    errors: dict[str, list[ValidationError]] = {}
    q = q if isinstance(q, str) else ("" if q is None else None)
    if q is None:
        errors["q"] = [ValidationError(_("The query must be text."), code="invalid")]
        q = ""
    q = unicodedata.normalize("NFC", q).strip()
    if len(q) > MAX_QUERY_LENGTH or "\x00" in q:
        errors["q"] = [ValidationError(_("At most %(max)s characters, no null characters."), params={"max": MAX_QUERY_LENGTH}, code="invalid")]
    if asset_type != "image":
        for name, raw in (("orientation", orientation), ("min_width", min_width)):
            if raw not in (None, ""):
                errors[name] = [ValidationError(_("Only images can be filtered by this."), code="not_applicable")]
        orientation = min_width = None
    years = _values("year", year, errors, pattern=YEAR)
    criteria = dict(
        asset_type=asset_type,
        q=q,
        kinds=_values("kind", kind, errors, allowed=set(AssetKind.values)),
        licences=_values("licence", licence, errors, allowed=set(AssetLicence.values)),
        missions=_values("mission", mission, errors, pattern=SLUG),
        tags=_values("tag", tag, errors),
        years=tuple(int(value) for value in years),
        orientation=(_values("orientation", orientation, errors, allowed=set(ORIENTATIONS)) or ("",))[0],
        min_width=_integer("min_width", min_width, errors, default=0, low=1, high=MAX_IMAGE_WIDTH) or None,
        usable_now=_boolean("usable_now", usable_now, errors),
        page=_integer("page", page, errors, default=1, low=1, high=MAX_PAGE),
        page_size=_integer("page_size", page_size, errors, default=20, low=1, high=MAX_PAGE_SIZE),
    )
    if errors:
        raise ValidationError(errors)
    return AssetCriteria(**criteria)
