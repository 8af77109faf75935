"""Who may enter the press area: journalists with an account, never staff users without one.

The press area lives under `/<language>/press/`; its login page is `settings.HUB_PRESS_LOGIN_URL`. Its answers are
personal, so they are marked exempt from the site's public page cache and sent `private, no-store`.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.utils.cache import add_never_cache_headers, patch_cache_control

from press.selectors import journalist_for

from .caching import site_cache_exempt


def journalist_required(view=None, *, accredited: bool = False):
    """Let in journalists (accredited ones only when `accredited`); `request.journalist` is theirs.

    Anonymous visitors go to the press login; a signed-in user without a journalist account, or one not accredited
    where accreditation is needed, gets a 403."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.HUB_PRESS_LOGIN_URL)
            journalist = journalist_for(request.user)
            if journalist is None or (accredited and not journalist.is_accredited()):
                return HttpResponseForbidden("This part of the press area is for accredited journalists.")
            request.journalist = journalist
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            return response

        return site_cache_exempt(wrapped)

    return decorate(view) if view is not None else decorate
