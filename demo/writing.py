"""Building blocks for writing demo content: body blocks, HTML snippets, dates relative to the seeding day.

They let content modules read as content rather than as StreamField JSON; images and documents are
named by key and resolved when the seed saves the page.
"""

from datetime import date, timedelta

from .spec import Block, DocumentRef, ImageRef


def p(*sentences: str) -> str:
    return f"<p>{' '.join(sentences)}</p>"


def h2(heading: str) -> str:
    return f"<h2>{heading}</h2>"


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def text(*html: str) -> Block:
    return ("rich_text", "".join(html))


def image(key: str, caption: str = "", credit: str = "") -> Block:
    return ("image", {"image": ImageRef(key), "caption": caption, "credit": credit})


def gallery(title: str, *images: tuple[str, str]) -> Block:
    return (
        "gallery",
        {"title": title, "images": [{"image": ImageRef(key), "caption": caption, "credit": ""} for key, caption in images]},
    )


def video(url: str, title: str, caption: str = "", poster: str = "") -> Block:
    return ("video", {"url": url, "title": title, "caption": caption, "poster": ImageRef(poster) if poster else None})


def quote(words: str, attribution: str, role: str = "") -> Block:
    return ("quote", {"quote": words, "attribution": attribution, "role": role})


def facts(title: str, *items: str) -> Block:
    return ("fact_box", {"title": title, "facts": list(items)})


def call_to_action(label: str, url: str) -> Block:
    return ("call_to_action", {"text": label, "page": None, "url": url})


def infographic(key: str, text_alternative: str, caption: str = "", credit: str = "") -> Block:
    return (
        "infographic",
        {"image": ImageRef(key), "text_alternative": text_alternative, "caption": caption, "credit": credit},
    )


def document(key: str, title: str = "", description: str = "") -> Block:
    return ("document", {"document": DocumentRef(key), "title": title, "description": description})


def day(offset: int) -> date:
    """The date `offset` days from the day the demo is seeded (negative: in the past)."""
    return date.today() + timedelta(days=offset)


def days_until(when: date) -> int:
    return (when - date.today()).days


_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
}


def long_date(when: date, language_code: str) -> str:
    """A date as a reader of the language writes it: 3 February, 3 février, ngày 3/2, 2月3日."""
    if language_code == "vi":
        return f"ngày {when.day}/{when.month}"
    if language_code == "ja":
        return f"{when.month}月{when.day}日"
    month = _MONTHS[language_code][when.month - 1]
    return f"{when.day} de {month}" if language_code == "es" else f"{when.day} {month}"


def cap(phrase: str) -> str:
    """The phrase with its first letter in capitals, to start a sentence ('l'ambassade' → 'L'ambassade')."""
    return phrase[:1].upper() + phrase[1:]


def days_since(month: int, day_of_month: int, *, years_back: int = 0) -> int:
    """Days since the latest past `day_of_month`/`month` (or one `years_back` before it), for yearly occasions."""
    today = date.today()
    occasion = date(today.year, month, day_of_month)
    if occasion > today:
        occasion = date(today.year - 1, month, day_of_month)
    return (today - occasion.replace(year=occasion.year - years_back)).days
