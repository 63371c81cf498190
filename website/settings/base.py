"""Settings shared by every environment; what differs between machines comes from
the environment (see dev.py, production.py, test.py)."""

import os
from pathlib import Path

import dj_database_url
from django.conf import global_settings
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


INSTALLED_APPS = [
    # Ours, first so that our templates override those of the libraries.
    "core",
    "website.home",
    "core.geography",
    "directory",
    "core.users",
    "core.images",
    "core.documents",
    "core.audit",
    "website.search",
    "website.account",
    "website.demo",
    "website.benchmark",
    "partners",
    "forum",
    "events",
    "knowledge",
    "knowledge.followup",
    # Wagtail
    # Translations of pages: the admin's translation editor, and each
    # language's page tree kept in step with the Swedish one ("sync from").
    # wagtail_localize.locales replaces wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
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
    # Sign-in
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "whitenoise.runserver_nostatic",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A body far over the upload limit: refused before anything reads it.
    "core.middleware.RequestSizeLimitMiddleware",
    # Camera, microphone, location, payment…: denied (Django has no setting).
    "core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # An unprefixed address in another language than Swedish: to its prefix.
    "core.i18n.middleware.PreferredLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who is behind an entry of the audit log written in a model method.
    "core.audit.middleware.AuditRequestMiddleware",
    # The language each signed-in person last used: their mail's, unless chosen.
    "core.users.middleware.RememberLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff, county administrators, conveners and coordinators: second factor.
    "forum.second_factor.SecondFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "website.urls"

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

WSGI_APPLICATION = "website.wsgi.application"

# SQLite out of the box; PostgreSQL (or anything else) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
DATABASE_IS_SQLITE = DATABASES["default"]["ENGINE"].endswith("sqlite3")
if DATABASE_IS_SQLITE:
    # Several requests write at once (sixteen people answering one meeting).
    # WAL lets readers go on while one request writes; a writer waits up to
    # 20 s for the lock instead of failing with "database is locked"; and
    # IMMEDIATE takes the write lock when a transaction starts, so that two
    # transactions that read first never deadlock when both want to write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
if DATABASE_IS_POSTGRES:
    # Wagtail's database search backend needs it on PostgreSQL (postgres.E005).
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "documents.CustomDocument"

PASSWORD_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{PASSWORD_VALIDATION}.UserAttributeSimilarityValidator"},
    {
        "NAME": f"{PASSWORD_VALIDATION}.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": f"{PASSWORD_VALIDATION}.CommonPasswordValidator"},
    {"NAME": f"{PASSWORD_VALIDATION}.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: Swedish first (the source language, unprefixed URLs),
# then the languages the public side's readers read, each under its own
# permanent prefix (/ar/, /prs/, …). Django lacks Dari, Somali and Tigrinya:
# core.i18n adds their names and direction, and their date and number formats.
LANGUAGE_CODE = "sv"
LANGUAGES = [
    ("sv", _("Svenska")),
    ("en", _("Engelska")),
    ("ar", _("Arabiska")),
    ("fa", _("Persiska")),
    ("prs", _("Dari")),
    ("so", _("Somaliska")),
    ("ti", _("Tigrinja")),
    ("uk", _("Ukrainska")),
]
# Right to left: Django's list, and Dari (Persian script).
LANGUAGES_BIDI = [*global_settings.LANGUAGES_BIDI, "prs"]
FORMAT_MODULE_PATH = ["core.i18n.formats"]
# Ours, then library strings for prs/so/ti (scripts/library_translations.py).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "libraries"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "website" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Members' attachments in the forum: never under MEDIA_ROOT, never given a URL
# by the web server; only access-checked views read them (core/attachments.py).
# With several app servers this must be a shared volume.
PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media")
)
# The platform's own settings (defaults and meanings: core/conf.py).
TIA = {
    "ATTACHMENT_MAX_BYTES": 10 * 1024 * 1024,
    "PRIVATE_STORAGE": "private",
    "DIRECTORY_PARENT_PAGE_TYPES": ["home.HomePage"],
    "KNOWLEDGE_PARENT_PAGE_TYPES": ["home.HomePage"],
    # The activity map (docs/directory.md): off unless a tile server is set.
    "MAP_TILE_URL": os.environ.get("TIA_MAP_TILE_URL", ""),
    "MAP_ATTRIBUTION": os.environ.get("TIA_MAP_ATTRIBUTION", ""),
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/no-public-url/"},
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

# Sign-in (django-allauth): the email address is the login, and a new account
# must verify it before it can sign in.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Sign-up asks for a name too, so that others see "Fatima Ali", not an address.
ACCOUNT_SIGNUP_FORM_CLASS = "core.users.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# A signed-in member sent to the login page (e.g. from /admin/, which needs
# staff) sees the form and a message instead of being bounced back: no loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
# After five failed attempts for one address the login is refused for five
# minutes; allauth keeps the counters in the default cache, so production needs
# a cache that all app servers share (see production.py).
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[TIA] "
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "core.users.adapter.AccountAdapter"
# The way in when password sign-in is locked for an address: a one-time code
# mailed to it (allauth's rate limits and the second factor still apply).
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# A notice by mail when the password, an email address or the second factor
# changes (templates/account/email/, templates/mfa/email/), and the password
# (or a sign-in code) asked again before changing them when the sign-in is
# more than a few minutes old.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "TIA samverkansplattform"
# A code from the previous or next 30 seconds counts too: phones' clocks drift.
MFA_TOTP_TOLERANCE = 1

DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "TIA samverkan <noreply@tia.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "TIA samverkansplattform"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Staff reach the admin through the same sign-in as everyone else (email
# verification, rate limits, MFA).
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# Pages are translated with wagtail-localize into the interface's languages;
# every language has the whole page tree (website.home migration 0004), where a
# page not translated yet is an alias showing the Swedish one.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False  # allauth owns passwords
WAGTAIL_PASSWORD_RESET_ENABLED = False
# A knowledge page's reviewer publishes it on approval, whatever the admin's
# groups say about other pages (knowledge/workflow_actions.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "knowledge.workflow_actions.publish_workflow_state"
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "swedish",
    }
}
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Content security policy: nothing from other origins, no inline script on our
# pages. The Wagtail admin sets its own inline styles, so it is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # One line per background task is noise; failures are still logged.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        # Each step of rendering a poster's PDF; its warnings still show.
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Background tasks (django-tasks, Django's task API): TASKS_BACKEND names the
# backend class. By default a task runs at once in the process that enqueues
# it; in production a worker backend can take over (README, Production).
IMMEDIATE_TASKS = "django_tasks.backends.immediate.ImmediateBackend"
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "").strip() or IMMEDIATE_TASKS
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}
if TASKS_BACKEND.startswith("django_tasks_db."):
    # The database backend keeps its queue in tables of its own app.
    INSTALLED_APPS.append("django_tasks_db")
