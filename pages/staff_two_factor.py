"""wagtail-2fa's code screen with a form that names the device, as django-otp 1.7.1 and later require, and its
device setup keeping its secret when the page is loaded again.

Since 1.7.1 django-otp checks a code only against the device the form names (trying each of the user's devices
counted a failure on every device the code was not from). wagtail-2fa 1.8.0's form names none, so it refused every
code (labd/wagtail-2fa#284). `wagtail_hooks.py` puts both views at the addresses and names of wagtail-2fa's, ahead
of them; remove the code screen's when wagtail-2fa names the device itself.
"""

from django.utils.functional import cached_property
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa import utils
from wagtail_2fa.forms import DeviceForm, TokenForm
from wagtail_2fa.views import DeviceCreateView, LoginView


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


class StaffDeviceCreateView(DeviceCreateView):
    """wagtail-2fa's setup makes a new secret each time its page is loaded, so a staff member who scanned the QR
    code and then reloaded the page (or came back to it) would type codes the site no longer accepts. This one
    keeps the secret of a setup not yet finished; confirming the device still removes every unfinished one."""

    @cached_property
    def device(self):
        user = self.request.user
        unfinished = utils.get_unconfirmed_device(user)
        if self.request.method.lower() == "get" and unfinished is None:
            return utils.new_unconfirmed_device(user)
        return unfinished
