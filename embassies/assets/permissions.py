"""The permission policy for the hub's images and documents: Wagtail's collection-and-ownership rules, plus sharing.

A mission's staff act on their own collection as their role allows; an asset a mission marks shareable may also be
found and chosen by every mission's staff, but only its own mission (and HQ) may edit or delete it.
"""

from django.db.models import Q
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from embassies.models import HubDocument, HubImage

from .selectors import choosable_by


class SharedAssetPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Adds "choose" on shared assets for anyone who may choose assets at all; change and delete are unchanged."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if super().user_has_any_permission_for_instance(user, actions, instance):
            return True
        return "choose" in actions and choosable_by(self.model, user=user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if "choose" not in actions or user.is_superuser:
            return instances
        choosable = choosable_by(self.model, user=user)
        return self.model.objects.filter(Q(pk__in=instances.values("pk")) | Q(pk__in=choosable.values("pk")))


def register_asset_permission_policies() -> None:
    """Replace Wagtail's image and document policies with the sharing-aware one (called from wagtail_hooks).

    Registered for the exact classes: those entries win over the ones wagtail.images and wagtail.documents register
    in their ready(), whichever runs first.
    """
    from wagtail.permissions import policy_registry

    policy_registry.register(
        HubImage,
        SharedAssetPermissionPolicy(HubImage, auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"),
        exact_class=True,
    )
    policy_registry.register(
        HubDocument,
        SharedAssetPermissionPolicy(HubDocument, auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"),
        exact_class=True,
    )
