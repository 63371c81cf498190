"""The platform's own settings, in one namespace with defaults.

A host site sets only what it changes::

    TIA = {"ATTACHMENT_MAX_BYTES": 5 * 1024 * 1024}

and the apps read ``setting("ATTACHMENT_MAX_BYTES")``, at call time, so that
``override_settings(TIA=…)`` works in tests. Django's, Wagtail's and allauth's
own settings stay where those libraries read them.
"""

from django.conf import settings
from django.core.checks import Warning, register

DEFAULTS = {
    # Largest file a member may attach, per file (core.attachments).
    "ATTACHMENT_MAX_BYTES": 10 * 1024 * 1024,
    # Largest request body, from its Content-Length, that the app reads at all
    # (core.middleware); None: five attachments and a megabyte for the form.
    # The web server's limit (nginx client_max_body_size) should match it.
    "MAX_REQUEST_BYTES": None,
    # The STORAGES alias for members' attachments: a storage no URL serves.
    "PRIVATE_STORAGE": "private",
    # Scheme and host before the paths of links in email, e.g.
    # "https://tia.example.se"; None: Wagtail's WAGTAILADMIN_BASE_URL.
    "SITE_URL": None,
    # The platform's name in email (sign-in mail included); None: Wagtail's
    # WAGTAIL_SITE_NAME.
    "SITE_NAME": None,
    # Before the subject of every email; None: allauth's
    # ACCOUNT_EMAIL_SUBJECT_PREFIX when the host sets it, else nothing.
    "EMAIL_SUBJECT_PREFIX": None,
    # The page types under which editors may add the activity directory's page,
    # e.g. ["home.HomePage"]; None: under any page.
    "DIRECTORY_PARENT_PAGE_TYPES": None,
    # The page types under which editors may add a knowledge index page (the
    # public one, and one per forum), e.g. ["home.HomePage"]; None: under any
    # page. An index page may always stand under another index page.
    "KNOWLEDGE_PARENT_PAGE_TYPES": None,
    # The namespace of the directory's HSDS identifiers (directory/hsds.py):
    # each installation (county) its own UUID, so that feeds merged by others
    # never share an id. Changing it changes every published id.
    "HSDS_NAMESPACE": "680fd4d9-3dc0-558c-bcb1-b621b8322609",
    # The activity map's tile server, a URL template such as
    # "https://tiles.example.org/{z}/{x}/{y}.png": a self-hosted or contracted
    # service, since visitors' browsers fetch the tiles from it. Empty: no map
    # (no Leaflet loaded, nothing on the page mentions one), so that by default
    # no visitor's browser contacts a third party. The directory page's
    # content security policy allows this host's images, and only there.
    "MAP_TILE_URL": "",
    # The attribution the tile service requires, shown in the map's corner as
    # plain text, e.g. "Kartdata © OpenStreetMap-bidragsgivare".
    "MAP_ATTRIBUTION": "",
    # How long the audit log (core.audit) keeps an entry, in days;
    # `manage.py prune_audit_log` (daily) removes older ones.
    "AUDIT_RETENTION_DAYS": 730,
    # The situation report (knowledge/followup/report.py) flags a municipality
    # where the directory offers fewer seats than this per 100 people of the
    # target group (and where there are people but no activity at all).
    "FOLLOWUP_MIN_SEATS_PER_100": 10,
}

# What a None above stands for: a setting the host has anyway.
FALLBACKS = {
    "SITE_URL": "WAGTAILADMIN_BASE_URL",
    "SITE_NAME": "WAGTAIL_SITE_NAME",
    "EMAIL_SUBJECT_PREFIX": "ACCOUNT_EMAIL_SUBJECT_PREFIX",
}


def setting(name):
    """The value of ``TIA[name]``, or its default; a name not in DEFAULTS is a bug."""
    if name not in DEFAULTS:
        raise KeyError(f"{name!r} is not one of the platform's settings")
    value = getattr(settings, "TIA", {}).get(name, DEFAULTS[name])
    if value is None and name in FALLBACKS:
        value = getattr(settings, FALLBACKS[name], "")
    return value


@register()
def check_names(app_configs, **kwargs):
    """A misspelt key would be ignored silently: say so at start-up."""
    return [
        Warning(
            f"settings.TIA has the unknown key {name!r}.",
            hint=f"Known keys: {', '.join(sorted(DEFAULTS))} (core/conf.py).",
            id="core.W001",
        )
        for name in getattr(settings, "TIA", {})
        if name not in DEFAULTS
    ]
