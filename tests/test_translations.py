"""The translation catalogues compile, and the compiled files are current."""

import gettext
import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


def test_every_interface_language_but_the_source_has_a_catalogue():
    from django.conf import settings

    for code, _name in settings.LANGUAGES:
        po_file = LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
        assert po_file in CATALOGUES, f"no catalogue for {code}"


TRANSLATED = [p for p in CATALOGUES if p.parts[-3] != "sv"]


@pytest.mark.parametrize("po_file", TRANSLATED, ids=lambda p: p.parts[-3])
def test_catalogue_says_who_translated_it_and_whether_it_was_reviewed(po_file):
    catalogue = gettext.GNUTranslations(open(po_file.with_suffix(".mo"), "rb"))
    info = catalogue.info()
    assert info["language"] == po_file.parts[-3]
    assert info["x-translated-by"].strip()
    review = info["x-native-speaker-review"]
    assert review == "yes" or review.startswith("no (draft"), review
    assert "Reviewed by a native speaker:" in po_file.read_text().split("msgid")[0]


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


def _msgids(po_file):
    import polib

    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(po_file))}


def test_every_language_has_every_string():
    """`make translations` adds new strings to every catalogue at once; a
    catalogue without them shows those strings in Swedish."""
    expected = _msgids(LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po")
    for po_file in TRANSLATED:
        missing = expected - _msgids(po_file)
        assert not missing, f"{po_file.parts[-3]} lacks {sorted(missing)[:5]}"
