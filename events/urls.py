"""Signing up for an event and cancelling by the link in the confirmation mail (no account)."""

from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("<int:event_id>/", views.register, name="register"),
    path("vahvistus/<str:token>/", views.registration_done, name="registration_done"),
    path("peru/<str:token>/", views.registration_cancel, name="registration_cancel"),
]
