"""Who may do what: DRF permissions for consumers, Wagtail permission policies for the admin screens."""

from rest_framework import permissions
from wagtail.permission_policies import ModelPermissionPolicy

from .models import ApiKey


class HasApiKey(permissions.BasePermission):
    """Only a request with a valid key; anonymous callers get a 401 asking for one."""

    message = "This endpoint needs an API key."

    def has_permission(self, request, view):
        return isinstance(request.auth, ApiKey)


class ModelPermissionPolicyWithout(ModelPermissionPolicy):
    """Django model permissions, minus actions that make no sense for the model whoever asks
    (deleting an API key instead of revoking it, editing a delivery log)."""

    def __init__(self, model, *, refused: set[str]):
        super().__init__(model)
        self.refused = refused

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action not in self.refused])
