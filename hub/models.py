"""Missions of the ministry's network and the regions HQ organises them by."""

import functools
import zoneinfo

import pycountry
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Collection, Locale, Orderable


def content_language_codes() -> list[str]:
    """Language codes enabled for content on this hub (settings.WAGTAIL_CONTENT_LANGUAGES)."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def validate_content_language(code: str) -> None:
    if code not in content_language_codes():
        raise ValidationError(
            _("%(code)s is not a content language enabled on this hub (enabled: %(enabled)s)."),
            params={"code": code, "enabled": ", ".join(content_language_codes())},
            code="language_not_enabled",
        )


def validate_country_code(code: str) -> None:
    if not code or pycountry.countries.get(alpha_2=code.upper()) is None or code != code.upper():
        raise ValidationError(
            _("%(code)s is not an ISO 3166-1 alpha-2 country code (for example VN, FR, EG)."),
            params={"code": code},
            code="unknown_country",
        )


@functools.cache
def _timezone_names() -> frozenset[str]:
    """The IANA names installed, read once per process: `available_timezones()` walks the whole tz database."""
    return frozenset(zoneinfo.available_timezones())


def validate_timezone(name: str) -> None:
    if name not in _timezone_names():
        raise ValidationError(
            _("%(name)s is not an IANA time zone (for example Asia/Ho_Chi_Minh, Europe/Paris)."),
            params={"name": name},
            code="unknown_timezone",
        )


def country_choices() -> list[tuple[str, str]]:
    return sorted(((c.alpha_2, c.name) for c in pycountry.countries), key=lambda item: item[1])


class Region(models.Model):
    """A region of the network (e.g. Asia-Pacific); each has its own HQ reviewer group."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100, unique=True)
    reviewers_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="reviewed_region"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MissionKind(models.TextChoices):
    HQ = "hq", _("Headquarters")
    EMBASSY = "embassy", _("Embassy")
    CONSULATE_GENERAL = "consulate_general", _("Consulate-General")
    PERMANENT_MISSION = "permanent_mission", _("Permanent mission")
    OTHER_OFFICE = "other_office", _("Other office")


class Mission(ClusterableModel):
    """An embassy, consulate-general, permanent mission or HQ: the unit that owns pages, assets and staff.

    Saving a mission through `hub.services.mission_create`/`mission_update` provisions its page
    tree, asset collection and staff groups; the references below point at what was provisioned.
    """

    slug = models.SlugField(
        unique=True,
        max_length=60,
        help_text=_("Short, permanent identifier used in URLs and the API, e.g. 'hanoi'."),
    )
    name = models.CharField(
        max_length=150, unique=True, help_text=_("Official name in the home language, e.g. 'Embassy in Hanoi'.")
    )
    kind = models.CharField(max_length=32, choices=MissionKind.choices, default=MissionKind.EMBASSY)
    country = models.CharField(
        max_length=2, validators=[validate_country_code], help_text=_("ISO 3166-1 alpha-2 code, e.g. VN.")
    )
    city = models.CharField(max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="missions")
    timezone = models.CharField(
        max_length=64, validators=[validate_timezone], help_text=_("IANA time zone, e.g. Asia/Ho_Chi_Minh.")
    )
    default_language_code = models.CharField(
        _("default locale"), max_length=16, validators=[validate_content_language]
    )
    extra_language_codes = models.JSONField(
        _("extra locales"), default=list, blank=True, help_text=_("Further languages the mission publishes in.")
    )

    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=50, blank=True)
    address = models.TextField(blank=True)
    website = models.URLField(blank=True)
    emergency_phone = models.CharField(
        max_length=50, blank=True, help_text=_("24-hour consular emergency line for citizens in distress.")
    )

    # What provisioning created; never edited by hand.
    collection = models.OneToOneField(
        Collection, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="mission"
    )
    editors_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="edited_mission"
    )
    heads_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="headed_mission"
    )
    # The press centre (press/): this mission's press attachés accredit journalists for it.
    press_attaches_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="press_attache_mission"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        permissions = [("fast_track_mission_content", "Can fast-track urgent notices of the mission")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors = []
        if not isinstance(self.extra_language_codes, list):
            raise ValidationError({"extra_language_codes": _("Extra locales must be a list of language codes.")})
        for code in self.extra_language_codes:
            try:
                validate_content_language(code)
            except ValidationError as error:
                errors.extend(error.messages)
        if self.default_language_code in self.extra_language_codes:
            errors.append(_("The default locale cannot also be an extra locale."))
        if len(set(self.extra_language_codes)) != len(self.extra_language_codes):
            errors.append(_("Extra locales contain a language twice."))
        if errors:
            raise ValidationError({"extra_language_codes": errors})
        if self.country:
            self.country = self.country.upper()

    @property
    def is_hq(self) -> bool:
        return self.kind == MissionKind.HQ

    @property
    def language_codes(self) -> list[str]:
        """Every language the mission publishes in, the default first."""
        return [self.default_language_code, *self.extra_language_codes]

    @cached_property
    def country_name(self) -> str:
        country = pycountry.countries.get(alpha_2=self.country)
        return country.name if country else self.country

    def locales(self) -> list[Locale]:
        by_code = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=self.language_codes)}
        return [by_code[code] for code in self.language_codes if code in by_code]

    def name_in(self, language_code: str) -> str:
        """The mission's name in a language, falling back to the official name."""
        for localised in self.names.all():
            if localised.language_code == language_code:
                return localised.name
        return self.name


class MissionName(Orderable):
    """The mission's name in one language, e.g. 'Đại sứ quán tại Hà Nội'."""

    mission = ParentalKey(Mission, on_delete=models.CASCADE, related_name="names")
    language_code = models.CharField(max_length=16, validators=[validate_content_language])
    name = models.CharField(max_length=150)

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["mission", "language_code"], name="unique_mission_name_language")]

    def __str__(self) -> str:
        return f"{self.name} ({self.language_code})"


class SocialPlatform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    X = "x", "X"
    YOUTUBE = "youtube", "YouTube"
    INSTAGRAM = "instagram", "Instagram"
    LINKEDIN = "linkedin", "LinkedIn"
    TIKTOK = "tiktok", "TikTok"
    THREADS = "threads", "Threads"
    TELEGRAM = "telegram", "Telegram"
    WEIBO = "weibo", "Weibo"
    WECHAT = "wechat", "WeChat"
    ZALO = "zalo", "Zalo"
    LINE = "line", "LINE"


class MissionSocialAccount(Orderable):
    """One of the mission's social media accounts, in the language it posts in."""

    mission = ParentalKey(Mission, on_delete=models.CASCADE, related_name="social_accounts")
    platform = models.CharField(max_length=20, choices=SocialPlatform.choices)
    handle = models.CharField(max_length=100)
    language_code = models.CharField(max_length=16, blank=True, validators=[validate_content_language])
    url = models.URLField()

    def __str__(self) -> str:
        return f"{self.get_platform_display()} {self.handle}"
