"""The translation catalogues compile, and the compiled files are current."""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


def test_there_is_an_english_catalogue():
    assert LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po" in CATALOGUES


@pytest.mark.parametrize("po_file", CATALOGUES, ids=lambda p: p.parts[-3])
def test_catalogue_compiles_and_committed_mo_is_current(po_file, tmp_path):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt (Debian package gettext) is needed: make test installs it"
    fresh = tmp_path / "django.mo"
    subprocess.run(
        [msgfmt, "--check-format", "-o", str(fresh), str(po_file)], check=True
    )
    committed = po_file.with_suffix(".mo")
    assert committed.exists(), f"run `make translations` to compile {po_file}"
    with open(fresh, "rb") as f:
        fresh_catalog = gettext.GNUTranslations(f)._catalog
    with open(committed, "rb") as f:
        committed_catalog = gettext.GNUTranslations(f)._catalog
    assert committed_catalog == fresh_catalog, "run `make translations`"


@pytest.mark.parametrize("po_file", CATALOGUES, ids=lambda p: p.parts[-3])
def test_every_string_is_translated(po_file):
    result = subprocess.run(
        ["msgfmt", "--statistics", "-o", "/dev/null", str(po_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, (
        result.stderr
    )
