"""Delivery attaches the page's social image in the post's crop: each fake receives an image of exactly that crop's
size (Facebook's photo, X's chunked upload, Telegram's sendPhoto, LinkedIn's image upload; Zalo fetches it by URL)."""

import io
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.files.images import ImageFile
from PIL import Image

from embassies import factories
from embassies.assets.sizes import SOCIAL_SIZES
from embassies.models import HubImage
from hub.models import MissionSocialAccount
from social import services
from social.delivery import deliver_due, outgoing
from social.models import SocialPost
from social.platforms.base import TokenSet

pytestmark = pytest.mark.django_db(transaction=False)

# The platform's own account id and token in each fake.
ACCOUNTS = {
    "facebook": ("1234567890", "fb-page-token"),
    "x": ("2244994945", "x-access-token"),
    "linkedin": ("2414183", "li-access-token"),
    "zalo": ("579745863508352884", "zalo-oa-token"),
}


def crop_size(size: str) -> tuple[int, int]:
    width, height = SOCIAL_SIZES[size].removeprefix("fill-").split("x")
    return int(width), int(height)


def decoded_size(data: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(data)).size


@pytest.fixture
def fakes(settings, telegram, fake_facebook, fake_x, fake_linkedin, fake_zalo):
    settings.HUB_SOCIAL_API_BASES = {"telegram": telegram.url, "facebook": fake_facebook.url, "x": fake_x.url,
                                     "linkedin": fake_linkedin.url, "zalo": fake_zalo.url}
    settings.HUB_API_BASE_URL = "https://hub.example.org"
    return {"telegram": telegram, "facebook": fake_facebook, "x": fake_x, "linkedin": fake_linkedin, "zalo": fake_zalo}


@pytest.fixture
def photo(paris):
    """A large original (2400 × 2400), so that every crop is cut at its full named size."""
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 2400), (40, 120, 200)).save(buffer, "JPEG")
    return HubImage.objects.create(title="Fête au jardin", collection=paris.collection, alt_text="Des enfants au jardin",
                                   file=ImageFile(buffer, name="fete-au-jardin.jpg"))


@pytest.fixture
def illustrated_page(paris, photo):
    return factories.article(factories.section(paris), title="Fête de la science", hero_image=photo)


def connected(mission, platform, fakes) -> MissionSocialAccount:
    account = MissionSocialAccount.objects.create(mission=mission, platform=platform, handle=f"@paris-{platform}",
                                                  language_code="fr", url=f"https://example.org/{platform}")
    if platform == "telegram":
        services.connect_with_token(account, token=fakes["telegram"].token, chat="@embassy_test")
    else:
        external_id, token = ACCOUNTS[platform]
        services.store_token_set(account, TokenSet(access_token=token), external_account_id=external_id)
    return account


def sent(page, account, *, image_size: str, text: str = "La science en fête") -> SocialPost:
    post = SocialPost.objects.create(page=page, account=account, text=text, image_size=image_size,
                                     link=f"https://paris.example/fete?utm_id={account.platform}",
                                     status=SocialPost.Status.APPROVED)
    deliver_due()
    post.refresh_from_db()
    assert post.status == "sent", post.last_error
    return post


def test_facebook_gets_the_og_crop_as_a_photo(paris, illustrated_page, fakes):
    post = sent(illustrated_page, connected(paris, "facebook", fakes), image_size="og")
    photo = fakes["facebook"].posts[post.platform_id]
    assert decoded_size(photo["photo"]) == crop_size("og") == (1200, 630)
    assert photo["alt_text"] == "Des enfants au jardin"


def test_x_gets_its_own_crop_through_the_chunked_upload(paris, illustrated_page, fakes):
    post = sent(illustrated_page, connected(paris, "x", fakes), image_size="x")
    [media_id] = fakes["x"].posts[post.platform_id]["media_ids"]
    upload = fakes["x"].uploads[media_id]
    assert decoded_size(upload["bytes"]) == crop_size("x") == (1600, 900)
    assert upload["type"] == "image/jpeg" and upload["alt_text"] == "Des enfants au jardin"


def test_telegram_gets_the_square_crop_with_send_photo(paris, illustrated_page, fakes):
    post = sent(illustrated_page, connected(paris, "telegram", fakes), image_size="square")
    message = fakes["telegram"].posts[post.platform_id]
    assert decoded_size(message["photo_bytes"]) == crop_size("square") == (1080, 1080)
    assert message["caption"].startswith("La science en fête")


def test_linkedin_gets_the_story_crop_as_an_uploaded_image(paris, illustrated_page, fakes):
    post = sent(illustrated_page, connected(paris, "linkedin", fakes), image_size="story")
    image_urn = fakes["linkedin"].posts[post.platform_id]["content"]["media"]["id"]
    assert decoded_size(fakes["linkedin"].images[image_urn]) == crop_size("story") == (1080, 1920)


def test_zalo_gets_the_crops_public_url_as_its_cover(paris, illustrated_page, fakes):
    post = sent(illustrated_page, connected(paris, "zalo", fakes), image_size="og",
                text="Fête de la science\nLes laboratoires ouvrent leurs portes.")
    cover = urlsplit(fakes["zalo"].posts[post.platform_id]["cover"]["photo_url"])
    assert cover.scheme == "https" and cover.netloc == "hub.example.org"
    served = Path(django_settings.MEDIA_ROOT) / cover.path.removeprefix(django_settings.MEDIA_URL)
    assert decoded_size(served.read_bytes()) == crop_size("og")


def test_a_crop_not_made_yet_is_made_at_delivery(paris, illustrated_page, photo, fakes):
    assert not photo.renditions.exists()  # the rendition task runs on commit, which these tests never reach
    post = SocialPost(page=illustrated_page, account=connected(paris, "x", fakes), text="t", image_size="x")
    [media] = outgoing(post).media
    assert (media.width, media.height) == (1600, 900) and os.path.exists(media.path)
    assert list(photo.renditions.values_list("filter_spec", flat=True)) == [SOCIAL_SIZES["x"]]
    assert media.url == f"https://hub.example.org{photo.renditions.get().file.url}"


def test_no_image_on_the_page_or_no_crop_chosen_sends_text_and_link(paris, fakes):
    account = connected(paris, "facebook", fakes)
    bare = factories.article(factories.section(paris), title="Sans image")
    post = sent(bare, account, image_size="og")
    assert fakes["facebook"].posts[post.platform_id]["link"] == post.link  # a feed post: text and link
    assert outgoing(SocialPost(page=bare, account=account, text="t", image_size="")).media == ()


def test_a_crop_whose_file_is_gone_fails_the_post_with_a_clear_message(paris, illustrated_page, photo, fakes):
    account = connected(paris, "facebook", fakes)
    rendition = photo.get_rendition(SOCIAL_SIZES["og"])
    rendition.file.storage.delete(rendition.file.name)
    post = SocialPost.objects.create(page=illustrated_page, account=account, text="t", image_size="og",
                                     status=SocialPost.Status.APPROVED)
    deliver_due()
    post.refresh_from_db()
    assert post.status == "failed" and not post.answer_lost
    assert "og crop of image “Fête au jardin” is missing" in post.last_error
    assert fakes["facebook"].posts == {} and fakes["facebook"].requests == []
