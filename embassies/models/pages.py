"""Page types of the network: portal roots, mission homes, sections and content."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from embassies.assets.page_forms import AssetRulesPageForm
from hub.models import Mission, MissionKind, validate_timezone

from ..blocks import BodyBlock

# Share-text limits per platform. X counts 280 characters; Facebook and LinkedIn allow far more,
# but posts are cut off behind "See more" at roughly these lengths, so the hub keeps them short.
SOCIAL_SHARE_LIMITS = {"facebook": 500, "x": 280, "linkedin": 700}

CONTENT_SUBPAGE_TYPES = [
    "embassies.SectionIndexPage",
    "embassies.ArticlePage",
    "embassies.EventPage",
    "embassies.ConsularNoticePage",
]


class NetworkRootPage(Page):
    """The network portal in one locale; every mission home hangs below it. Created by provisioning."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["embassies.MissionHomePage", "embassies.HQRootPage"]
    is_creatable = False

    class Meta:
        verbose_name = _("network root")

    def route(self, request, path_components):
        """The page at the path, found by its URL path in one query rather than Wagtail's two per level (no page
        type below the portal routes on its own); the rest is Wagtail's: only a live page is served."""
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "".join(f"{component}/" for component in path_components)
        page = Page.objects.filter(path__startswith=self.path, url_path=url_path).first()
        if page is None:
            raise Http404
        return page.specific.route(request, [])


class MissionHomePage(Page):
    """A mission's home page in one locale; the root of everything the mission publishes."""

    mission = models.ForeignKey("hub.Mission", on_delete=models.PROTECT, related_name="home_pages", editable=False)
    introduction = models.TextField(blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["embassies.NetworkRootPage"]
    subpage_types = ["embassies.SectionIndexPage"]
    is_creatable = False

    class Meta:
        verbose_name = _("mission home page")


class HQRootPage(MissionHomePage):
    """Headquarters' root for central content (press briefings, spokesperson statements) missions may syndicate."""

    parent_page_types = ["embassies.NetworkRootPage"]
    subpage_types = ["embassies.SectionIndexPage"]
    is_creatable = False

    class Meta:
        verbose_name = _("HQ root page")


# Mission homes sit at depth 3 (the tree root, the network root of a locale, the home): a page belongs to the
# mission whose home its path starts with. Homes, sections and content store their mission (`MissionOwnedPage`);
# this is where the stored value comes from, and bulk queries over base `Page` rows use the home paths.
MISSION_HOME_DEPTH = 3
MISSION_HOME_PATH_LENGTH = Page.steplen * MISSION_HOME_DEPTH


def mission_home_path(path: str) -> str | None:
    """The tree path of the mission home a page at `path` lies under (its own for a home); None above the missions."""
    return path[:MISSION_HOME_PATH_LENGTH] if len(path) >= MISSION_HOME_PATH_LENGTH else None


def mission_id_in_tree(path: str) -> int | None:
    """The mission whose home the page at `path` lies under: what a mission-owned page stores when it is saved,
    copied or moved (readers use the stored value, `page_mission_id`)."""
    home_path = mission_home_path(path)
    if home_path is None:
        return None
    return MissionHomePage.objects.filter(path=home_path).values_list("mission_id", flat=True).first()


class MissionOwnedPage(Page):
    """A page below a mission home (a section or content): it stores its mission, taken from its place in the tree
    on every save and kept by moves (embassies.signal_handlers.page_moved)."""

    mission = models.ForeignKey(
        "hub.Mission", null=True, editable=False, on_delete=models.PROTECT, related_name="+",
        help_text=_("Derived from the page's place in the tree; kept for fast filtering."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.path:
            self.mission_id = mission_id_in_tree(self.path)
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        """A revision as a page keeps the live page's mission, as Wagtail keeps its path: both follow the tree."""
        page = super().with_content_json(content)
        page.mission_id = self.mission_id
        return page


def page_mission_id(page: Page) -> int | None:
    """The mission owning `page` (a home, a section or content): the value it stores; None above the missions.
    A base `Page` is looked up in its own type's table (one query)."""
    if hasattr(page, "mission_id"):
        return page.mission_id
    model = page.specific_class
    if model is None or not issubclass(model, (MissionHomePage, MissionOwnedPage)):
        return None
    return model.objects.filter(pk=page.pk).values_list("mission_id", flat=True).first()


class SectionIndexPage(MissionOwnedPage):
    """A section of a mission's site, such as News, Events or Consular services."""

    introduction = models.TextField(blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["embassies.MissionHomePage", "embassies.HQRootPage", "embassies.SectionIndexPage"]
    # Briefings (the press centre's page type) go only in a "press-briefings" section: `BriefingPage.can_create_at`.
    subpage_types = [*CONTENT_SUBPAGE_TYPES, "press.BriefingPage"]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    class Meta:
        verbose_name = _("section index page")


class MissionContentPage(MissionOwnedPage):
    """Fields every piece of mission content shares: summary, hero image, tags, topics, social texts, body."""

    summary = models.TextField(_("standfirst"), max_length=600, help_text=_("One or two sentences shown in lists, feeds and search results."))
    hero_image = models.ForeignKey(
        "embassies.HubImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    topics = ParentalManyToManyField("embassies.Topic", blank=True, related_name="+")
    share_text_facebook = models.CharField(
        _("Facebook text"), max_length=SOCIAL_SHARE_LIMITS["facebook"], blank=True
    )
    share_text_x = models.CharField(_("X text"), max_length=SOCIAL_SHARE_LIMITS["x"], blank=True)
    share_text_linkedin = models.CharField(
        _("LinkedIn text"), max_length=SOCIAL_SHARE_LIMITS["linkedin"], blank=True
    )
    body = StreamField(BodyBlock(), blank=True)

    social_panel = MultiFieldPanel(
        [FieldPanel("share_text_facebook"), FieldPanel("share_text_x"), FieldPanel("share_text_linkedin")],
        heading=_("Social media"),
    )
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + [
        FieldPanel("tags"),
        FieldPanel("topics"),
        social_panel,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("summary"),
        index.FilterField("mission"),
        index.FilterField("locale"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    parent_page_types = ["embassies.SectionIndexPage"]
    subpage_types = []
    base_form_class = AssetRulesPageForm

    class Meta:
        abstract = True

    def get_workflow(self):
        """The workflow chosen for this page type and mission by the chooser in `HUB_WORKFLOW_CHOOSER` (moderation's
        rules, e.g. the fast track for consular notices), falling back to the workflow assigned in the tree."""
        if self.path and settings.HUB_WORKFLOW_CHOOSER:
            workflow = import_string(settings.HUB_WORKFLOW_CHOOSER)(page=self)
            if workflow is not None:
                return workflow
        return super().get_workflow()


class ArticleKind(models.TextChoices):
    NEWS = "news", _("News")
    PRESS_RELEASE = "press_release", _("Press release")
    STATEMENT = "statement", _("Statement")
    SPEECH = "speech", _("Speech")
    PRESS_BRIEFING = "press_briefing", _("Press briefing")
    PHOTO_STORY = "photo_story", _("Photo story")
    VIDEO_STORY = "video_story", _("Video story")
    INFOGRAPHIC = "infographic", _("Infographic")


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("embassies.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


# Kinds of article that may go to accredited journalists under embargo before they are public (press/).
EMBARGO_KINDS = (ArticleKind.PRESS_RELEASE, ArticleKind.STATEMENT)


class ArticlePageForm(AssetRulesPageForm):
    """The article form: only headquarters may address an embargo to the whole network, and an embargo needs a
    go-live moment in the future (its release time) unless the page is already live (the embargo has been lifted,
    and later edits keep the flag; a new scheduled revision of it is still addressed as the rules say)."""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("embargo_for_press"):
            return cleaned
        path = self.instance.path or (self.parent_page.path if self.parent_page else "")
        mission_id = mission_id_in_tree(path) if path else None
        if cleaned.get("embargo_network_wide") and not Mission.objects.filter(pk=mission_id, kind=MissionKind.HQ).exists():
            self.add_error("embargo_network_wide", _("Only headquarters releases may address the whole network."))
        if self.instance.pk and Page.objects.filter(pk=self.instance.pk, live=True).exists():
            return cleaned
        go_live_at = cleaned.get("go_live_at")
        if go_live_at is None:
            self.add_error("go_live_at", _("An embargoed release needs a go-live date/time: the end of its embargo."))
        elif go_live_at <= timezone.now():
            self.add_error("go_live_at", _("The embargo time is in the past; choose a moment in the future."))
        return cleaned


class ArticlePage(MissionContentPage):
    """News, press releases, statements, speeches, briefings and visual stories.

    A press release or statement may be embargoed: until its go-live moment (Wagtail's scheduled publishing) it is
    not live, so nothing public shows it, while accredited journalists it is addressed to read the approved,
    scheduled revision in the press area and its API (press.selectors)."""

    kind = models.CharField(max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    embargo_for_press = models.BooleanField(
        _("embargoed release for the press"), default=False,
        help_text=_("Accredited journalists read it before its go-live date/time (Settings tab), the end of the "
                    "embargo; nobody else sees it until then. Press releases and statements only."),
    )
    embargo_missions = ParentalManyToManyField(
        "hub.Mission", blank=True, related_name="+", verbose_name=_("addressed to the journalists of"),
        help_text=_("Missions whose accredited journalists receive it; none chosen: the page's own mission."),
    )
    embargo_network_wide = models.BooleanField(
        _("addressed to the whole network"), default=False,
        help_text=_("Headquarters releases only: every accredited journalist receives it."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("embargo_for_press"), FieldPanel("embargo_missions"), FieldPanel("embargo_network_wide")],
            heading=_("Press embargo"),
        ),
    ]
    search_fields = MissionContentPage.search_fields + [index.FilterField("kind")]
    base_form_class = ArticlePageForm

    class Meta:
        verbose_name = _("article")

    def clean(self):
        super().clean()
        if self.embargo_for_press and self.kind not in EMBARGO_KINDS:
            raise ValidationError({"kind": _("Only press releases and statements can be embargoed.")})

    def embargo_mission_ids(self) -> list[int]:
        """The missions whose journalists this embargoed release is addressed to; [] for the whole network."""
        if self.embargo_network_wide:
            return []
        chosen = [mission.pk for mission in self.embargo_missions.all()]
        own = self.mission_id or (mission_id_in_tree(self.path) if self.path else None)
        return chosen or ([own] if own else [])


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("embassies.EventPage", on_delete=models.CASCADE, related_name="tagged_items")


class EventPage(MissionContentPage):
    """A cultural event, reception, online briefing or other dated happening, in its own time zone."""

    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    timezone = models.CharField(
        max_length=64, validators=[validate_timezone], help_text=_("IANA time zone of the venue, e.g. Europe/Paris.")
    )
    venue = models.CharField(max_length=200, blank=True)
    address = models.CharField(max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Livestream or video-call link."))
    registration_url = models.URLField(_("registration link"), blank=True)
    tags = ClusterTaggableManager(through=EventPageTag, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("timezone"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
                FieldPanel("registration_url"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = MissionContentPage.search_fields + [index.FilterField("starts_at")]

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The event must end after it starts.")})
        if not self.venue and not self.online_url:
            raise ValidationError({"venue": _("Give a venue, an online link, or both.")})

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


class ConsularNoticeType(models.TextChoices):
    TRAVEL_ADVISORY = "travel_advisory", _("Travel advisory")
    VISA = "visa", _("Visa")
    PASSPORT = "passport", _("Passport")
    EMERGENCY = "emergency", _("Emergency")
    OTHER = "other", _("Other")


class NoticeSeverity(models.TextChoices):
    INFORMATION = "information", _("Information")
    ADVISORY = "advisory", _("Advisory")
    WARNING = "warning", _("Warning")
    CRITICAL = "critical", _("Critical")


class ConsularNoticePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "embassies.ConsularNoticePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ConsularNoticePage(MissionContentPage):
    """Travel advisories and visa, passport and emergency notices for citizens, valid for a period."""

    notice_type = models.CharField(max_length=20, choices=ConsularNoticeType.choices)
    severity = models.CharField(max_length=20, choices=NoticeSeverity.choices, default=NoticeSeverity.INFORMATION)
    valid_from = models.DateTimeField(default=timezone.now)
    valid_until = models.DateTimeField(null=True, blank=True, help_text=_("Leave blank while the notice stays in force."))
    tags = ClusterTaggableManager(through=ConsularNoticePageTag, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("notice_type"), FieldPanel("severity")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = MissionContentPage.search_fields + [
        index.FilterField("notice_type"),
        index.FilterField("severity"),
    ]

    class Meta:
        verbose_name = _("consular notice")

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until <= self.valid_from:
            raise ValidationError({"valid_until": _("A notice must end after it starts being valid.")})

    def is_in_force(self, at=None) -> bool:
        at = at or timezone.now()
        return self.valid_from <= at and (self.valid_until is None or at < self.valid_until)
