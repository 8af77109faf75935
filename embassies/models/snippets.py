"""Snippets shared by pages across missions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A policy topic content is filed under (e.g. Digital diplomacy, Climate), translated per locale."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, allow_unicode=True)
    description = models.CharField(max_length=300, blank=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")]

    def __str__(self) -> str:
        return self.name
