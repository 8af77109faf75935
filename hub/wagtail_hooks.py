"""Admin registration for missions and regions (snippets with provisioning on save)."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import MissionAdminForm
from .models import Mission, Region
from .views import MissionCreateView, MissionEditView, RegionCreateView, RegionEditView


class MissionViewSet(SnippetViewSet):
    model = Mission
    icon = "globe"
    menu_label = "Missions"
    add_view_class = MissionCreateView
    edit_view_class = MissionEditView
    list_display = ["name", "kind", "city", "country", "region", "default_language_code"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "city", "slug"]
    ordering = ["name"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
                    FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
                    FieldPanel("timezone"),
                    MultiFieldPanel(
                        [FieldPanel("default_language_code"), FieldPanel("extra_language_codes")],
                        heading="Languages",
                    ),
                    InlinePanel("names", heading="Name in each language", label="Name"),
                ],
                heading="Mission",
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                    FieldPanel("emergency_phone"),
                    FieldPanel("address"),
                    FieldPanel("website"),
                ],
                heading="Contact",
            ),
            ObjectList([InlinePanel("social_accounts", label="Account")], heading="Social accounts"),
        ],
        base_form_class=MissionAdminForm,
    )


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = "Regions"
    add_view_class = RegionCreateView
    edit_view_class = RegionEditView
    list_display = ["name", "slug"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (MissionViewSet, RegionViewSet)
    menu_icon = "globe"
    menu_label = "Network"
    menu_name = "network"


register_snippet(NetworkViewSetGroup)
