"""What the consultation tests share: a consultation with its questions, its
URLs, a signed-in client and the forms' data (an answer, a new consultation, feedback).
"""

import datetime

from django.test import Client
from django.utils import timezone

from forum.models import (
    Consultation,
    ConsultationQuestion,
    Level,
)

NOW = timezone.now


def make_consultation(forum, *, closed=False, questions=2, **fields):
    now = NOW()
    if closed:
        opens, deadline = (
            now - datetime.timedelta(days=30),
            now - datetime.timedelta(hours=1),
        )
    else:
        opens, deadline = (
            now - datetime.timedelta(days=1),
            now + datetime.timedelta(days=14),
        )
    consultation = Consultation.objects.create(
        forum=forum,
        title=fields.pop("title", "Handlingsplan 2031"),
        slug=fields.pop("slug", f"samrad-{Consultation.objects.count()}"),
        proposal="<p>Förslaget.</p>",
        opens_at=fields.pop("opens_at", opens),
        deadline=fields.pop("deadline", deadline),
        published=fields.pop("published", True),
        **fields,
    )
    for position in range(questions):
        ConsultationQuestion.objects.create(
            consultation=consultation,
            position=position,
            text=f"Fråga {position + 1}?",
        )
    return consultation


def url(consultation, suffix=""):
    return f"/forum/{consultation.forum.slug}/samrad/{consultation.pk}/{suffix}"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def answer_data(consultation, version, text="Vårt svar", comment=""):
    data = {"version": version, "general_comment": comment}
    for question in consultation.questions.all():
        data[f"answer_{question.pk}"] = f"{text} på {question.text}"
    return data


def create_data(**overrides):
    now = timezone.localtime()
    return {
        "title": "Ny handlingsplan",
        "proposal": "Vi föreslår <script>alert(1)</script>fler språkcaféer.",
        "visibility": Level.SAMRAD,
        "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
        "deadline": (now + datetime.timedelta(days=14)).strftime("%Y-%m-%dT%H:%M"),
        "questions": "Vad tycker ni?\n\nVad saknas?",
        "published": "on",
    } | overrides


def feedback_data(consultation, **extra):
    first, second = consultation.questions.all()
    return {
        f"summary_{first.pk}": "De flesta vill ha fler språkcaféer.",
        f"summary_{second.pk}": "",
        "feedback": "Vi lägger till två språkcaféer i planen.",
    } | extra
