"""Run inside the host (``DJANGO_SETTINGS_MODULE=tests.host.settings``, migrated):
make a forum with one member and a public meeting, request the platform's pages
and print what each answered, as JSON, for ``tests/test_plugin_host.py``."""

import datetime
import json
import sys

import django


def main():
    django.setup()

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone
    from wagtail.models import Page, Site

    from core.geography.models import County
    from directory.models import DirectoryPage
    from events.models import Event
    from forum.models import Forum, Level, Participation, Visibility
    from partners.models import Membership, Organisation

    member = get_user_model().objects.create_user(
        email="medlem@example.org", password="host-test-password-42"
    )
    organisation = Organisation.objects.create(
        name="Värdföreningen", slug="vardforeningen", kind=Organisation.Kind.NON_PROFIT
    )
    Membership.objects.create(
        user=member, organisation=organisation, status=Membership.Status.ACTIVE
    )
    forum = Forum.objects.create(
        name="Värdens samverkansforum",
        slug="vardens-forum",
        county=County.objects.get(code="12"),
    )
    Participation.objects.create(
        organisation=organisation, forum=forum, level=Level.INFORMATION
    )
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    event = Event.objects.create(
        forum=forum,
        kind=Event.Kind.NETWORK_MEETING,
        title="Nätverksmöte hos värden",
        visibility=Visibility.PUBLIC,
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    # The host's own page tree: Wagtail's default welcome page is its home.
    home = Site.objects.get(is_default_site=True).root_page
    directory = home.add_child(
        instance=DirectoryPage(title="Aktiviteter", slug="aktiviteter")
    )
    assert isinstance(Page.objects.get(pk=directory.pk).specific, DirectoryPage)

    anonymous = Client()
    signed_in = Client()
    signed_in.force_login(member)
    requests = {
        "forum_list": (signed_in, "/samverkan/forum/"),
        "forum_detail": (signed_in, f"/samverkan/forum/{forum.slug}/"),
        "calendar": (anonymous, "/samverkan/kalender/"),
        "event_detail": (anonymous, f"/samverkan/kalender/{event.pk}/"),
        "subscribe": (signed_in, "/samverkan/kalender/prenumerera/"),
        "partner_directory": (signed_in, f"/samverkan/forum/{forum.slug}/partner/"),
        "calendar_feed": (anonymous, "/samverkan/ical/kalender.ics"),
        "forum_feed": (anonymous, f"/samverkan/ical/forum/{forum.slug}.ics"),
        "my_organisations": (signed_in, "/samverkan/organisationer/"),
        "directory": (anonymous, directory.url),
    }
    answers = {}
    for name, (client, url) in requests.items():
        try:
            response = client.get(url)
        except Exception as error:  # noqa: BLE001  (one answer per page, all pages)
            answers[name] = {"url": url, "status": 500, "content": repr(error)}
            continue
        answers[name] = {
            "url": url,
            "status": response.status_code,
            "content": response.content.decode(errors="replace"),
        }
    # The platform ran without the project's host site.
    website = sorted(name for name in sys.modules if name.split(".")[0] == "website")
    sys.stdout.write(json.dumps({"answers": answers, "website_modules": website}))


if __name__ == "__main__":
    main()
