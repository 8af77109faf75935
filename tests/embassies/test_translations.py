import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from embassies import factories as content


def test_explore(client, hanoi, staff):
    source = content.article(content.section(hanoi), title="Tin tức Hà Nội")
    en = Locale.objects.get(language_code="en")
    client.force_login(staff["paris_editor"])
    r = client.post(f"/admin/localize/submit/page/{source.pk}/", {"locales": [en.pk]})
    print("paris submit", r.status_code, r.get("Location"), Translation.objects.count())
    target = source.get_translation_or_none(en)
    print("target", target, target and target.get_parent(), target and target.live, target and target.owner)
    r = client.get("/admin/localize/reports/translations/")
    print("paris report", r.status_code, "Tin tức" in r.content.decode())
    client.force_login(staff["hanoi_editor"])
    r = client.get(f"/admin/localize/submit/page/{source.pk}/")
    print("hanoi get", r.status_code)
    es = Locale.objects.get(language_code="es")
    r = client.post(f"/admin/localize/submit/page/{source.pk}/", {"locales": [es.pk]})
    t = source.get_translation_or_none(es)
    print("hanoi es", r.status_code, t, t and [p.title for p in t.get_ancestors()], t and t.live)
