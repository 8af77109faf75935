"""The page's "Social posts" screen in the admin: one post per connected account, live count, preview."""

from __future__ import annotations

import zoneinfo

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.models import Page

from embassies.assets.sizes import SOCIAL_SIZES
from embassies.models import MissionContentPage
from embassies.presentation.social import social_image

from . import composer
from .admin_views import SocialScreen
from .models import Campaign, SocialPost


def editable_page(request, page_id: int) -> MissionContentPage:
    """A page with share texts the user may edit; anything else is a 404, as if there were no such page."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, MissionContentPage) or not page.permissions_for_user(request.user).can_edit():
        raise Http404
    return page


class CampaignForm(forms.Form):
    campaign = forms.ModelChoiceField(queryset=Campaign.objects.none(), required=False, label=_("Campaign"),
                                      help_text=_("Its hashtag is added to new posts; its slug is the links' utm_campaign."))

    def __init__(self, *args, mission_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = Campaign.objects.filter(
            pk__in=[campaign.pk for campaign in composer.campaigns_for(mission_id=mission_id)])


class PostForm(forms.Form):
    """One account's post; `include` unticked leaves the account out."""

    include = forms.BooleanField(required=False, label=_("Post to this account"))
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 5, "data-composer-text": ""}))
    image_size = forms.ChoiceField(required=False, label=_("Image crop"),
                                   choices=[("", _("No image")), *[(name, name) for name in SOCIAL_SIZES]])
    send_mode = forms.ChoiceField(choices=SocialPost.SendMode.choices, initial=SocialPost.SendMode.WITH_PAGE,
                                  label=_("Send"))
    send_at = forms.DateTimeField(required=False, label=_("At (mission's time)"),
                                  input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
                                  widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))

    def __init__(self, *args, account, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = account

    def draft(self) -> composer.PostDraft:
        data = self.cleaned_data
        return composer.PostDraft(account=self.account, text=data["text"], image_size=data["image_size"],
                                  send_mode=data["send_mode"], send_at_local=data["send_at"])


class ComposerView(SocialScreen, TemplateView):
    template_name = "social/composer/edit.html"
    page_title = _("Social posts")
    header_icon = "globe"

    def dispatch(self, request, page_id):
        self.page = editable_page(request, page_id)
        self.accounts = composer.composer_accounts(page=self.page)
        self.posts = composer.page_posts(page=self.page)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def _forms(self, data=None):
        drafts = {post.account_id: post for post in self.posts if post.status == SocialPost.Status.DRAFT}
        locked = {post.account_id for post in self.posts if post.status != SocialPost.Status.DRAFT}
        first_draft = next(iter(drafts.values()), None)
        campaign = first_draft.campaign if first_draft else self._asked_campaign()
        campaign_form = CampaignForm(data, mission_id=self.page.mission_id, prefix="page",
                                     initial={"campaign": campaign.pk if campaign else None})
        rows = []
        for account in self.accounts:
            if account.pk in locked:
                continue
            post = drafts.get(account.pk)
            if post is not None:
                initial = {"include": True, "text": post.text, "image_size": post.image_size,
                           "send_mode": post.send_mode, "send_at": _local(post)}
                locale = None
            else:
                prefill = composer.post_prefill(page=self.page, account=account, campaign=campaign)
                initial = {"include": False, "text": prefill["text"], "image_size": prefill["image_size"]}
                locale = prefill["locale"]
            rows.append({"account": account, "post": post, "prefill_locale": locale,
                         "form": PostForm(data, account=account, prefix=f"a{account.pk}", initial=initial)})
        return campaign_form, rows

    def _asked_campaign(self) -> Campaign | None:
        """`?campaign=<id>`: prefill new posts with that campaign's hashtag and links."""
        asked = self.request.GET.get("campaign", "")
        return next((campaign for campaign in composer.campaigns_for(mission_id=self.page.mission_id)
                     if str(campaign.pk) == asked), None)

    def get(self, request, page_id):
        campaign_form, rows = self._forms()
        return self.render_to_response(self.get_context_data(campaign_form=campaign_form, rows=rows))

    def post(self, request, page_id):
        campaign_form, rows = self._forms(request.POST)
        valid = campaign_form.is_valid() & all([row["form"].is_valid() for row in rows])
        if valid:
            campaign = campaign_form.cleaned_data["campaign"]
            included = [row for row in rows if row["form"].cleaned_data["include"]]
            for row in included:
                for field, message in composer.post_draft_errors(
                        row["form"].draft(), page=self.page, campaign=campaign, request=request).items():
                    row["form"].add_error(field, message)
                    valid = False
        if valid:
            try:
                saved = composer.page_posts_save(page=self.page, drafts=[row["form"].draft() for row in included],
                                                 campaign=campaign, user=request.user, request=request)
            except ValidationError as error:
                campaign_form.add_error(None, error)
            else:
                messages.success(request, _("%(count)s social posts saved; they go to review with the page.") % {
                    "count": len(saved)})
                return redirect("social_composer", page_id=self.page.pk)
        context = self.get_context_data(campaign_form=campaign_form, rows=rows)
        return self.render_to_response(context, status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for row in context["rows"]:
            form = row["form"]
            text = form["text"].value() or ""
            image_size = form["image_size"].value() or ""
            link = row["post"].link if row["post"] else composer.post_link(
                page=self.page, account=row["account"], campaign=self._asked_campaign(), key=composer.PLACEHOLDER_KEY, request=self.request)
            row["count"] = composer.post_count(platform=row["account"].platform, text=text, link=link)
            row["preview"] = composer.post_preview(page=self.page, platform=row["account"].platform, text=text,
                                                   link=link, image_size=image_size, request=self.request)
        context.update(
            page=self.page,
            locked_posts=[post for post in self.posts if post.status != SocialPost.Status.DRAFT],
            crops={name: (social_image(self.page, size=name, request=self.request) or {}).get("url", "")
                   for name in SOCIAL_SIZES},
            timezone=self.page.mission.timezone if self.page.mission_id else "UTC",
        )
        return context


def _local(post: SocialPost):
    """The post's time in its mission's timezone, as the editor entered it."""
    if post.send_at is None:
        return None
    return post.send_at.astimezone(zoneinfo.ZoneInfo(post.account.mission.timezone)).replace(tzinfo=None)


@require_POST
def count(request, page_id: int):
    """The live count for one account's text (the composer's script asks, debounced): JSON, 400 on bad input."""
    page = editable_page(request, page_id)
    accounts = {str(account.pk): account for account in composer.composer_accounts(page=page)}
    account = accounts.get(request.POST.get("account", ""))
    if account is None:
        return JsonResponse({"message": "Unknown account: use one of the mission's connected accounts.",
                             "code": "unknown_account"}, status=400)
    text = request.POST.get("text")
    if text is None:
        return JsonResponse({"message": "Send the post's text in `text`.", "code": "missing_text"}, status=400)
    campaign = None
    if request.POST.get("campaign"):
        campaign = next((c for c in composer.campaigns_for(mission_id=page.mission_id)
                         if str(c.pk) == request.POST["campaign"]), None)
    link = composer.post_link(page=page, account=account, campaign=campaign, key=composer.PLACEHOLDER_KEY,
                              request=request)
    return JsonResponse({"account": account.pk, "platform": account.platform,
                         **composer.post_count(platform=account.platform, text=text, link=link).json()})


def review_panel(*, page, request) -> str:
    """The page's posts, read-only with their previews, for the reviewer's screen (moderation's review view)."""
    page = page.specific.get_latest_revision_as_object()  # the card as submitted, not as last published
    if not isinstance(page, MissionContentPage):
        return ""
    items = [{
        "post": post,
        "local_time": _local(post),
        "count": composer.post_count(platform=post.account.platform, text=post.text, link=post.link),
        "preview": composer.post_preview(page=page, platform=post.account.platform, text=post.text, link=post.link,
                                         image_size=post.image_size, request=request),
    } for post in composer.page_posts(page=page)]
    return render_to_string("social/composer/review_panel.html", {"items": items}, request=request)
