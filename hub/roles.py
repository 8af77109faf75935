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
    HQ_DUTY_OFFICER = "hq_duty_officer", _("HQ duty officer")
    HQ_PRESS_OFFICER = "hq_press_officer", _("HQ press officer")
    PRESS_ATTACHE = "press_attache", _("Press attaché")


HQ_ADMINISTRATORS_GROUP = "HQ administrators"
# Moderation (moderation): duty officers fast-track urgent notices network-wide; the press office reviews HQ content.
HQ_DUTY_OFFICERS_GROUP = "HQ duty officers"
HQ_PRESS_OFFICE_GROUP = "HQ press office"
HQ_GROUPS = {Role.HQ_DUTY_OFFICER: HQ_DUTY_OFFICERS_GROUP, Role.HQ_PRESS_OFFICER: HQ_PRESS_OFFICE_GROUP}
HQ_PRESS_OFFICE_PAGE_PERMISSIONS = ["change_page"]

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
    Role.HQ_DUTY_OFFICER: ["wagtailadmin.access_admin", "hub.fast_track_mission_content"],
    # The press centre (press/admin_accounts.py): the press office accredits network-wide, a press attaché for
    # their own mission only (press/permissions.py says which journalists each one sees).
    Role.HQ_PRESS_OFFICER: ["wagtailadmin.access_admin", "press.accredit_journalist"],
    Role.PRESS_ATTACHE: ["wagtailadmin.access_admin", "press.accredit_journalist"],
    Role.HQ_ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        "hub.add_mission",
        "hub.change_mission",
        "hub.view_mission",
        "hub.add_region",
        "hub.change_region",
        "hub.view_region",
        "hub.fast_track_mission_content",
        "moderation.assign_submission",
        "moderation.add_workflowrule",
        "moderation.change_workflowrule",
        "moderation.delete_workflowrule",
        "moderation.view_workflowrule",
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
        # API consumers (api/wagtail_hooks.py): keys are revoked, never deleted; deliveries are a read-only log.
        "api.add_apiconsumer",
        "api.change_apiconsumer",
        "api.delete_apiconsumer",
        "api.view_apiconsumer",
        "api.add_apikey",
        "api.change_apikey",
        "api.view_apikey",
        "api.add_webhook",
        "api.change_webhook",
        "api.delete_webhook",
        "api.view_webhook",
        "api.view_webhookdelivery",
    ],
}
