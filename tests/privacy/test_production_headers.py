"""Production's response headers on a public page, a private page and a document."""

import importlib
import sys

import pytest
from django.test import override_settings
from django.urls import reverse

from forum.models import Level
from tests.factories import ForumFactory, MembershipFactory, ParticipationFactory
from tests.test_settings import PRODUCTION_ENV
from tests.website.test_documents import CONTENT, document, guidance_page

pytestmark = pytest.mark.django_db

# What production changes about the answers; its database, cache, mail and
# static-file storage stay the test's.
HEADER_SETTINGS = [
    "DEBUG",
    "MIDDLEWARE",
    "CONTENT_SECURITY_POLICY",
    "X_FRAME_OPTIONS",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
]


@pytest.fixture
def production(monkeypatch):
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop("website.settings.production", None)
    module = importlib.import_module("website.settings.production")
    sys.modules.pop("website.settings.production", None)
    with override_settings(**{name: getattr(module, name) for name in HEADER_SETTINGS}):
        yield


def assert_hardened(response):
    assert response.status_code == 200, response
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.split(None, 1) + [""])[:2] for part in policy.split(";") if part.strip()
    )
    # Scripts: script-src, or default-src where there is none.
    scripts = directives.get("script-src", directives["default-src"])
    assert "'unsafe-inline'" not in scripts
    assert "'unsafe-eval'" not in scripts
    assert response["X-Frame-Options"] == "DENY"
    assert directives.get("frame-ancestors", "'none'").strip() == "'none'"
    assert "max-age=31536000" in response["Strict-Transport-Security"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


def test_production_headers_on_public_private_and_document_responses(
    client, production
):
    https = {"secure": True, "headers": {"host": "tia.example.se"}}
    assert_hardened(client.get("/", **https))

    forum = ForumFactory()
    participation = ParticipationFactory(forum=forum, level=Level.DIALOG)
    client.force_login(MembershipFactory(organisation=participation.organisation).user)
    assert_hardened(
        client.get(reverse("forum:forum_detail", args=[forum.slug]), **https)
    )

    doc = document("Broschyr")
    guidance_page(doc)
    response = client.get(doc.url, **https)
    assert_hardened(response)
    assert b"".join(response.streaming_content) == CONTENT


def test_production_sends_plain_http_to_https(client, production):
    response = client.get("/", headers={"host": "tia.example.se"})
    assert response.status_code == 301
    assert response.url.startswith("https://")
