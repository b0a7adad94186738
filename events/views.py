"""Registration views: thin, the rules are in events.models.registrations."""

from django.http import Http404


def register(request, event_id):
    raise Http404
