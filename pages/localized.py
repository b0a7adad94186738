"""Translation fallback shared by every translatable model: activities, events and ideas use it too."""

from django.db import models
from django.db.models import Q
from wagtail.models import Locale


class LocalizedQuerySet(models.QuerySet):
    def localized(self, locale: Locale | None = None):
        """Rows in the reader's language, plus default-language rows that have no translation yet."""
        locale = locale or Locale.get_active()
        default = Locale.get_default()
        if locale.pk == default.pk:
            return self.filter(locale=locale)
        translated = self.model.objects.filter(locale=locale).values("translation_key")
        return self.filter(Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated)))
