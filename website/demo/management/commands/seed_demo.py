from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from directory.models import Language
from directory.reference import load_languages
from website.demo.activities import activity_summary, create_activities
from website.demo.audit import audit_summary, create_audit_entries
from website.demo.desk import create_desk_content
from website.demo.documents import create_documents, document_summary
from website.demo.events import create_events, event_summary
from website.demo.followup_participation import (
    create_participation,
    participation_summary,
)
from website.demo.followup_report import create_followup_report_settings
from website.demo.followup_statistics import (
    create_followup_statistics,
    statistics_summary,
)
from website.demo.forum_work import create_forum_work, forum_work_summary
from website.demo.knowledge import create_knowledge, knowledge_summary
from website.demo.notifications import create_notifications
from website.demo.pages import create_pages, give_guidance_owner
from website.demo.partners import create_partners, forum_summary
from website.demo.people import DEMO_PASSWORD, create_people
from website.demo.planned_meetings import create_planned_meetings
from website.demo.second_factor import demo_secret, give_second_factor


class Command(BaseCommand):
    help = (
        "Load the demo data: a Skåne county forum with its sub-regions, partner "
        "organisations, pages, activities, travel routes, a calendar with "
        "meetings and minutes, knowledge pages, consultations, dialog threads, "
        "partnership work, "
        "documents and attachments, an audit log, and demo logins. Safe to run "
        "again: nothing is duplicated."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        call_command("load_geography", stdout=self.stdout)
        # Reference data that a flushed test database may lack.
        load_languages(Language)
        home, pages = create_pages()
        people = create_people()
        give_guidance_owner()
        forum, partner_logins = create_partners()
        create_activities()
        create_participation()
        create_events()
        create_planned_meetings()
        create_knowledge()
        create_forum_work()
        create_documents()
        create_desk_content()
        create_notifications()
        create_audit_entries(forum)
        create_followup_report_settings()
        create_followup_statistics()
        with_app = give_second_factor(user for user, _role in people + partner_logins)

        self.stdout.write(self.style.SUCCESS("\nDemo data loaded."))
        self.stdout.write(f"Home page: {home.title}; {len(pages)} guidance pages.")
        self.stdout.write(forum_summary(forum))
        self.stdout.write(activity_summary())
        self.stdout.write(participation_summary())
        self.stdout.write(event_summary())
        self.stdout.write(forum_work_summary())
        self.stdout.write(knowledge_summary())
        self.stdout.write(document_summary())
        self.stdout.write(audit_summary())
        self.stdout.write(statistics_summary())
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for user, role in people + partner_logins:
            self.stdout.write(f"  {user.email:<45} {role}")
        if with_app:
            self.stdout.write(
                f"\nSecond factor for {len(with_app)} of them (staff, conveners, "
                "coordinators): after the password, enter the code of an "
                f"authenticator app set up with the key {demo_secret()}, or the "
                "code that `.venv/bin/python manage.py demo_totp_code` prints."
            )
        self.stdout.write(
            "\nSite: http://127.0.0.1:8000/   Admin: http://127.0.0.1:8000/admin/"
        )
