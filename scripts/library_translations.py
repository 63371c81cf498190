"""Collect the libraries' strings that the public side shows, for the languages
whose readers the libraries do not serve (Dari, Somali, Tigrinya).

Django, django-allauth and Wagtail ship no catalogue for ``prs``, ``so`` or
``ti``, so their form errors, month names and sign-in pages would fall back to
Swedish there. ``locale/libraries/<code>/LC_MESSAGES/django.po`` holds our
translations of those strings (the second entry of ``LOCALE_PATHS``). This
script extracts the msgids from exactly the library files listed below, with
Django's ``makemessages`` (Python through xgettext, templates through
``templatize``) run in a temporary directory of symlinks, merges them into
the three catalogues, keeping what is already translated, and compiles them:

    make library-translations        # or: python scripts/library_translations.py

New or changed msgids come out untranslated (or fuzzy, with the previous
text); ``tests/test_library_translations.py`` fails until they are translated.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from po_header import PLURALS

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "locale" / "libraries"
LANGUAGES = ["prs", "so", "ti"]
TEAMS = {"prs": "Dari", "so": "Somali", "ti": "Tigrinya"}
TRANSLATOR = "TIA platform team, machine-assisted draft"
REVIEW = "no (draft, not yet reviewed by a native speaker)"

# The library files whose strings the site shows, relative to each package.
# Templates: only those the site renders (templates/allauth/ overrides the
# layouts and the field element; templates/account/email/ our own mail).
DJANGO = [
    "forms/boundfield.py",
    "forms/fields.py",
    "forms/forms.py",
    "forms/formsets.py",
    "forms/models.py",
    "forms/utils.py",
    "forms/widgets.py",
    "core/validators.py",
    "contrib/auth/password_validation.py",
    "contrib/auth/forms.py",
    "utils/dates.py",
    "utils/timesince.py",
    "contrib/humanize/templatetags/humanize.py",
]
ALLAUTH = [
    "account/adapter.py",
    "account/fields.py",
    "account/forms.py",
    # Pages of the features the settings turn on: password sign-in and
    # sign-up, email verification by link, password reset by link, login
    # by code, reauthentication, the email addresses page.
    "templates/account/account_inactive.html",
    "templates/account/base_confirm_code.html",
    "templates/account/base_reauthenticate.html",
    "templates/account/confirm_login_code.html",
    "templates/account/email.html",
    "templates/account/email_confirm.html",
    "templates/account/login.html",
    "templates/account/logout.html",
    "templates/account/password_change.html",
    "templates/account/password_reset.html",
    "templates/account/password_reset_done.html",
    "templates/account/password_reset_from_key.html",
    "templates/account/password_reset_from_key_done.html",
    "templates/account/password_set.html",
    "templates/account/reauthenticate.html",
    "templates/account/request_login_code.html",
    "templates/account/signup.html",
    "templates/account/verification_sent.html",
    "templates/account/verified_email_required.html",
    "templates/account/snippets/already_logged_in.html",
    "templates/account/snippets/warn_no_email.html",
    "templates/account/messages/cannot_delete_primary_email.txt",
    "templates/account/messages/email_confirmation_failed.txt",
    "templates/account/messages/email_confirmation_sent.txt",
    "templates/account/messages/email_confirmed.txt",
    "templates/account/messages/email_deleted.txt",
    "templates/account/messages/logged_in.txt",
    "templates/account/messages/logged_out.txt",
    "templates/account/messages/login_code_sent.txt",
    "templates/account/messages/password_changed.txt",
    "templates/account/messages/password_set.txt",
    "templates/account/messages/primary_email_set.txt",
    "templates/account/messages/unverified_primary_email.txt",
    # The second factor: entering a code at sign-in and to confirm access.
    "mfa/adapter.py",
    "mfa/base/forms.py",
    "templates/mfa/authenticate.html",
    "templates/mfa/reauthenticate.html",
]


def library_files():
    """(package name, absolute path) of every file listed above."""
    import allauth
    import django

    packages = {
        "django": (Path(django.__file__).parent, DJANGO),
        "allauth": (Path(allauth.__file__).parent, ALLAUTH),
    }
    for name, (root, paths) in packages.items():
        for path in paths:
            source = root / path
            if not source.is_file():
                raise SystemExit(f"{source} is gone: update {__file__}")
            yield name, path, source


def extract(workdir):
    """Write the template of every library msgid (django.pot) into ``workdir``."""
    workdir = Path(workdir)
    for package, path, source in library_files():
        link = workdir / package / path
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(source)
    (workdir / "locale").mkdir()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "--locale=prs",
            "--extension=html,txt,py",
            "--keep-pot",
            "--add-location=file",
            "--no-obsolete",
        ],
        cwd=workdir,
        env=env,
        check=True,
        capture_output=True,
    )
    pot = workdir / "locale" / "django.pot"
    text = pot.read_text(encoding="utf-8").replace("charset=CHARSET", "charset=UTF-8")
    pot.write_text(text, encoding="utf-8")
    return pot


def header(code, creation_date):
    return f"""# {TEAMS[code]} translation of the libraries' strings that the TIA
# samverkansplattform shows (Django, django-allauth): they ship none.
# Collected by `make library-translations` (scripts/library_translations.py).
# Translated by: {TRANSLATOR}
# Reviewed by a native speaker: {REVIEW}
msgid ""
msgstr ""
"Project-Id-Version: tia-samverkan libraries\\n"
"Report-Msgid-Bugs-To: \\n"
"POT-Creation-Date: {creation_date}\\n"
"PO-Revision-Date: {creation_date}\\n"
"Last-Translator: {TRANSLATOR}\\n"
"Language-Team: {TEAMS[code]}\\n"
"Language: {code}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: {PLURALS[code]}\\n"
"X-Translated-By: {TRANSLATOR}\\n"
"X-Native-Speaker-Review: {REVIEW}\\n"
"""


def _body(text):
    """A catalogue without its header (the header entry and its comments)."""
    start = text.index('msgid ""')
    end = text.find("\n\n", start)
    return "" if end < 0 else text[end + 2 :]


def merge(pot, po_file, code):
    """``po_file`` with the msgids of ``pot``, keeping existing translations.

    A catalogue whose entries did not change is left as it was (dates too).
    """
    po_file.parent.mkdir(parents=True, exist_ok=True)
    before = po_file.read_text(encoding="utf-8") if po_file.exists() else None
    with tempfile.TemporaryDirectory() as workdir:
        merged = Path(workdir) / "django.po"
        merged.write_text(before or header(code, ""), encoding="utf-8")
        subprocess.run(
            ["msgmerge", "--quiet", "--previous", "--add-location=file"]
            + ["--update", "--backup=none", str(merged), str(pot)],
            check=True,
        )
        subprocess.run(
            ["msgattrib", "--no-obsolete", "-o", str(merged), str(merged)], check=True
        )
        body = _body(merged.read_text(encoding="utf-8"))
    if before is not None and _body(before) == body:
        return False
    created = next(
        line.split(": ", 1)[1].removesuffix('\\n"')
        for line in pot.read_text(encoding="utf-8").splitlines()
        if line.startswith('"POT-Creation-Date:')
    )
    po_file.write_text(header(code, created) + "\n" + body, encoding="utf-8")
    return True


def compile_catalogue(po_file):
    subprocess.run(
        ["msgfmt", "--check-format", "-o", str(po_file.with_suffix(".mo")), po_file],
        check=True,
    )


def main():
    with tempfile.TemporaryDirectory() as workdir:
        pot = extract(workdir)
        for code in LANGUAGES:
            po_file = CATALOGUES / code / "LC_MESSAGES" / "django.po"
            changed = merge(pot, po_file, code)
            compile_catalogue(po_file)
            state = "updated" if changed else "unchanged"
            sys.stdout.write(f"{po_file.relative_to(ROOT)}: {state}\n")


if __name__ == "__main__":
    if not shutil.which("msgmerge"):
        raise SystemExit("msgmerge is missing: apt-get install gettext")
    main()
