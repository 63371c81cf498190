"""The apps run as plugins of a site that is not ours (tests/host/): a bare Wagtail
site with its own settings, URLs under /samverkan/ and its own base.html, migrated
in a database of its own, in processes of their own."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def in_host(scratch, *args):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    env |= {"DJANGO_SETTINGS_MODULE": "tests.host.settings", "HOST_SCRATCH": scratch}
    result = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def test_a_bare_wagtail_site_serves_the_platform_under_a_prefix(tmp_path):
    in_host(str(tmp_path), "-m", "django", "migrate", "--noinput")
    report = json.loads(in_host(str(tmp_path), "-m", "tests.host.scenario"))
    answers = report["answers"]

    for name, answer in answers.items():
        assert answer["status"] == 200, (name, answer["url"], answer["content"][:2000])
    # The platform's pages inside the host's layout, linking under its prefix.
    detail = answers["forum_detail"]["content"]
    assert 'data-host="tests.host"' in detail
    assert "Värdens samverkansforum" in detail
    assert 'href="/samverkan/forum/vardens-forum/partner/"' in detail
    assert "Nätverksmöte hos värden" in answers["calendar"]["content"]
    assert 'href="/samverkan/ical/handelse/' in answers["event_detail"]["content"]
    assert "Värdföreningen" in answers["partner_directory"]["content"]
    # Calendar feeds under the prefix, with the host's URLs in them.
    feed = answers["calendar_feed"]["content"]
    assert feed.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Nätverksmöte hos värden" in feed
    assert "URL:http://testserver/samverkan/kalender/" in feed
    assert "webcal://testserver/samverkan/ical/" in answers["subscribe"]["content"]
    # The directory's page sits in the host's own page tree.
    assert 'data-host="tests.host"' in answers["directory"]["content"]
    assert report["website_modules"] == []
