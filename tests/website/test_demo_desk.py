"""Every demo login finds something on the forum's desk."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from website.demo.loader import load

pytestmark = pytest.mark.django_db


def demo_logins():
    people = [person["email"] for person in load("people")["people"]]
    return people + list(load("partners")["level_logins"].values())


def desk(client, email):
    client.force_login(get_user_model().objects.get(email=email))
    response = client.get(reverse("forum:forum_detail", args=["tia-skane"]))
    assert response.status_code == 200
    return response.context["desk"]


def test_each_demo_login_has_work_on_the_desk(demo, client):
    for email in demo_logins():
        found = desk(client, email)
        filled = {s.key for s in found.sections if s.items}
        assert "meeting" in filled, email
        # Conveners who did not attend approve the minutes instead (below).
        assert "minutes" in filled or found.convener, email
        if found.level >= 2:
            assert "consultations" in filled, email
        if found.level >= 3:
            assert "dialog" in filled, email
        if found.convener:
            filled = {s.key for s in found.convener_sections if s.items}
            assert filled == {
                "applications",
                "feedback",
                "moderation",
                "minutes_to_approve",
                "proposals",
            }, email


def test_opening_the_thread_clears_it_and_a_new_seed_keeps_it_read(demo, client):
    email = "nadia.karimi@abf-skane.example"
    [item] = next(s for s in desk(client, email).sections if s.key == "dialog").items
    assert item.note == "2 olästa svar"
    client.get(item.url)
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    dialog = next(s for s in desk(client, email).sections if s.key == "dialog")
    assert dialog.items == []
