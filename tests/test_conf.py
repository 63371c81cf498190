"""The platform's settings namespace (core/conf.py): defaults, overrides, typos."""

import pytest

from core.attachments import max_bytes, private_storage
from core.conf import DEFAULTS, check_names, setting
from core.email import absolute_url


def test_a_host_without_tia_gets_the_defaults(settings):
    del settings.TIA
    assert setting("ATTACHMENT_MAX_BYTES") == DEFAULTS["ATTACHMENT_MAX_BYTES"]
    assert setting("PRIVATE_STORAGE") == "private"


def test_a_host_sets_only_what_it_changes(settings):
    settings.TIA = {"ATTACHMENT_MAX_BYTES": 1024}
    assert max_bytes() == 1024
    assert setting("PRIVATE_STORAGE") == "private"


def test_the_private_storage_is_the_alias_named(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "members": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    settings.TIA = {"PRIVATE_STORAGE": "members"}
    assert type(private_storage()).__name__ == "InMemoryStorage"


def test_links_in_email_use_site_url_then_wagtails_base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://admin.example.se/"
    assert absolute_url("/a/") == "https://admin.example.se/a/"
    settings.TIA = {"SITE_URL": "https://tia.example.se"}
    assert absolute_url("/a/") == "https://tia.example.se/a/"
    assert absolute_url("https://elsewhere.example/") == "https://elsewhere.example/"


def test_the_subject_prefix_falls_back_to_allauths_or_nothing(settings):
    settings.ACCOUNT_EMAIL_SUBJECT_PREFIX = "[TIA] "
    assert setting("EMAIL_SUBJECT_PREFIX") == "[TIA] "
    settings.TIA = {"EMAIL_SUBJECT_PREFIX": "[Län] "}
    assert setting("EMAIL_SUBJECT_PREFIX") == "[Län] "
    settings.TIA = {}
    del settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
    assert setting("EMAIL_SUBJECT_PREFIX") == ""


def test_an_unknown_name_is_a_bug():
    with pytest.raises(KeyError):
        setting("ATTACHMENTS_MAX_BYTES")


def test_a_misspelt_key_is_reported_at_start_up(settings):
    assert check_names(None) == []
    settings.TIA = {"ATTACHMENTS_MAX_BYTES": 1}
    [warning] = check_names(None)
    assert warning.id == "core.W001"
    assert "ATTACHMENTS_MAX_BYTES" in warning.msg
