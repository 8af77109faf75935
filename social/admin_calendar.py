"""The content calendar: what goes where and when, by day in each mission's timezone, and a reschedule form.

Per mission for its staff, network-wide for HQ administrators. A post is placed at the moment it went out, or its
own send time, or its page's go-live time; posts that go out "with the page" of a page not yet scheduled are listed
apart. Rescheduling takes a wall-clock time in the mission's timezone and stores UTC (social.services.reschedule)."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages

from hub.models import content_language_codes

from . import admin_access, services
from .admin_failures import PostFilterForm
from .admin_views import SocialAdminView, SocialScreen
from .models import Campaign, SocialPost

UTC = zoneinfo.ZoneInfo("UTC")


class CalendarFilterForm(PostFilterForm):
    view = forms.ChoiceField(label=_("View"), choices=[("week", _("Week")), ("month", _("Month"))], required=False)
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(label=_("Language"), required=False)
    campaign = forms.ModelChoiceField(label=_("Campaign"), queryset=Campaign.objects.all(), required=False,
                                      to_field_name="slug")
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("Any")), *SocialPost.Status.choices], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Any")), *((code, code) for code in content_language_codes())]

    def filtered(self, queryset):
        queryset = super().filtered(queryset)
        if not self.is_valid():
            return queryset
        for field, lookup in (("language", "account__language_code"), ("campaign", "campaign"), ("status", "status")):
            if self.cleaned_data.get(field):
                queryset = queryset.filter(**{lookup: self.cleaned_data[field]})
        return queryset

    def period(self, today: date) -> tuple[str, date, date]:
        """(view, first day, day after the last) of the period shown."""
        data = self.cleaned_data if self.is_valid() else {}
        view = data.get("view") or "week"
        start = data.get("start") or today
        if view == "month":
            first = start.replace(day=1)
            return view, first, (first + timedelta(days=32)).replace(day=1)
        first = start - timedelta(days=start.weekday())
        return view, first, first + timedelta(days=7)


def local_moment(post: SocialPost) -> datetime | None:
    return post.when.astimezone(zoneinfo.ZoneInfo(post.account.mission.timezone)) if post.when else None


class CalendarView(SocialAdminView):
    template_name = "social/admin/calendar.html"
    page_title = _("Social calendar")
    header_icon = "date"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = CalendarFilterForm(self.request.GET or None, user=self.request.user)
        view, first, after = form.period(datetime.now(UTC).date())
        # A day's edge differs per mission (UTC−12 to UTC+14): read a day wider each side, then place by local date.
        window = (datetime.combine(first - timedelta(days=1), time(), UTC), datetime.combine(after + timedelta(days=1), time(), UTC))
        posts = form.filtered(admin_access.posts_visible_to(user=self.request.user)).select_related(
            "account__mission", "page", "campaign").annotate(when=Coalesce("sent_at", "send_at", F("page__go_live_at")))
        days = {first + timedelta(days=offset): [] for offset in range((after - first).days)}
        for post in posts.filter(when__gte=window[0], when__lt=window[1]).order_by("when", "pk"):
            moment = local_moment(post)
            if moment.date() in days:
                # Formatted here: template filters would turn the moment back into the server's zone.
                days[moment.date()].append({"post": post, "time": f"{moment:%H:%M}", "iso": moment.isoformat(),
                                            "reschedulable": post.status in services.RESCHEDULABLE})
        unscheduled = posts.filter(when__isnull=True, status__in=[SocialPost.Status.DRAFT, SocialPost.Status.APPROVED])
        context.update(
            filter_form=form, view=view, first=first, last=after - timedelta(days=1),
            days=[{"day": day, "entries": entries} for day, entries in days.items()],
            unscheduled=unscheduled.order_by("pk")[:200],
        )
        return context


class RescheduleForm(forms.Form):
    send_at = forms.DateTimeField(label=_("New send time"), widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"), input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])

    def __init__(self, *args, post: SocialPost, **kwargs):
        super().__init__(*args, **kwargs)
        self.post = post
        self.fields["send_at"].help_text = _("In the mission's timezone, %(zone)s.") % {"zone": post.account.mission.timezone}

    def clean_send_at(self):
        value = self.cleaned_data["send_at"].replace(tzinfo=None)  # a wall-clock time in the mission's zone
        try:
            self.rescheduled = services.reschedule(self.post, local=value)
        except ValidationError as error:
            raise ValidationError(error.messages) from None
        return value


class RescheduleView(SocialScreen, TemplateView):
    template_name = "social/admin/reschedule.html"
    page_title = _("Reschedule post")
    header_icon = "date"

    def dispatch(self, request, post_id: int):
        self.post_obj = get_object_or_404(admin_access.posts_visible_to(user=request.user)
                                          .select_related("account__mission", "page"), pk=post_id)
        zone = zoneinfo.ZoneInfo(self.post_obj.account.mission.timezone)
        initial = {"send_at": self.post_obj.send_at.astimezone(zone).replace(tzinfo=None)} if self.post_obj.send_at else {}
        self.form = RescheduleForm(request.POST or None, post=self.post_obj, initial=initial)
        return super().dispatch(request, post_id)

    def get_page_subtitle(self):
        return f"{self.post_obj.account} · {self.post_obj.page.title}"

    def post(self, request, post_id: int):
        if not self.form.is_valid():
            return self.render_to_response(self.get_context_data(), status=400)
        messages.success(request, _("The post to %(account)s goes out at %(when)s (%(zone)s).") % {
            "account": self.post_obj.account, "when": f"{self.form.cleaned_data['send_at']:%d %b %Y %H:%M}",
            "zone": self.post_obj.account.mission.timezone})
        return redirect("social_calendar")

    def get_context_data(self, **kwargs):
        return super().get_context_data(post=self.post_obj, form=self.form, **kwargs)
