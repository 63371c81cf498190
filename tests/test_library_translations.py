"""The libraries' strings read in Dari, Somali and Tigrinya, not in Swedish.

Django and allauth ship no catalogue for these languages; ours live in
``locale/libraries/`` and ``scripts/library_translations.py`` collects them.
"""

import gettext
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "library_translations.py"
CATALOGUES = ROOT / "locale" / "libraries"
LANGUAGES = ["prs", "so", "ti"]
PLURALS = {
    "prs": "nplurals=2; plural=(n > 1);",
    "so": "nplurals=2; plural=(n != 1);",
    "ti": "nplurals=2; plural=(n > 1);",
}


def po_file(code):
    return CATALOGUES / code / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def script():
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        spec = importlib.util.spec_from_file_location("library_translations", SCRIPT)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(SCRIPT.parent))
    return module


@pytest.fixture(scope="module")
def pot(script, tmp_path_factory):
    """The library msgids as extraction finds them today."""
    assert shutil.which("msgmerge"), "gettext is needed: make test installs it"
    return script.extract(tmp_path_factory.mktemp("extraction"))


def entries(po, *options):
    """The msgids that ``msgattrib`` picks with ``options`` (header left out)."""
    result = subprocess.run(
        ["msgattrib", "--no-wrap", *options, str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        line
        for line in result.stdout.splitlines()
        if line.startswith("msgid ") and line != 'msgid ""'
    ]


def test_the_script_serves_the_interfaces_languages_django_lacks(script):
    from django.conf import settings

    assert script.LANGUAGES == LANGUAGES
    assert {code for code, _ in settings.LANGUAGES} >= set(LANGUAGES)
    assert CATALOGUES in [Path(path) for path in settings.LOCALE_PATHS]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_library_string_is_translated(code, script, pot, tmp_path):
    assert len(entries(pot)) > 300  # forms, dates, humanize, allauth, mfa
    merged = tmp_path / "django.po"
    shutil.copy(po_file(code), merged)
    script.merge(pot, merged, code)
    missing = entries(merged, "--untranslated")
    fuzzy = entries(merged, "--only-fuzzy")
    assert missing == [], f"run `make library-translations`, translate: {missing}"
    assert fuzzy == [], f"check and unmark these fuzzy translations: {fuzzy}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_header_names_the_language_and_the_draft(code):
    with open(po_file(code).with_suffix(".mo"), "rb") as f:
        info = gettext.GNUTranslations(f).info()
    assert info["language"] == code
    assert info["plural-forms"] == PLURALS[code]
    assert info["x-translated-by"] == "TIA platform team, machine-assisted draft"
    assert info["x-native-speaker-review"] == (
        "no (draft, not yet reviewed by a native speaker)"
    )
    comments = po_file(code).read_text(encoding="utf-8").split("msgid")[0]
    assert "# Translated by: TIA platform team, machine-assisted draft" in comments
    assert "# Reviewed by a native speaker: no (draft" in comments


@pytest.mark.parametrize("code", LANGUAGES)
def test_compiled_catalogue_is_current(code, tmp_path):
    fresh = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(fresh), str(po_file(code))], check=True
    )
    committed = po_file(code).with_suffix(".mo")
    with open(fresh, "rb") as f:
        fresh_catalogue = gettext.GNUTranslations(f)._catalog
    with open(committed, "rb") as f:
        committed_catalogue = gettext.GNUTranslations(f)._catalog
    assert committed_catalogue == fresh_catalogue, "run `make library-translations`"


REQUIRED = {
    "prs": "پر کردن این خانه لازمی است.",
    "so": "Goobtan waa in la buuxiyaa.",
    "ti": "እዚ ቦታ ግድን ክምላእ ኣለዎ።",
}
SIGN_UP = {"prs": "ثبت نام", "so": "Is diiwaan geli", "ti": "ተመዝገብ"}


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_sign_up_errors_come_back_in_the_language_of_the_page(client, code):
    response = client.post(f"/{code}/accounts/signup/", {})
    assert response.status_code == 200
    text = response.content.decode()
    assert REQUIRED[code] in text
    assert SIGN_UP[code] in text
    assert "This field is required." not in text
    assert "Detta fält måste fyllas i." not in text


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_sign_in_page_speaks_the_language(client, code):
    forgot = {
        "prs": "رمز عبور خود را فراموش کرده‌اید؟",
        "so": "Ma ilowday erayga sirta ah?",
        "ti": "መሕለፊ ቃልኩም ረሲዕኩም?",
    }
    text = client.get(f"/{code}/accounts/login/").content.decode()
    assert forgot[code] in text
    assert "Glömt lösenordet?" not in text
