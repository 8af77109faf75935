"""The page form mission content uses, so the asset rules (embassies/assets/rules.py) show as form errors.

Imported by the page models, so it imports nothing from them at module level.
"""

from wagtail.admin.forms import WagtailAdminPageForm


def is_publish_or_approve(data) -> bool:
    """Whether the editor pressed Publish, or approved the page in review, in this form submission."""
    if data.get("action-publish"):
        return True
    return bool(data.get("action-workflow-action")) and data.get("workflow-action-name") == "approve"


class AssetRulesPageForm(WagtailAdminPageForm):
    """Refuses newly used assets the editor may not use, and publishing with images lacking alt text."""

    def _post_clean(self):
        super()._post_clean()
        from .rules import page_asset_errors  # the rules read the page models, which import this form

        # The page's stored mission; a new page's comes from its parent (a section or a home, both store it).
        mission_id = self.instance.mission_id or getattr(self.parent_page, "mission_id", None)
        for error in page_asset_errors(
            page=self.instance, user=self.for_user, mission_id=mission_id, publishing=is_publish_or_approve(self.data)
        ):
            field = error.field if error.field in self.fields else None
            self.add_error(field, error.message)
