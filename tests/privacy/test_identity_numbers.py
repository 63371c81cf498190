"""No identities of participants: identity numbers in free text are refused."""

import datetime

import pytest
from django.apps import apps
from hypothesis import given
from hypothesis import strategies as st

from core.identity_numbers import MESSAGE, find, luhn_valid
from directory.forms import ActivityForm
from events.factories import EventFactory
from events.meeting_forms import ProposalForm
from forum.consultation_forms import ResponseForm
from forum.dialog_forms import PostForm, ThreadForm
from forum.factories import ForumFactory
from forum.models import Visibility
from partners.factories import OrganisationFactory

REFUSAL = str(MESSAGE)


def check_digit(nine):
    for digit in "0123456789":
        if luhn_valid(nine + digit):
            return digit
    raise AssertionError


@pytest.mark.parametrize(
    "text",
    [
        "Deltagare 811218-9876 kom i tid.",
        "811218-9876",
        "8112189876",
        "19811218-9876",
        "198112189876",
        "Född 1911: 111218+987" + check_digit("111218987"),
        # Coordination numbers: the day of birth plus 60.
        "701063-2391",
        "197010632391",
        # Leap day: a valid date in 2000 (written without century).
        "000229-" + "000" + check_digit("000229000"),
    ],
)
def test_identity_numbers_are_found(text):
    assert find(text)


@pytest.mark.parametrize(
    "text",
    [
        # Wrong check digit.
        "811218-9875",
        "198112189875",
        # No such date: 31 February, month 13, coordination day 92.
        "810231-" + "123" + check_digit("810231123"),
        "811318-" + "123" + check_digit("811318123"),
        "811292-" + "123" + check_digit("811292123"),
        # Leap day in a year that has none.
        "20010229-" + "123" + check_digit("010229123"),
        # Organisation numbers: the third digit 2 or more makes the month 20+.
        "Ideella föreningen, org.nr 802002-1234",
        "Länsstyrelsen 202100-2742",
        "202100-5489",
        "556016-0680",
        # Phone numbers, dates, amounts.
        "Ring 070-123 45 67",
        "+46 40 123 45 67",
        "040-25 20 00",
        "Mötet är 2026-03-14 kl 10.00",
        "Budget 1234567 kronor",
        # Part of a longer number: an IBAN or account.
        "SE45 5000 0000 0583 9825 7466",
        "",
    ],
)
def test_other_numbers_pass(text):
    assert find(text) == []


@given(
    birth=st.dates(datetime.date(1900, 1, 1), datetime.date(2025, 12, 31)),
    serial=st.integers(0, 999),
    coordination=st.booleans(),
    form=st.sampled_from(["short", "short-dash", "long", "long-dash"]),
    before=st.sampled_from(["", "Nr ", "(", "text\n"]),
    after=st.sampled_from(["", ".", " är med", ")"]),
)
def test_every_valid_number_is_found(birth, serial, coordination, form, before, after):
    day = birth.day + (60 if coordination else 0)
    nine = f"{birth:%y%m}{day:02d}{serial:03d}"
    ten = nine + check_digit(nine)
    century = f"{birth.year // 100}"
    number = {
        "short": ten,
        "short-dash": f"{ten[:6]}-{ten[6:]}",
        "long": century + ten,
        "long-dash": f"{century}{ten[:6]}-{ten[6:]}",
    }[form]
    assert find(before + number + after) == [number]


@pytest.mark.django_db
def test_a_thread_with_an_identity_number_is_refused():
    form = ThreadForm(
        data={
            "title": "Närvaro 811218-9876",
            "visibility": Visibility.DIALOG,
            "body": "<p>Hej</p>",
        },
        max_level=Visibility.DIALOG,
    )
    assert REFUSAL in form.errors["title"]
    reply = PostForm(data={"body": "<p>Hon heter 19811218-9876</p>"})
    assert REFUSAL in reply.errors["body"]


@pytest.mark.django_db
def test_a_thread_with_a_phone_number_is_accepted():
    form = ThreadForm(
        data={
            "title": "Ring 070-123 45 67",
            "visibility": Visibility.DIALOG,
            "body": "<p>Eller +46 40 123 45 67, org.nr 802002-1234.</p>",
        },
        max_level=Visibility.DIALOG,
    )
    assert form.is_valid(), form.errors


@pytest.mark.django_db
def test_a_consultation_answer_with_an_identity_number_is_refused():
    form = ResponseForm(
        data={"version": 0, "general_comment": "Deltagare 701063-2391"},
        questions=[],
    )
    assert REFUSAL in form.errors["general_comment"]


@pytest.mark.django_db
def test_an_agenda_proposal_with_an_identity_number_is_refused():
    form = ProposalForm(
        data={"title": "Uppföljning", "description": "Gäller 8112189876"},
        event=EventFactory(forum=ForumFactory()),
    )
    assert REFUSAL in form.errors["description"]


@pytest.mark.django_db
def test_an_activity_with_an_identity_number_is_refused():
    form = ActivityForm(
        data={"title": "Språkcafé", "description": "<p>Anmäld: 811218-9876</p>"},
        organisation=OrganisationFactory(),
    )
    assert REFUSAL in form.errors["description"]
    assert "title" not in form.errors


@pytest.mark.django_db
def test_the_model_refuses_too_so_that_admin_forms_do():
    from events.factories import MinutesItemFactory

    item = MinutesItemFactory.build(notes="Närvarande: 811218-9876")
    with pytest.raises(Exception) as refused:
        item.full_clean(exclude=["minutes"])
    assert REFUSAL in str(refused.value)


# Field names that would hold who takes part. The platform counts participation;
# participation certificates and drop-out reports stay outside it by design.
FORBIDDEN_FIELD_NAMES = [
    "personnummer",
    "personal_number",
    "personal_identity",
    "personal_identity_number",
    "identity_number",
    "ssn",
    "samordningsnummer",
    "coordination_number",
    "dossier",
    "dossier_number",
    "asylum_case",
    "asylum_case_number",
    "case_number",
    "migrationsverket_number",
    "participant_name",
    "participant_names",
    "participants_names",
    "date_of_birth",
    "birth_date",
]


def test_no_model_has_a_field_for_a_participants_identity():
    offending = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if any(name in field.name.lower() for name in FORBIDDEN_FIELD_NAMES)
    ]
    assert offending == []
