"""The press area's accounts pages: register, verify the e-mail, sign in and out, reset the password, the
journalist's status page with their API tokens, the second factor, renewal, and their data (export, deletion).

Thin over press.services and press.selectors; every answer is personal (private, no-store, never in the site cache).
"""

import json
from functools import wraps

import pyotp
import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from press import services
from press.forms import JournalistRegistrationForm, journalist_password_validate
from press.models import AccreditationStatus
from press.selectors import journalist_data_export, journalist_standing
from press.sign_in import SignInRefused, journalist_sign_in_check

from .caching import site_cache_exempt
from .press_access import journalist_required

TEMPLATES = "frontend_templates/press/accounts/"


def _private(view):
    """Anonymous pages of the press area are personal too (forms with CSRF tokens, errors naming an address)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    return site_cache_exempt(wrapped)


def _render(request, template: str, context: dict | None = None, *, status: int = 200):
    base = {
        "layout": {"language_code": get_language(), "direction": "rtl" if get_language_bidi() else "ltr"},
        "meta": {"title": _("Press centre")},
    }
    return render(request, TEMPLATES + template, {**base, **(context or {})}, status=status)


@_private
def register(request):
    form = JournalistRegistrationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.journalist_registration_receive(
                **{name: data[name] for name in ("full_name", "outlet", "outlet_country", "email", "password", "role",
                                                 "language_codes", "requested_missions", "phone", "press_card")},
                press_card_content_type=form.press_card_content_type,
            )
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            return _render(request, "registered.html", {"email": data["email"]}, status=201)
    return _render(request, "register.html", {"form": form}, status=400 if form.errors else 200)


@_private
def verify(request, token: str):
    """GET shows a button (link scanners must not verify anyone); POST verifies."""
    if request.method != "POST":
        return _render(request, "verify.html", {"token": token})
    try:
        services.journalist_verify(token=token)
    except ValidationError as error:
        return _render(request, "verify.html", {"error": error.messages[0]}, status=400)
    return _render(request, "verified.html")


class SignInForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "username"}))
    password = forms.CharField(
        label=gettext_lazy("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    code = forms.CharField(
        label=gettext_lazy("Authentication code"), required=False, max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=gettext_lazy("Only if you turned on the second factor."),
    )


@_private
def sign_in(request):
    form = SignInForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            user = journalist_sign_in_check(
                request=request, email=form.cleaned_data["email"], password=form.cleaned_data["password"],
                code=form.cleaned_data["code"],
            )
        except SignInRefused as refused:
            form.add_error(None, refused.message)
            status = 429 if refused.throttled else 400
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("press_status")
    elif form.errors:
        status = 400
    return _render(request, "sign_in.html", {"form": form}, status=status)


@require_POST
@_private
def sign_out(request):
    logout(request)
    return redirect("press_sign_in")


class JournalistPasswordResetForm(PasswordResetForm):
    """Resets only journalists' passwords: staff reset theirs in the admin."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if hasattr(user, "journalist") and not user.is_staff)


class JournalistSetPasswordForm(SetPasswordForm):
    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("new_password1")
        if password and not self.errors:
            try:
                journalist_password_validate(password, user=self.user)
            except ValidationError as error:
                self.add_error("new_password2", error)
        return cleaned


def _password_view(view_class, template: str, **options):
    base = {"layout": {"language_code": "en", "direction": "ltr"}}
    view = view_class.as_view(template_name=TEMPLATES + template, extra_context=base, **options)

    @wraps(view)
    def localised(request, *args, **kwargs):
        base["layout"] = {"language_code": get_language(), "direction": "rtl" if get_language_bidi() else "ltr"}
        return view(request, *args, **kwargs)

    return _private(localised)


password_reset = _password_view(
    auth_views.PasswordResetView, "password_reset.html", form_class=JournalistPasswordResetForm,
    email_template_name="frontend_templates/press/accounts/password_reset_email.txt",
    subject_template_name="frontend_templates/press/accounts/password_reset_subject.txt",
    success_url=reverse_lazy("press_password_reset_done"),
)
password_reset_done = _password_view(auth_views.PasswordResetDoneView, "password_reset_done.html")
password_reset_confirm = _password_view(
    auth_views.PasswordResetConfirmView, "password_reset.html", form_class=JournalistSetPasswordForm,
    success_url=reverse_lazy("press_password_reset_complete"),
)
password_reset_complete = _password_view(auth_views.PasswordResetCompleteView, "password_reset_complete.html")


@journalist_required
def status(request):
    journalist = request.journalist
    return _render(request, "status.html", {
        "journalist": journalist,
        "standing": journalist_standing(journalist),
        "missions": list(journalist.missions.all()),
        "requested": list(journalist.requested_missions.all()),
        "tokens": list(journalist.tokens.filter(revoked_at__isnull=True)),
        "issued": request.session.pop("press_token_issued", None),
        "may_renew": journalist.status == AccreditationStatus.ACCREDITED,
    })


@require_POST
@journalist_required(accredited=True)
def token_create(request):
    name = request.POST.get("name", "").strip()[:100]
    if not name:
        messages.error(request, _("Name the token (where you will use it)."))
        return redirect("press_status")
    issued = services.journalist_token_issue(journalist=request.journalist, name=name)
    request.session["press_token_issued"] = {"name": name, "token": issued.token}
    return redirect("press_status")


@require_POST
@journalist_required
def token_revoke(request, pk: int):
    record = get_object_or_404(request.journalist.tokens, pk=pk)
    services.journalist_token_revoke(record=record)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": record.name})
    return redirect("press_status")


@require_POST
@journalist_required
def renew(request):
    try:
        services.journalist_renewal_request(journalist=request.journalist)
    except ValidationError as error:
        return HttpResponseForbidden(error.messages[0])
    messages.success(request, _("Your renewal request was sent to the press office."))
    return redirect("press_status")


@journalist_required
def two_factor(request):
    """Set up the second factor: a new secret with its QR code, confirmed by a code from the app."""
    journalist = request.journalist
    error = None
    if request.method == "POST" and request.POST.get("action") == "start":
        services.journalist_totp_begin(journalist=journalist)
    elif request.method == "POST":
        try:
            services.journalist_totp_confirm(journalist=journalist, code=request.POST.get("code", ""))
        except ValidationError as failure:
            error = failure.message_dict["code"][0]
        else:
            messages.success(request, _("The second factor is on: sign-in now asks for a code."))
            return redirect("press_status")
    qr = secret = None
    if journalist.totp_secret and journalist.totp_confirmed_at is None:
        secret = journalist.totp_secret
        uri = pyotp.TOTP(secret).provisioning_uri(name=journalist.user.email, issuer_name=settings.WAGTAIL_SITE_NAME)
        qr = segno.make(uri, error="m").svg_inline(scale=4, title=_("QR code for your authenticator app"))
    return _render(request, "two_factor.html", {"journalist": journalist, "qr": qr, "secret": secret, "error": error},
                   status=400 if error else 200)


@journalist_required
def data_export(request):
    body = json.dumps(journalist_data_export(request.journalist), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="press-centre-my-data.json"'
    return response


@journalist_required
def data_delete(request):
    """Delete the account after the journalist types their password again."""
    error = None
    if request.method == "POST":
        if request.journalist.user.check_password(request.POST.get("password", "")):
            services.journalist_delete(journalist=request.journalist)
            logout(request)
            return _render(request, "deleted.html")
        error = _("The password is not right.")
    return _render(request, "delete.html", {"error": error}, status=400 if error else 200)

