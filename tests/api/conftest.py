"""Content for API tests: one public article with a translation, and every kind of thing that must never leak."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from embassies import factories as content
from embassies.models import ArticlePage
from press.factories import embargoed_release

SECRET = "SECRET"  # in the title of everything the public must never see


def _restrict(page, restriction_type, **kwargs):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **kwargs)
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.first())
    return restriction


@pytest.fixture
def network_content(hanoi, paris):
    """Hanoi publishes a tagged article (vi, translated to en) with a hero image and a document.

    Around it: a draft, a scheduled page, an expired page, password-, login- and group-restricted
    pages, a live page with an unapproved newer revision, a draft translation, an embargoed press release
    (scheduled, read by accredited journalists only) with its own image and document, and a private image
    and document of Paris used nowhere public.
    """
    news = content.section(hanoi)
    public_image = content.image(title="Ha Long Bay at dawn", collection=hanoi.collection, credit="Photo: Embassy")
    public_document = content.document(title="Visa checklist", collection=hanoi.collection)
    article = content.article(
        news,
        title="Chuyển đổi số trong ngoại giao",
        summary="Đại sứ quán khai trương trung tâm báo chí trực tuyến.",
        hero_image=public_image,
        body=[
            ("rich_text", "<p>Trung tâm báo chí trực tuyến mở cửa.</p>"),
            ("document", {"document": public_document, "title": "", "description": ""}),
        ],
        share_text_x="Trung tâm báo chí trực tuyến đã mở cửa!",
    )
    article.tags.add("Digital diplomacy")
    article.save_revision().publish()
    english = article.copy_for_translation(hanoi.home_pages.get(locale__language_code="en").locale)
    english.title = "Digital transformation in diplomacy"
    english.save_revision().publish()
    english.refresh_from_db()

    secret_image = content.image(title=f"{SECRET} private image", collection=hanoi.collection)
    draft = content.article(news, title=f"{SECRET} draft", live=False, hero_image=secret_image)
    scheduled = content.article(news, title=f"{SECRET} scheduled", live=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=3)
    scheduled.save_revision().publish()  # with a future go-live, publishing only schedules it
    expired = content.article(news, title=f"{SECRET} expired")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=5))
    password = content.article(news, title=f"{SECRET} password protected", hero_image=secret_image)
    _restrict(password, PageViewRestriction.PASSWORD, password="letmein")
    login = content.article(news, title=f"{SECRET} staff only")
    _restrict(login, PageViewRestriction.LOGIN)
    group = content.article(news, title=f"{SECRET} group only")
    _restrict(group, PageViewRestriction.GROUPS)
    revised = content.article(news, title="Consular hours for Tet")
    revised.title = f"{SECRET} unapproved revision"
    revised.save_revision()
    draft_translation = revised.copy_for_translation(english.locale)
    draft_translation.title = f"{SECRET} draft translation"
    draft_translation.save_revision()
    embargo_image = content.image(title=f"{SECRET} embargoed photo", collection=hanoi.collection)
    embargo_document = content.document(title=f"{SECRET} embargoed annex", collection=hanoi.collection)
    embargoed = embargoed_release(
        hanoi, title=f"{SECRET} embargoed release", hero_image=embargo_image,
        body=[
            ("rich_text", f"<p>{SECRET} text under embargo</p>"),
            ("document", {"document": embargo_document, "title": "", "description": ""}),
        ],
    )
    paris_image = content.image(title=f"{SECRET} Paris private image", collection=paris.collection)
    paris_document = content.document(title=f"{SECRET} Paris internal memo", collection=paris.collection)
    return {
        "article": article,
        "english": english,
        "revised": revised,
        "public_image": public_image,
        "public_document": public_document,
        "secret_pages": [draft, scheduled, expired, password, login, group, embargoed],
        "secret_images": [secret_image, paris_image, embargo_image],
        "secret_documents": [paris_document, embargo_document],
        "draft_translation": draft_translation,
    }
