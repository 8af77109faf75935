"""The demo network's content, read from the data files in `demo/data/`: one YAML file per mission (the mission,
its images and documents, its pages with their translations), `network.yaml` (missions in seeding order, topics,
staff accounts), `closures.yaml` (consular closures for public holidays) and `reviews.yaml` (content in every
state of review).

Values relative to the day of seeding stay expressions in the files and are worked out here:
`!days_since {month: 5, day: 21}` is the number of days since the latest 21 May (`years_back: 1`: the one before),
`!minus_days_since` the same negated (an event that began then), and a page `closure: {holiday, languages}` is
the closure notice for that holiday's latest period that has ended. Bodies name assets with `!image key` and
`!document key`. A file that does not fit the shapes of `demo.spec` is refused with `DemoDataError` naming the file and entry.
"""

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from hub.roles import Role

from .spec import (
    DECIDED_STATES,
    REVIEW_STATES,
    DocumentRef,
    DocumentSpec,
    Event,
    ImageRef,
    ImageSpec,
    MissionSpec,
    Notice,
    PageSpec,
    ReviewSpec,
    StaffSpec,
    Version,
)

DATA = Path(__file__).resolve().parent / "data"

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
}


class DemoDataError(ValueError):
    """A demo data file that does not describe valid content; the message names the file and the entry."""


@dataclass(frozen=True)
class DemoContent:
    """Everything the seed writes, as plain values."""

    missions: tuple[MissionSpec, ...]
    topics: dict[str, dict[str, str]]
    topic_descriptions: dict[str, str]
    staff: tuple[StaffSpec, ...]
    images: tuple[ImageSpec, ...]
    documents: tuple[DocumentSpec, ...]
    pages: dict[str, tuple[PageSpec, ...]]
    reviews: tuple[ReviewSpec, ...] = ()


def days_since(month: int, day_of_month: int, *, years_back: int = 0, today: date | None = None) -> int:
    """Days since the latest past `day_of_month`/`month` (or one `years_back` before it), for yearly occasions."""
    today = today or date.today()
    occasion = date(today.year, month, day_of_month)
    if occasion > today:
        occasion = date(today.year - 1, month, day_of_month)
    return (today - occasion.replace(year=occasion.year - years_back)).days


def long_date(when: date, language_code: str) -> str:
    """A date as a reader of the language writes it: 3 February, 3 février, ngày 3/2, 2月3日."""
    if language_code == "vi":
        return f"ngày {when.day}/{when.month}"
    if language_code == "ja":
        return f"{when.month}月{when.day}日"
    month = _MONTHS[language_code][when.month - 1]
    return f"{when.day} de {month}" if language_code == "es" else f"{when.day} {month}"


class _Loader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):
    """YAML with the demo's tags: !image, !document, !days_since, !minus_days_since."""


def _days_since(loader, node, sign=1):
    fields = loader.construct_mapping(node)
    try:
        return sign * days_since(fields["month"], fields["day"], years_back=fields.get("years_back", 0), today=loader.today)
    except (KeyError, TypeError, ValueError) as error:
        raise DemoDataError(f"line {node.start_mark.line + 1}: {node.tag} needs month and day ({error})") from error


_Loader.add_constructor("!image", lambda loader, node: ImageRef(loader.construct_scalar(node)))
_Loader.add_constructor("!document", lambda loader, node: DocumentRef(loader.construct_scalar(node)))
_Loader.add_constructor("!days_since", _days_since)
_Loader.add_constructor("!minus_days_since", lambda loader, node: _days_since(loader, node, sign=-1))


def _read(data_dir: Path, name: str, today: date) -> dict:
    path = data_dir / name
    try:
        with path.open(encoding="utf-8") as file:
            loader = _Loader(file)
            loader.today = today
            try:
                data = loader.get_single_data()
            finally:
                loader.dispose()
    except FileNotFoundError as error:
        raise DemoDataError(f"{name} is missing") from error
    except (yaml.YAMLError, DemoDataError) as error:
        raise DemoDataError(f"{name}: {error}") from error
    if not isinstance(data, dict):
        raise DemoDataError(f"{name}: expected a mapping at the top")
    return data


def _build(cls, data: Any, where: str, **converted):
    """`cls(**data)`, refusing unknown or missing fields with their names; lists become the spec's tuples."""
    if not isinstance(data, dict):
        raise DemoDataError(f"{where}: expected a mapping of {cls.__name__} fields, found {data!r}")
    names = {field.name for field in dataclasses.fields(cls)}
    required = {
        field.name for field in dataclasses.fields(cls)
        if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
    }
    if unknown := sorted(set(data) - names):
        raise DemoDataError(f"{where}: unknown field(s) {', '.join(unknown)}; {cls.__name__} has {', '.join(sorted(names))}")
    if missing := sorted(required - set(data) - set(converted)):
        raise DemoDataError(f"{where}: missing field(s) {', '.join(missing)}")
    values = {name: tuple(value) if isinstance(value, list) else value for name, value in data.items()}
    return cls(**(values | converted))


def _version(data: dict, where: str) -> Version:
    body = data.get("body", [])
    if not isinstance(body, list) or not all(isinstance(block, dict) and len(block) == 1 for block in body):
        raise DemoDataError(f"{where}: body must be a list of one-key mappings (block type: value)")
    return _build(Version, data, where, body=tuple(next(iter(block.items())) for block in body))


def _page(data: dict, where: str) -> PageSpec:
    versions = data.get("versions")
    if not isinstance(versions, dict) or not versions:
        raise DemoDataError(f"{where}: a page needs versions, one per language, the source language first")
    converted = {"versions": {code: _version(version, f"{where}, {code}") for code, version in versions.items()}}
    if data.get("event") is not None:
        converted["event"] = _build(Event, data["event"], f"{where}, event")
    if data.get("notice") is not None:
        converted["notice"] = _build(Notice, data["notice"], f"{where}, notice")
    return _build(PageSpec, data, where, **converted)


def _closure(mission: MissionSpec, data: dict, closures: dict, where: str, today: date) -> PageSpec:
    """The closure notice of the holiday's latest period that has ended: announced ten days before, expired now."""
    holiday = closures["holidays"].get(data.get("holiday"))
    if holiday is None:
        raise DemoDataError(f"{where}: unknown holiday {data.get('holiday')!r}; closures.yaml has {', '.join(closures['holidays'])}")
    ended = [tuple(period) for period in holiday["periods"] if period[1] < today]
    if not ended:
        raise DemoDataError(f"{where}: no period of {data['holiday']} has ended yet; add one to closures.yaml")
    first, last = max(ended)
    reopening = last + timedelta(days=1)
    while reopening.weekday() >= 5:
        reopening += timedelta(days=1)
    announced = (today - first).days + 10
    page = closures["page"]
    versions = {}
    for code in data["languages"]:
        text = closures["texts"][code]
        words = {"name": holiday["names"][code], "phone": mission.contact.get("emergency_phone", "")}
        words |= {key: long_date(when, code) for key, when in (("start", first), ("end", last), ("back", reopening))}
        if "when" in text:
            words["when"] = text["when"]["one_day" if first == last else "several_days"].format(**words)
        body = "".join(f"<p>{paragraph.format(**words)}</p>" for paragraph in text["paragraphs"])
        versions[code] = Version(
            title=text["title"].format(**words), summary=text["summary"].format(**words), body=(("rich_text", body),)
        )
    return PageSpec(
        slug=f"closure-{data['holiday']}-{first.year}",
        section=page["section"],
        versions=versions,
        notice=Notice(
            page["notice_type"], page["severity"], valid_from_days_ago=announced,
            valid_for_days=announced + (last - today).days + 1,
        ),
        topics=tuple(page["topics"]),
        tags=tuple(page["tags"]),
    )


def _review(data: dict, where: str, *, missions: set[str], usernames: set[str]) -> ReviewSpec:
    if not isinstance(data, dict) or "page" not in data:
        raise DemoDataError(f"{where}: a review needs a page")
    review = _build(ReviewSpec, data, where, page=_page(data["page"], f"{where}, page"))
    if review.state not in REVIEW_STATES:
        raise DemoDataError(f"{where}: state {review.state!r} is not one of {', '.join(REVIEW_STATES)}")
    if review.mission not in missions:
        raise DemoDataError(f"{where}: unknown mission {review.mission!r}")
    if unknown := sorted({review.author, review.reviewer} - usernames - {""}):
        raise DemoDataError(f"{where}: {', '.join(unknown)} is not a demo account of network.yaml")
    decided = review.state in DECIDED_STATES
    if decided and not (review.reviewer and review.decided_hours_ago is not None):
        raise DemoDataError(f"{where}: a {review.state} review needs a reviewer and decided_hours_ago")
    if decided and not 0 <= review.decided_hours_ago < review.submitted_hours_ago:
        raise DemoDataError(f"{where}: decided_hours_ago must be under submitted_hours_ago (decided after submitting)")
    if review.state == "scheduled" and review.go_live_in_days < 1:
        raise DemoDataError(f"{where}: a scheduled review needs go_live_in_days of 1 or more")
    return review


def _references(value) -> list:
    """Every ImageRef and DocumentRef inside a block value."""
    if isinstance(value, (ImageRef, DocumentRef)):
        return [value]
    if isinstance(value, dict):
        return [ref for item in value.values() for ref in _references(item)]
    if isinstance(value, (list, tuple)):
        return [ref for item in value for ref in _references(item)]
    return []


def _check_references(content: DemoContent, data_dir: Path) -> None:
    for spec in (*content.images, *content.documents):
        if not (data_dir / spec.file).is_file():
            raise DemoDataError(f"{spec.mission}.yaml, {spec.key}: no file {spec.file} under {data_dir}")
    images = {spec.key for spec in content.images}
    documents = {spec.key for spec in content.documents}
    review_pages = [(f"reviews.yaml ({review.mission})", review.page) for review in content.reviews]
    mission_pages = [(f"{slug}.yaml", page) for slug, pages in content.pages.items() for page in pages]
    for file_name, page in [*mission_pages, *review_pages]:
        where = f"{file_name}, page {page.slug}"
        if page.hero and page.hero not in images:
            raise DemoDataError(f"{where}: hero image {page.hero!r} is not among the network's images")
        if unknown := sorted(set(page.topics) - set(content.topics)):
            raise DemoDataError(f"{where}: unknown topic(s) {', '.join(unknown)}")
        for code, version in page.versions.items():
            for ref in _references([value for _type, value in version.body]):
                known = images if isinstance(ref, ImageRef) else documents
                if ref.key not in known:
                    raise DemoDataError(f"{where}, {code}: {type(ref).__name__} {ref.key!r} is not in any data file")


def demo_content(*, today: date | None = None, data_dir: Path = DATA) -> DemoContent:
    """Read every data file (a few hundred milliseconds); dates relative to `today` (default: the real today)."""
    today = today or date.today()
    network = _read(data_dir, "network.yaml", today)
    closures = _read(data_dir, "closures.yaml", today)
    missions, images, documents, pages = [], [], [], {}
    for slug in network["missions"]:
        name = f"{slug}.yaml"
        data = _read(data_dir, name, today)
        mission = _build(MissionSpec, data.get("mission"), f"{name}, mission")
        if mission.slug != slug:
            raise DemoDataError(f"{name}: the mission's slug is {mission.slug!r}, not {slug!r}")
        missions.append(mission)
        for index, item in enumerate(data.get("images", [])):
            images.append(_build(ImageSpec, item, f"{name}, images[{index}]", mission=slug))
        for index, item in enumerate(data.get("documents", [])):
            documents.append(_build(DocumentSpec, item, f"{name}, documents[{index}]", mission=slug))
        mission_pages = []
        for index, item in enumerate(data.get("pages", [])):
            where = f"{name}, pages[{index}]"
            if isinstance(item, dict) and set(item) == {"closure"}:
                mission_pages.append(_closure(mission, item["closure"], closures, where, today))
            else:
                mission_pages.append(_page(item, f"{where} ({item.get('slug') if isinstance(item, dict) else item})"))
        pages[slug] = tuple(mission_pages)
    staff = []
    for index, item in enumerate(network.get("staff", [])):
        role = item.get("role") if isinstance(item, dict) else None
        try:
            converted = {"role": Role(role)} if role is not None else {}
        except ValueError as error:
            raise DemoDataError(f"demo/data/network.yaml, staff[{index}]: unknown role {role!r}") from error
        staff.append(_build(StaffSpec, item, f"demo/data/network.yaml, staff[{index}]", **converted))
    topics = network["topics"]
    known = {"missions": {mission.slug for mission in missions}, "usernames": {spec.username for spec in staff}}
    reviews = tuple(
        _review(item, f"reviews.yaml, reviews[{index}]", **known)
        for index, item in enumerate(_read(data_dir, "reviews.yaml", today).get("reviews", []))
    )
    content = DemoContent(
        missions=tuple(missions),
        topics={slug: topic["names"] for slug, topic in topics.items()},
        topic_descriptions={slug: topic["description"] for slug, topic in topics.items()},
        staff=tuple(staff),
        images=tuple(images),
        documents=tuple(documents),
        pages=pages,
        reviews=reviews,
    )
    _check_references(content, data_dir)
    return content
