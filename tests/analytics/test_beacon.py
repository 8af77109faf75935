"""The beacon script: under 1 KB, served as a static file, included by the reference site on its pages (with the
page's id), never in a preview."""

from django.contrib.staticfiles import finders

from embassies import factories as content


def test_the_script_is_under_one_kilobyte_and_honours_dnt_and_gpc():
    script = open(finders.find("frontend_templates/analytics.js"), "rb").read()
    assert len(script) <= 1024
    text = script.decode()
    for needed in ("sendBeacon", "doNotTrack", "globalPrivacyControl", "text/plain", "prerendering"):
        assert needed in text, needed
    assert "cookie" not in text.replace("no cookie", "") and "localStorage" not in text


def test_the_reference_site_includes_the_beacon_with_the_page_id(client, hanoi):
    page = content.article(content.section(hanoi), title="Visa hours during Tet")
    html = client.get(page.url).content.decode()
    assert f'analytics.js" data-page="{page.pk}" data-endpoint="/api/v1/analytics/hit" defer></script>' in html


def test_a_preview_sends_no_beacon(client, hanoi, staff):
    page = content.article(content.section(hanoi), title="Visa hours during Tet")
    client.force_login(staff["hanoi_editor"])
    preview = client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert preview.status_code == 200 and "Visa hours during Tet" in preview.content.decode()
    assert "analytics.js" not in preview.content.decode()
