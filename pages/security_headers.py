"""The Content Security Policy: enforced on public pages, tailored and reported on the admin.

Public pages carry no inline script or style, so their policy allows scripts and styles from the site only.
django-csp adds a nonce to the header only when a template asked for one (`request.csp_nonce`); no public
template does, which is what lets the page cache keep a page: a nonce served from a cache to every visitor
would no longer be secret.

Wagtail's admin still writes some inline styles and scripts, so the strict policy is only reported there
(`Content-Security-Policy-Report-Only`), while a policy that inline code does not break is enforced: no
plugins, no framing by other sites, forms and the document base on this site only.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def in_admin(request) -> bool:
    return request.path_info.startswith(settings.KOHTAAMO_ADMIN_PREFIX)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with one policy per part of the site.

    Public: CONTENT_SECURITY_POLICY enforced, nothing reported. Admin: KOHTAAMO_ADMIN_CSP enforced and
    CONTENT_SECURITY_POLICY_REPORT_ONLY (the public policy) reported.
    """

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not in_admin(request):
            if report_only:
                parts.config = {}
        elif not report_only and parts.config is None:
            parts.config = default_config(settings.KOHTAAMO_ADMIN_CSP)
        return parts
