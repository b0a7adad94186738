"""Kohtaamo settings, read from the environment (12-factor) with safe development defaults.

The README lists every variable. With DJANGO_DEBUG=0 the site refuses to start without a real
secret key and allowed hosts.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KOHTAAMO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

DEVELOPMENT_SECRET_KEY = "development-only-secret-key-never-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "") or DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

if not DEBUG:
    if SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "DJANGO_DEBUG is off: set DJANGO_SECRET_KEY to a random value of at least 50 characters."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_DEBUG is off: set DJANGO_ALLOWED_HOSTS.")

INSTALLED_APPS = [
    "home",
    "ideas",
    "events",
    "pages",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "wagtail_2fa",  # staff two-factor sign-in; see WAGTAIL_2FA_REQUIRED
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "pages.middleware.head_without_body",  # outermost: after CommonMiddleware set Content-Length
    "django.middleware.security.SecurityMiddleware",
    "pages.security_headers.ContentSecurityPolicyMiddleware",  # above the page cache: cached pages get it too
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pages.unavailable.database_unavailable",  # above the page cache, whose content version may need the database
    "pages.page_cache.PageCacheMiddleware",  # before sessions: a page from the cache costs no more than this
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pages.middleware.shared_site",
    "pages.middleware.LocaleMiddleware",  # Django's, without Vary: Accept-Language where the address decides
    "django.middleware.common.CommonMiddleware",
    "pages.middleware.compact_html",  # below CommonMiddleware, which counts Content-Length after it
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wagtail_2fa.middleware.VerifyUserMiddleware",  # staff without a verified code reach only its screens
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: answers a locked-out sign-in with pages.staff_login.locked_out
]

ROOT_URLCONF = "urls"
WSGI_APPLICATION = "wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite in WAL mode by default; PostgreSQL (or another) through DATABASE_URL.
SQLITE_PATH = VAR_DIR / "kohtaamo.sqlite3"
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{SQLITE_PATH}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,  # a kept connection the database has dropped is replaced, not used
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so concurrent writers wait (up to the
        # timeout) instead of failing with "database is locked" halfway through a transaction.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (several app servers share it), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "pages.redis_cache.RedisCache",  # Django's, reusing its Redis client
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("KOHTAAMO_CACHE_PREFIX", "kohtaamo"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole public pages for visitors without a session (pages/page_cache.py), never stale: each entry is keyed
# on the content version (pages/freshness.py), kept in the shared cache when there is one, else in a file.
KOHTAAMO_PAGE_CACHE = env_bool("KOHTAAMO_PAGE_CACHE", True)
KOHTAAMO_PAGE_CACHE_SECONDS = int(os.environ.get("KOHTAAMO_PAGE_CACHE_SECONDS", "600"))
# How long a front cache or CDN may hold a public page (Cache-Control s-maxage); browsers always ask again.
KOHTAAMO_PAGE_CACHE_S_MAXAGE = int(os.environ.get("KOHTAAMO_PAGE_CACHE_S_MAXAGE", "60"))
KOHTAAMO_CONTENT_VERSION_FILE = VAR_DIR / "content-version"
# A front cache (Varnish or another that takes HTTP PURGE, or Cloudflare) before the app servers: Wagtail purges a
# page from it when the page is published or unpublished; other changes reach it within the s-maxage above.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("KOHTAAMO_FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["KOHTAAMO_FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("KOHTAAMO_CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["KOHTAAMO_CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("KOHTAAMO_CLOUDFLARE_TOKEN", ""),
    }
# Each translation is a page of its own with its own address, purged when it is published.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Failed staff sign-ins (pages/staff_login.py): counted per username and address together, in the database,
# so every app server sees them; after AXES_FAILURE_LIMIT within the cool-off time that pair is refused.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = int(os.environ.get("KOHTAAMO_SIGN_IN_FAILURES", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("KOHTAAMO_SIGN_IN_LOCKOUT_MINUTES", "15")))
AXES_USE_ATTEMPT_EXPIRATION = True  # each failure is forgotten after the cool-off time, not only the lockout
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # no record of successful sign-ins: the audit log has what staff did
AXES_CLIENT_IP_CALLABLE = "pages.staff_login.client_address"
AXES_LOCKOUT_CALLABLE = "pages.staff_login.locked_out"
AXES_VERBOSE = False

# Two-factor sign-in for staff (wagtail-2fa): every account that may use the admin sets up an authenticator
# app (TOTP) on its first sign-in and gives a code from it after each password; until then it reaches only
# that setup. Required in production, off in development and the tests unless KOHTAAMO_STAFF_2FA=1.
WAGTAIL_2FA_REQUIRED = env_bool("KOHTAAMO_STAFF_2FA", not DEBUG)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Finnish first (no URL prefix), Swedish under /sv/, English under /en/.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Our own strings first; then other packages' strings that lack Finnish or Swedish (not rebuilt by makemessages).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_packages"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("KOHTAAMO_MEDIA_ROOT", VAR_DIR / "media"))
# Images (uploads and their renditions) served by the app itself; 0 when a front web server serves
# MEDIA_ROOT/images/ and MEDIA_ROOT/original_images/ at /media/. Documents always go through Wagtail.
SERVE_MEDIA = env_bool("KOHTAAMO_SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# E-mail: printed to the console in development; SMTP when DJANGO_EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "kohtaamo@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Production (DJANGO_DEBUG=0) is HTTPS only; `manage.py check --deploy` stays clean.
SESSION_COOKIE_SECURE = not DEBUG
# Only staff have sessions. A sign-in lasts a working day at most and ends when the browser closes: the
# place's shared computers are used by many.
SESSION_COOKIE_AGE = int(os.environ.get("KOHTAAMO_STAFF_SESSION_HOURS", "8")) * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"  # Django's default, stated: other sites' windows stay apart
# Content Security Policy (pages/security_headers.py). Public pages have no inline script or style; the admin
# enforces KOHTAAMO_ADMIN_CSP and reports what the public policy would block.
KOHTAAMO_ADMIN_PREFIX = "/admin/"
_PUBLIC_CSP = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF, NONCE],
    "img-src": [SELF],
    "object-src": [NONE],
    "base-uri": [NONE],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _PUBLIC_CSP}
CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _PUBLIC_CSP}
KOHTAAMO_ADMIN_CSP = {
    "default-src": None,  # django-csp would add 'self', which would block the admin's inline scripts
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],  # the page preview is framed by the admin itself
}
# Features no page uses, refused for the page and anything it might embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
CSRF_FAILURE_VIEW = "pages.views.csrf_failure"  # "the form expired", in the reader's language
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Database errors are logged without the rows they were about (names, e-mail addresses).
    "filters": {"no_row_values": {"()": "pages.log_filters.hide_row_values"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_row_values"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Page bookkeeping is in the admin's audit log; keep the console for problems.
        "wagtail": {"level": "WARNING"},
        # Wagtail runs its search and reference indexing as tasks (the django-tasks package it depends on),
        # and the task backend logs two INFO lines for every object saved.
        "django_tasks": {"level": "WARNING"},
        # Failed staff sign-ins: the lockouts are warnings (usernames and addresses masked); the rest is noise.
        "axes": {"level": "WARNING"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = "Kohtaamo"
WAGTAIL_2FA_OTP_TOTP_NAME = WAGTAIL_SITE_NAME  # the account's name in staff members' authenticator apps
WAGTAILADMIN_BASE_URL = os.environ.get("KOHTAAMO_BASE_URL", "http://127.0.0.1:8000")
# One search index holds every language, so Wagtail indexes it with PostgreSQL's language-neutral "simple"
# configuration; the site search stems by the reader's language with these (pages/search_index.py).
# Languages without one use "simple". SQLite ignores both.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}}
KOHTAAMO_SEARCH_CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}

# Languages an activity may be held in and interpreters may be asked for (ISO 639 codes; each reader sees
# their names in their own language). The home languages of many families here come after the site's own.
KOHTAAMO_SPOKEN_LANGUAGES = env_list("KOHTAAMO_SPOKEN_LANGUAGES", "fi,sv,en,ar,so,ru,uk,et,fa,ku,sq,vi,th,tr,es,fr,de")
# How long personal data is kept: `manage.py apply_retention` erases it then; `{% retention_periods %}` states it.
# Days after an event when its registrations' personal data is erased.
KOHTAAMO_REGISTRATION_RETENTION_DAYS = int(os.environ.get("KOHTAAMO_REGISTRATION_RETENTION_DAYS", "30"))
# Days after an idea was proposed when the proposer's e-mail address is erased.
KOHTAAMO_PROPOSER_EMAIL_RETENTION_DAYS = int(os.environ.get("KOHTAAMO_PROPOSER_EMAIL_RETENTION_DAYS", "365"))
# Days after it was sent when an answer to the interest form (ways to take part) is deleted.
KOHTAAMO_INTEREST_ANSWER_RETENTION_DAYS = int(os.environ.get("KOHTAAMO_INTEREST_ANSWER_RETENTION_DAYS", "180"))
# Ideas: the most days staff take to read a new idea (the confirmation page promises it), and the largest
# photo or drawing a family may attach (megabytes; bigger uploads are refused before they are read).
KOHTAAMO_IDEA_MODERATION_DAYS = int(os.environ.get("KOHTAAMO_IDEA_MODERATION_DAYS", "7"))
KOHTAAMO_IDEA_PHOTO_MAX_MB = int(os.environ.get("KOHTAAMO_IDEA_PHOTO_MAX_MB", "8"))
# Reverse proxies in front of the app servers whose X-Forwarded-For is trusted for rate limits (0: none).
KOHTAAMO_TRUSTED_PROXIES = int(os.environ.get("KOHTAAMO_TRUSTED_PROXIES", "0"))

# Background tasks (Django's task framework through the django-tasks backport). Mail to families goes
# through the "mail" backend: with KOHTAAMO_TASKS=database it waits in the database until
# `manage.py db_worker` sends it, retrying while the mail server is down; by default (development,
# tests) it runs at once. Wagtail's own tasks (search indexing) always run at once.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if os.environ.get("KOHTAAMO_TASKS", "immediate") == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
        "QUEUES": ["default"],
    },
}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True
