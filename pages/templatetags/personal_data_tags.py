"""`{% retention_periods %}`: how long the site keeps each kind of personal data, for the privacy notice.

The periods are settings and the sentences translations (each app's `retention_notice`), so a period is
entered once and reads right in every language; no translation of the notice types a number of days.
"""

from django import template

from pages import navigation, personal_data

register = template.Library()


@register.inclusion_tag("pages/includes/retention_periods.html")
def retention_periods() -> dict:
    """A list of the retention periods, one sentence each, in the reader's language. No query."""
    return {"notices": personal_data.retention_notices()}


@register.simple_tag(takes_context=True)
def is_privacy_notice(context, page) -> bool:
    """Whether `page` is the site's privacy notice, which then states the retention periods."""
    return navigation.is_privacy_notice(context["request"], page)
