"""The journalist's registration, checked once for both ways in: the press area's form and the API."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from hub.models import Mission, validate_country_code

from .cards import press_card_content_type


def journalist_password_validate(password: str, *, user=None) -> None:
    """Django's validators plus the press centre's own minimum length (a journalist's account reads embargoes)."""
    validators = [
        *password_validation.get_default_password_validators(),
        password_validation.MinimumLengthValidator(settings.HUB_PRESS_JOURNALIST_PASSWORD_MIN_LENGTH),
    ]
    password_validation.validate_password(password, user=user, password_validators=validators)


class JournalistRegistrationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    outlet = forms.CharField(label=_("Outlet"), max_length=150, help_text=_("The newspaper, agency or broadcaster."))
    outlet_country = forms.CharField(
        label=_("Outlet country"), max_length=2, validators=[validate_country_code],
        help_text=_("ISO 3166-1 alpha-2 code, e.g. FR, VN, EG."),
    )
    role = forms.CharField(label=_("Role"), max_length=100, required=False, help_text=_("e.g. correspondent, editor."))
    language_codes = forms.MultipleChoiceField(
        label=_("Languages you work in"), choices=settings.WAGTAIL_CONTENT_LANGUAGES, widget=forms.CheckboxSelectMultiple
    )
    requested_missions = forms.ModelMultipleChoiceField(
        label=_("Missions you cover"), queryset=Mission.objects.order_by("name"), required=False,
        to_field_name="slug",
        help_text=_("Leave empty to ask for the whole network (decided by the HQ press office)."),
    )
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters, not a common password."),
    )
    press_card = forms.FileField(
        label=_("Press card"), help_text=_("A photo (JPEG or PNG) or a PDF of your press card.")
    )

    def clean_outlet_country(self):
        return self.cleaned_data["outlet_country"].upper()

    def clean_email(self):
        """Lower case; a taken address is no error here, so the form never says who has an account
        (press.services.journalist_registration_receive)."""
        return self.cleaned_data["email"].lower()

    def clean_press_card(self):
        card = self.cleaned_data["press_card"]
        self.press_card_content_type = press_card_content_type(card)
        return card

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            user = get_user_model()(username=cleaned.get("email", ""), email=cleaned.get("email", ""),
                                    first_name=cleaned.get("full_name", ""))
            try:
                journalist_password_validate(password, user=user)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned
