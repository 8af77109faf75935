"""Who may see and do what with a mission's social publishing in the admin (the policy every social admin view asks).

HQ administrators act network-wide. A mission's heads connect and disconnect its accounts; its editors (and heads)
see the accounts' status, retry failed posts and reschedule. Anyone else is answered 404, as if the mission's
accounts and posts did not exist."""

from django.db.models import Q

from hub.models import Mission, MissionSocialAccount
from hub.roles import HQ_ADMINISTRATORS_GROUP

from .models import SocialPost


def user_is_hq_admin(*, user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=HQ_ADMINISTRATORS_GROUP).exists())


def missions_staffed_by(*, user):
    """Missions whose social publishing `user` may see: all for HQ administrators, else their own (editor or head)."""
    if not user.is_authenticated:
        return Mission.objects.none()
    if user_is_hq_admin(user=user):
        return Mission.objects.all()
    return Mission.objects.filter(Q(editors_group__user=user) | Q(heads_group__user=user)).distinct()


def missions_headed_by(*, user):
    """Missions whose accounts `user` may connect and disconnect."""
    if user_is_hq_admin(user=user):
        return Mission.objects.all()
    return Mission.objects.filter(heads_group__user=user) if user.is_authenticated else Mission.objects.none()


def user_uses_social_admin(*, user) -> bool:
    return missions_staffed_by(user=user).exists()


def accounts_visible_to(*, user):
    return MissionSocialAccount.objects.filter(mission__in=missions_staffed_by(user=user))


def user_can_connect(*, user, account: MissionSocialAccount) -> bool:
    return missions_headed_by(user=user).filter(pk=account.mission_id).exists()


def posts_visible_to(*, user):
    return SocialPost.objects.filter(account__mission__in=missions_staffed_by(user=user))
