"""The roles staff hold in the hub and the permissions each one carries.

A role is a Django group created by provisioning; these tables are the single place that says
what each group may do, so the admin, the API and scripts all agree.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MISSION_EDITOR = "mission_editor", _("Mission editor")
    MISSION_HEAD = "mission_head", _("Mission head")
    HQ_REVIEWER = "hq_reviewer", _("HQ reviewer")
    HQ_ADMINISTRATOR = "hq_administrator", _("HQ administrator")


HQ_ADMINISTRATORS_GROUP = "HQ administrators"

# Page permissions granted on each of the mission's home pages (one per locale) and inherited below.
MISSION_PAGE_PERMISSIONS = {
    Role.MISSION_EDITOR: ["add_page", "change_page"],
    Role.MISSION_HEAD: ["add_page", "change_page", "lock_page", "unlock_page"],
    Role.HQ_REVIEWER: ["change_page"],
}
HQ_ADMINISTRATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]

# Collection permissions granted on the mission's own asset collection.
MISSION_COLLECTION_PERMISSIONS = {
    Role.MISSION_EDITOR: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    Role.MISSION_HEAD: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
    ],
    Role.HQ_REVIEWER: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
}
HQ_ADMINISTRATOR_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtaildocs.choose_document",
    "wagtailcore.add_collection",
    "wagtailcore.change_collection",
    "wagtailcore.delete_collection",
]

# Model-level permissions (app_label.codename) each role holds everywhere.
GLOBAL_PERMISSIONS = {
    Role.MISSION_EDITOR: ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
    Role.MISSION_HEAD: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "hub.fast_track_mission_content",
    ],
    Role.HQ_REVIEWER: ["wagtailadmin.access_admin"],
    Role.HQ_ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        "hub.add_mission",
        "hub.change_mission",
        "hub.view_mission",
        "hub.add_region",
        "hub.change_region",
        "hub.view_region",
        "hub.fast_track_mission_content",
        "embassies.add_topic",
        "embassies.change_topic",
        "embassies.delete_topic",
        "embassies.view_topic",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "wagtail_localize.submit_translation",
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "auth.view_group",
    ],
}
