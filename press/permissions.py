"""Who in the press office may see and decide on which journalists (the policy the admin views ask).

The HQ press office acts network-wide; a mission's press attaché sees the journalists who asked for or hold their
mission and accredits for it only; everyone else (mission editors included) is refused."""

from django.db.models import Q

from hub.models import Mission
from hub.roles import HQ_PRESS_OFFICE_GROUP

from .models import Journalist

PERMISSION = "press.accredit_journalist"


def user_is_press_office(*, user) -> bool:
    return user.is_active and (user.is_superuser or user.groups.filter(name=HQ_PRESS_OFFICE_GROUP).exists())


def missions_attached(*, user):
    """The missions whose press attaché `user` is."""
    return Mission.objects.filter(press_attaches_group__user=user)


def user_can_accredit(*, user) -> bool:
    """May use the Journalists listing at all."""
    if not user.is_authenticated or not user.has_perm(PERMISSION):
        return False
    return user_is_press_office(user=user) or missions_attached(user=user).exists()


def journalists_visible_to(*, user):
    if not user_can_accredit(user=user):
        return Journalist.objects.none()
    if user_is_press_office(user=user):
        return Journalist.objects.all()
    missions = missions_attached(user=user)
    return Journalist.objects.filter(Q(requested_missions__in=missions) | Q(missions__in=missions)).distinct()


def missions_accreditable_by(*, user):
    """Missions `user` may accredit for (the press office: all, and the whole network too)."""
    if user_is_press_office(user=user):
        return Mission.objects.all()
    return missions_attached(user=user)


def user_can_decide(*, user, journalist: Journalist) -> bool:
    """May accredit, reject or revoke this journalist: the press office always; a press attaché when the
    journalist's current scope (or, never accredited, the missions they asked for) lies within their own missions:
    a network-wide request or accreditation, or one that also names other missions, is HQ's to decide."""
    if user_is_press_office(user=user):
        return user_can_accredit(user=user)
    if not journalists_visible_to(user=user).filter(pk=journalist.pk).exists():
        return False
    own = set(missions_attached(user=user).values_list("pk", flat=True))
    if journalist.accredited_until is None:  # never accredited: what they asked for must be the attaché's alone
        asked = set(journalist.requested_missions.values_list("pk", flat=True))
        return bool(asked) and asked <= own
    held = set(journalist.missions.values_list("pk", flat=True))
    return bool(held) and held <= own


def user_can_grant(*, user, missions) -> bool:
    """May give this scope (empty: the whole network)."""
    if user_is_press_office(user=user):
        return True
    chosen = {mission.pk for mission in missions}
    return bool(chosen) and chosen <= set(missions_attached(user=user).values_list("pk", flat=True))
