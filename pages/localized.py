"""Rules every translatable model shares: activities, events and ideas use them too.

`LocalizedQuerySet` reads rows in the reader's language with a fallback; `SynchronizedFieldsMixin`
keeps facts that are not language the same in every translation.
"""

from django.db import models, transaction
from django.db.models import Q
from wagtail.models import Locale

from .shared import active_locale, default_locale


class LocalizedQuerySet(models.QuerySet):
    def localized(self, locale: Locale | None = None):
        """Rows in the reader's language, plus default-language rows that have no translation yet."""
        locale = locale or active_locale()
        default = default_locale()
        if locale.pk == default.pk:
            return self.filter(locale=locale)
        translated = self.model.objects.filter(locale=locale).values("translation_key")
        return self.filter(Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated)))


class SynchronizedFieldsMixin(models.Model):
    """Facts that are not language keep one value in every translation (a phone number, a sector).

    Saving any translation copies its `synchronized_fields` to the others in the same transaction;
    a many-to-many field gets the same rows in each translation's own language where they have one.
    For TranslatableMixin models; editors may change a fact in whichever language they are editing.
    """

    synchronized_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.synchronize_translations()

    def synchronize_translations(self) -> None:
        others = list(self.get_translations().select_related("locale"))
        if not others:
            return
        fields = [self._meta.get_field(name) for name in self.synchronized_fields]
        values = {field.attname: getattr(self, field.attname) for field in fields if not field.many_to_many}
        if values:
            type(self)._default_manager.filter(pk__in=[other.pk for other in others]).update(**values)
        for field in (field for field in fields if field.many_to_many):
            chosen = list(getattr(self, field.name).all())
            for other in others:
                related = getattr(other, field.name)
                related.set([item.get_translation_or_none(other.locale) or item for item in chosen])
                if hasattr(related, "commit"):  # modelcluster's ParentalManyToManyField defers until commit
                    related.commit()
