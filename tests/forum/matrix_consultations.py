"""Permission-matrix rows for consultation URLs of forum/ (tests/matrix_roles.py)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.attachments import check_upload
from forum.models import (
    Consultation,
    ConsultationQuestion,
    ConsultationResponse,
    ResponseAttachment,
)
from tests.matrix_roles import CONVENERS, COUNTY_ADMINS, LOGIN, MEMBERS, ROLES

# Consultations are visible from Samråd: Information members get a 404.
SEES = MEMBERS | {"information": 404}
# Only members of an invited organisation answer; conveners and county
# administrators read.
RESPONDERS = dict.fromkeys(ROLES, 200) | {
    "anonymous": LOGIN,
    "information": 404,
    "other_forum": 403,
    "convener": 403,
    "editor": 403,
    "county_admin": 403,
    "superuser": 403,
}
FOLLOWS_RESPONSES = RESPONDERS | {"convener": 200} | COUNTY_ADMINS
# A file of the samrad organisation's response, in a consultation that keeps
# responses among conveners and the responding organisation: everybody else
# who sees the consultation gets a 404, as if there were no such file.
READS_RESPONSE = (
    dict.fromkeys(ROLES, 404)
    | {"anonymous": LOGIN, "other_forum": 403, "editor": 403}
    | {"samrad": 200, "convener": 200}
    | COUNTY_ADMINS
)
# A POST of the conveners': done (or refused with a message), then back to the page.
CONVENERS_POSTED = CONVENERS | {"convener": 302, "county_admin": 302, "superuser": 302}

ROWS = {
    "forum:consultations": ("/forum/tia-skane/samrad/", MEMBERS),
    "forum:consultation_create": ("/forum/tia-skane/samrad/nytt/", CONVENERS),
    "forum:consultation_detail": ("/forum/tia-skane/samrad/{consultation}/", SEES),
    "forum:consultation_edit": (
        "/forum/tia-skane/samrad/{consultation}/redigera/",
        CONVENERS,
    ),
    "forum:response_edit": (
        "/forum/tia-skane/samrad/{consultation}/svar/",
        RESPONDERS,
    ),
    "forum:response_history": (
        "/forum/tia-skane/samrad/{consultation}/svar/historik/",
        FOLLOWS_RESPONSES,
    ),
    "forum:response_attachment": (
        "/forum/tia-skane/samrad/{consultation}/bilagor/{response_attachment}/",
        READS_RESPONSE,
    ),
    "forum:consultation_invite": (
        "POST /forum/tia-skane/samrad/{consultation}/bjud-in/",
        CONVENERS_POSTED,
        {},
    ),
    "forum:consultation_status": (
        "/forum/tia-skane/samrad/{consultation}/status/",
        CONVENERS,
    ),
    "forum:consultation_feedback": (
        "/forum/tia-skane/samrad/{closed_consultation}/aterkoppling/",
        CONVENERS,
    ),
    "forum:consultation_export": (
        "/forum/tia-skane/samrad/{closed_consultation}/svar.csv",
        CONVENERS,
    ),
    "forum:consultation_print": (
        "/forum/tia-skane/samrad/{closed_consultation}/sammanstallning/",
        SEES,
    ),
}


def populate(people, forum):
    """Add what the rows need to ``people`` as "_name" keys (used as {name} in URLs)."""
    now = timezone.now()
    # Opens now: every organisation of the forum at Samråd or higher is invited.
    open_one = Consultation.objects.create(
        forum=forum,
        title="Regional handlingsplan 2031",
        slug="handlingsplan-2031",
        proposal="<p>Förslag till handlingsplan.</p>",
        opens_at=now,
        deadline=now + datetime.timedelta(days=14),
        published=True,
    )
    ConsultationQuestion.objects.create(consultation=open_one, text="Vad saknas?")
    samrad = people["samrad"]
    open_response = ConsultationResponse.objects.create(
        consultation=open_one,
        organisation=samrad.memberships.get().organisation,
        version=1,
        updated_by=samrad,
    )
    people["_response_attachment"] = ResponseAttachment.create_from(
        check_upload(
            SimpleUploadedFile(
                "yttrande.pdf", b"%PDF-1.4 yttrande", content_type="application/pdf"
            )
        ),
        samrad,
        response=open_response,
    ).pk
    closed = Consultation.objects.create(
        forum=forum,
        title="Lägesbild hösten",
        slug="lagesbild-hosten",
        proposal="<p>Utkast till lägesbild.</p>",
        opens_at=now - datetime.timedelta(days=30),
        deadline=now - datetime.timedelta(days=1),
        published=True,
    )
    question = ConsultationQuestion.objects.create(
        consultation=closed, text="Stämmer bilden?"
    )
    response = ConsultationResponse.objects.create(
        consultation=closed,
        organisation=people["samrad"].memberships.get().organisation,
        version=1,
    )
    response.answers.create(question=question, text="Ja, i stort.")
    people["_consultation"] = open_one.pk
    people["_closed_consultation"] = closed.pk
