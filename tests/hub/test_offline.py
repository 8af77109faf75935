"""The hub works offline: no page of the admin or the site asks an outside server for anything (no Gravatar),
staff upload their own avatar, and the site has a favicon."""

import io
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

LOCAL_HOSTS = {"", "testserver", "localhost", "127.0.0.1"}


class _Resources(HTMLParser):
    """Every URL a browser would fetch while loading the page (not the links a reader may follow)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"img", "script", "source", "iframe", "video", "audio"} and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href") and not {"canonical", "alternate"} & set((attrs.get("rel") or "").split()):
            self.urls.append(attrs["href"])


def _outside_resources(html: str) -> list[str]:
    parser = _Resources()
    parser.feed(html)
    return [url for url in parser.urls if urlsplit(url).hostname not in LOCAL_HOSTS and urlsplit(url).hostname]


def _png(size=(64, 64)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0b2545").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_the_admin_asks_no_outside_server_for_avatars(client, staff):
    client.force_login(staff["hanoi_editor"])
    for path in ("/admin/", "/admin/account/"):
        html = client.get(path).content.decode()
        assert "gravatar" not in html.lower(), path
        assert _outside_resources(html) == [], path


def _account_form(user, avatar: SimpleUploadedFile) -> dict:
    """Wagtail's account settings form as the admin posts it, with `avatar` as the profile picture."""
    return {
        "name_email-first_name": user.first_name or "Lan",
        "name_email-last_name": user.last_name or "Nguyen",
        "name_email-email": user.email or "editor@hanoi.example",
        "avatar-avatar": avatar,
        "locale-preferred_language": "en",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    }


@pytest.mark.django_db
def test_a_staff_member_uploads_an_avatar_and_the_admin_shows_it(client, staff):
    editor = staff["hanoi_editor"]
    client.force_login(editor)
    response = client.post("/admin/account/", _account_form(editor, SimpleUploadedFile("me.png", _png(), "image/png")))
    assert response.status_code == 302
    editor.wagtail_userprofile.refresh_from_db()
    avatar = editor.wagtail_userprofile.avatar
    assert avatar and avatar.name.startswith("avatar_images/")
    assert avatar.url in client.get("/admin/").content.decode()
    account = client.get("/admin/account/").content.decode()
    assert 'src="None"' not in account and _outside_resources(account) == []  # the "reset" preview is local too


@pytest.mark.django_db
def test_an_avatar_that_is_not_an_image_is_refused(client, staff):
    editor = staff["hanoi_editor"]
    client.force_login(editor)
    fake = SimpleUploadedFile("me.png", b"<?php echo 'not an image'; ?>", "image/png")
    response = client.post("/admin/account/", _account_form(editor, fake))
    assert response.status_code == 200  # the form again, with its error
    assert "Upload a valid image" in response.content.decode()
    editor.wagtail_userprofile.refresh_from_db()
    assert not editor.wagtail_userprofile.avatar


@pytest.mark.django_db
def test_the_site_links_a_favicon_and_answers_favicon_ico(client, hanoi):
    html = client.get("/en/hanoi/").content.decode()
    assert _outside_resources(html) == []
    assert 'rel="icon" href="/static/frontend_templates/favicon.svg"' in html

    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/frontend_templates/favicon.ico"
    with Image.open(finders.find("frontend_templates/favicon.ico")) as icon:
        assert icon.format == "ICO" and icon.size[0] >= 16
    with open(finders.find("frontend_templates/favicon.svg")) as svg:
        assert svg.read().startswith("<svg")
