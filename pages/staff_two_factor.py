"""wagtail-2fa's code screen with a form that names the device, as django-otp 1.7.1 and later require.

Since 1.7.1 django-otp checks a code only against the device the form names (trying each of the user's devices
counted a failure on every device the code was not from). wagtail-2fa 1.8.0's form names none, so it refused every
code (labd/wagtail-2fa#284). `wagtail_hooks.py` puts this view at the address and name of wagtail-2fa's, ahead of
it; remove both when wagtail-2fa names the device itself.
"""

from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa.forms import DeviceForm, TokenForm
from wagtail_2fa.views import LoginView


class StaffTokenForm(TokenForm):
    """A code from the staff member's authenticator app: their newest confirmed device, so that setting up a new
    phone replaces the old one without removing it first."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        field = self.fields["otp_token"]
        field.label = DeviceForm.base_fields["otp_token"].label  # wagtail-2fa's, translated with it; else "Otp token"
        field.widget.attrs.update({"inputmode": "numeric", "autocomplete": "one-time-code"})

    def _chosen_device(self, user):
        return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("-pk").first()


class StaffCodeView(LoginView):
    form_class = StaffTokenForm
