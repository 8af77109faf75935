"""Connecting a mission's social accounts in the admin: the accounts' status, OAuth 2 (Facebook, LinkedIn, YouTube,
X), the token forms (Telegram, Zalo) and disconnecting. social.admin_access says who may do what; the writes are
social.services'. Tokens are never rendered back: the token fields are write-only and the list shows only status."""

from __future__ import annotations

import base64
import hashlib
import secrets

from django import forms
from django.core import signing
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages

from hub.models import MissionSocialAccount

from . import admin_access, services
from .admin_views import SocialAdminView, SocialScreen
from .models import SocialConnection
from .platforms import adapter_for
from .platforms.base import PlatformError

OAUTH_PLATFORMS = ("facebook", "linkedin", "youtube", "x")
TOKEN_PLATFORMS = ("telegram", "zalo")
STATE_SALT = "social.oauth.state"
STATE_MAX_AGE = 600  # seconds between "Connect" and the platform sending the user back
SESSION_KEY = "social_oauth"
# The platforms that must be told which account the token is to act for; the others name it themselves (whoami).
ACCOUNT_ID_LABELS = {"facebook": _("Facebook Page id"), "linkedin": _("LinkedIn organisation id")}


def connection_standing(account: MissionSocialAccount) -> str:
    """connected / expired / error / not connected, as the list shows it."""
    connection = getattr(account, "connection", None)
    if connection is None or connection.status == SocialConnection.Status.DISCONNECTED:
        return "not connected"
    if connection.status == SocialConnection.Status.NEEDS_RECONNECT:
        return "expired"
    if connection.expires_at and connection.expires_at <= timezone.now() and not connection.refresh_token_encrypted:
        return "expired"
    return "error" if connection.last_error else "connected"


def connected_message(connection: SocialConnection) -> str:
    """What the platform said the account is, so a head who connected the wrong Page or channel sees it at once."""
    return _("%(account)s is connected: %(platform)s says it is “%(name)s” (id %(id)s).") % {
        "account": connection.account, "platform": connection.account.get_platform_display(),
        "name": connection.extra.get("name", ""), "id": connection.external_account_id}


def _refused() -> HttpResponseForbidden:
    """A plain 403 (Wagtail would turn PermissionDenied into a redirect to the dashboard, hiding the refusal)."""
    return HttpResponseForbidden(_("Only the mission's heads and HQ administrators connect or disconnect accounts."))


def _visible_account(request, account_id: int) -> MissionSocialAccount:
    return get_object_or_404(admin_access.accounts_visible_to(user=request.user).select_related("mission"),
                             pk=account_id)


class AccountListView(SocialAdminView):
    """The accounts of the missions the user staffs, with their connection status (never a token)."""

    template_name = "social/admin/accounts.html"
    page_title = _("Social accounts")
    header_icon = "link"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        headed = set(admin_access.missions_headed_by(user=user).values_list("pk", flat=True))
        accounts = (admin_access.accounts_visible_to(user=user).select_related("mission", "connection")
                    .order_by("mission__name", "platform", "handle"))
        context["rows"] = [{
            "account": account, "connection": getattr(account, "connection", None),
            "standing": connection_standing(account), "may_connect": account.mission_id in headed,
            "connect_kind": "oauth" if account.platform in OAUTH_PLATFORMS else
                            "token" if account.platform in TOKEN_PLATFORMS else "",
        } for account in accounts]
        return context


class OAuthStartForm(forms.Form):
    """Facebook and LinkedIn ask which Page or organisation; X and YouTube say whose token it is on the way back."""

    def __init__(self, *args, account: MissionSocialAccount, **kwargs):
        super().__init__(*args, **kwargs)
        if account.platform in ACCOUNT_ID_LABELS:
            self.fields["external_account_id"] = forms.CharField(max_length=200,
                                                                 label=ACCOUNT_ID_LABELS[account.platform])


class TelegramForm(forms.Form):
    token = forms.CharField(label=_("Bot token"), widget=forms.PasswordInput(render_value=False), max_length=200)
    chat = forms.CharField(label=_("Channel (@name or chat id)"), max_length=200)


class ZaloForm(forms.Form):
    access_token = forms.CharField(label=_("OA access token"), widget=forms.PasswordInput(render_value=False), max_length=2000)
    refresh_token = forms.CharField(label=_("OA refresh token"), widget=forms.PasswordInput(render_value=False), max_length=2000)


def redirect_uri(request) -> str:
    """The one callback address registered with every platform (the state says which account it is for)."""
    return request.build_absolute_uri(reverse("social_oauth_callback"))


def pkce_pair() -> tuple[str, str]:
    """(code_verifier, S256 code_challenge), RFC 7636."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


class _AccountScreen(SocialScreen, TemplateView):
    """A screen acting on one account: visible to the user's missions (else 404), for its heads only (else 403)."""

    header_icon = "link"

    def dispatch(self, request, account_id: int):
        self.account = _visible_account(request, account_id)
        if not admin_access.user_can_connect(user=request.user, account=self.account):
            return _refused()
        return self.account_dispatch(request, account_id)

    def account_dispatch(self, request, account_id: int):
        return super().dispatch(request, account_id)

    def get_page_subtitle(self):
        return f"{self.account.mission} · {self.account}"


class ConnectView(_AccountScreen):
    """GET: the form for the account's platform. POST: OAuth → redirect to the platform; token → connect now."""

    template_name = "social/admin/connect.html"
    page_title = _("Connect account")

    def account_dispatch(self, request, account_id: int):
        platform = self.account.platform
        if platform in OAUTH_PLATFORMS:
            connection = getattr(self.account, "connection", None)
            initial = {"external_account_id": connection.external_account_id if connection else ""}
            self.form = OAuthStartForm(request.POST or None, account=self.account, initial=initial)
        elif platform == "telegram":
            self.form = TelegramForm(request.POST or None)
        elif platform == "zalo":
            self.form = ZaloForm(request.POST or None)
        else:
            messages.error(request, _("The hub cannot post to %(platform)s yet.") % {
                "platform": self.account.get_platform_display()})
            return redirect("social_accounts")
        return super().account_dispatch(request, account_id)

    def post(self, request, account_id: int):
        if not self.form.is_valid():
            return self.render_to_response(self.get_context_data(), status=400)
        data = self.form.cleaned_data
        if self.account.platform in OAUTH_PLATFORMS:
            if not services.oauth_client(self.account.platform)[0]:
                self.form.add_error(None, _("The hub has no %(platform)s app configured (HUB_SOCIAL_OAUTH_CLIENTS): "
                                            "ask the hub's operators.") % {"platform": self.account.get_platform_display()})
                return self.render_to_response(self.get_context_data(), status=400)
            return self._start_oauth(request, data.get("external_account_id", ""))
        try:
            if self.account.platform == "telegram":
                connection = services.connect_with_token(self.account, token=data["token"], chat=data["chat"],
                                                         user=request.user)
            else:
                connection = services.connect_with_refresh_token(
                    self.account, access_token=data["access_token"], refresh_token=data["refresh_token"],
                    user=request.user)
        except PlatformError as error:
            self.form.add_error(None, _("%(platform)s refused: %(message)s") % {
                "platform": self.account.get_platform_display(), "message": error.message})
            return self.render_to_response(self.get_context_data(), status=400)
        messages.success(request, connected_message(connection))
        return redirect("social_accounts")

    def _start_oauth(self, request, external_account_id: str):
        """A signed single-use state bound to the user, the account and this session; the PKCE verifier stays here."""
        nonce = secrets.token_urlsafe(16)
        verifier, challenge = pkce_pair()
        pending = request.session.get(SESSION_KEY, {})
        pending[nonce] = {"account": self.account.pk, "verifier": verifier, "external_account_id": external_account_id}
        request.session[SESSION_KEY] = pending
        state = signing.dumps({"n": nonce, "u": request.user.pk, "a": self.account.pk}, salt=STATE_SALT)
        client_id, _secret = services.oauth_client(self.account.platform)
        url = adapter_for(self.account.platform).authorization_url(
            client_id=client_id, redirect_uri=redirect_uri(request), state=state, code_challenge=challenge)
        return redirect(url)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(account=self.account, form=self.form, oauth=self.account.platform in OAUTH_PLATFORMS)
        return context


def oauth_callback(request):
    """The platform sends the user back here: check the state, exchange the code, store the tokens.

    Every failure (denied, bad or reused state, the platform's error) becomes a message on the accounts list."""
    def refused(message):
        messages.error(request, message)
        return redirect("social_accounts")

    try:
        state = signing.loads(request.GET.get("state", ""), salt=STATE_SALT, max_age=STATE_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one too
        return refused(_("The connection could not be checked (its state is missing, altered or too old). Try again."))
    pending = request.session.get(SESSION_KEY, {})
    entry = pending.pop(state.get("n"), None)
    request.session[SESSION_KEY] = pending  # single use: the nonce is gone whatever happens next
    if entry is None or state.get("u") != request.user.pk or entry["account"] != state.get("a"):
        return refused(_("This connection was not started by you in this session, or was already used. Try again."))
    account = admin_access.accounts_visible_to(user=request.user).filter(pk=entry["account"]).first()
    if account is None:
        raise Http404
    if not admin_access.user_can_connect(user=request.user, account=account):
        return _refused()
    if request.GET.get("error"):
        description = request.GET.get("error_description") or request.GET["error"]
        return refused(_("%(platform)s did not connect the account: %(reason)s") % {
            "platform": account.get_platform_display(), "reason": description[:300]})
    code = request.GET.get("code", "")
    if not code:
        return refused(_("%(platform)s sent no authorisation code. Try again.") % {"platform": account.get_platform_display()})
    try:
        connection = services.connect_with_code(account, code=code, redirect_uri=redirect_uri(request), code_verifier=entry["verifier"],
                                   external_account_id=entry["external_account_id"], user=request.user)
    except PlatformError as error:
        return refused(_("%(platform)s refused the connection: %(message)s") % {
            "platform": account.get_platform_display(), "message": error.message})
    messages.success(request, connected_message(connection))
    return redirect("social_accounts")


class DisconnectView(_AccountScreen):
    """GET asks for confirmation; POST forgets the tokens."""

    template_name = "social/admin/disconnect.html"
    page_title = _("Disconnect account")

    def post(self, request, account_id: int):
        services.disconnect(self.account)
        messages.success(request, _("%(account)s is disconnected: its tokens are forgotten.") % {"account": self.account})
        return redirect("social_accounts")

    def get_context_data(self, **kwargs):
        return super().get_context_data(account=self.account, **kwargs)
