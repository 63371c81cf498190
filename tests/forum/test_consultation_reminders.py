"""The daily reminder before a deadline, to organisations that have not answered."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from forum.models import ConsultationResponse
from tests.forum.consultation_helpers import NOW, make_consultation

pytestmark = pytest.mark.django_db


def test_reminds_only_waiting_organisations_once_close_to_the_deadline(s, monkeypatch):
    setting = s
    # Real notifications (emails) instead of the captured ones.
    monkeypatch.undo()
    soon = make_consultation(
        setting.forum, deadline=NOW() + datetime.timedelta(days=2), slug="snart"
    )
    later = make_consultation(
        setting.forum, deadline=NOW() + datetime.timedelta(days=10), slug="senare"
    )
    ConsultationResponse.objects.create(consultation=soon, organisation=setting.abf)
    mail.outbox.clear()

    call_command("send_consultation_reminders")
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {setting.anna.email, setting.bo.email}  # Sensus waits
    assert setting.carl.email not in recipients  # ABF has answered
    assert setting.ivar.email not in recipients  # Information is not invited
    assert all("Påminnelse" in message.subject for message in mail.outbox)
    soon.refresh_from_db()
    later.refresh_from_db()
    assert soon.reminder_sent_at is not None
    assert later.reminder_sent_at is None

    mail.outbox.clear()
    call_command("send_consultation_reminders")
    assert mail.outbox == []  # once per consultation
