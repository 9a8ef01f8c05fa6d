from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    """A subject of learning; self-assessment dimensions link to topics to recommend modules."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name
