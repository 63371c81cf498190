"""The directory as Open Referral HSDS objects (Human Services Data Specification).

Pinned to one released version of the specification, named in the API's root
(``HSDS_VERSION``); the objects follow that version's JSON schemas
(``schema/*.json`` and ``schema/compiled/*.json`` of openreferral/specification)
and the API its OpenAPI file (``hsds_views``). What goes in:

- a **service** for every published, current activity; an **organization**
  for every organisation that arranges one;
- a **location** for where it meets (with its address and coordinates when the
  activity has them) and a virtual one for an online or hybrid activity, each
  joined to the service by a **service_at_location**;
- its **schedule** with the RRULE-like fields HSDS has (weekly and monthly
  rules; what HSDS cannot say stays in the words of ``description``);
- the languages it is held and supported in, the public contact person (never
  a members-only one) with phone and email, the organiser's own ones;
- three **taxonomies** of the platform's own (area, target group, age), whose
  terms are linked to each service as attributes.

Identifiers are UUIDs derived (uuid5) from the platform's namespace
(``TIA["HSDS_NAMESPACE"]``) and the object's primary key, so they stay the
same from one request, and one release, to the next. Texts are the Swedish
source; times are local time in Sweden.
"""

import math
import re
import uuid

from django.conf import settings
from django.utils.translation import gettext as _

from core.conf import setting
from core.sanitizer import plain_text
from partners.models import ContactPerson

from . import ical
from .models import Activity
from .views import schedule_text, time_range

# The latest release of HSDS whose schemas were read for this module: 3.2
# (branch 3.2 of openreferral/specification; its schemas carry
# "$id": ".../refs/heads/3.2/schema/<object>.json"). Bump it, the schemas in
# tests/directory/hsds_schemas.py and docs/open-data.md together.
HSDS_VERSION = "3.2"
SPECIFICATION_URL = "https://docs.openreferral.org/en/latest/hsds/overview.html"
OPENAPI_URL = (
    "https://raw.githubusercontent.com/openreferral/specification/"
    f"refs/heads/{HSDS_VERSION}/schema/openapi.json"
)
# The data are public facts about public activities: free for any use.
LICENCE_NAME = "CC0 1.0"
LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
TIME_ZONE_NOTE = "Tider i svensk lokal tid (Europe/Stockholm)."

# HSDS's schedule knows weekly and monthly rules only.
FREQUENCIES = {"WEEKLY", "MONTHLY"}
ALL_DAYS = "MO,TU,WE,TH,FR,SA,SU"
POSTAL_CODE = re.compile(r"\b(\d{3}) ?(\d{2})\b")
AGES = {
    Activity.AgeBand.ADULTS: (18, None),
    Activity.AgeBand.YOUNG_ADULTS: (18, 25),
    Activity.AgeBand.SENIORS: (65, None),
}


def namespace():
    return uuid.UUID(setting("HSDS_NAMESPACE"))


def hsds_id(kind, *parts):
    """A stable UUID for the object of ``kind`` named by ``parts``."""
    name = ":".join([kind, *(str(part) for part in parts)])
    return str(uuid.uuid5(namespace(), name))


def service_id(activity):
    return hsds_id("service", activity.pk)


def organization_id(organisation):
    return hsds_id("organization", organisation.pk)


def _drop_empty(data):
    """HSDS fields are optional unless required: leave out what we do not know."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


# --- taxonomies ------------------------------------------------------------


class Taxonomy:
    """One of the platform's classifications, as an HSDS taxonomy with terms."""

    def __init__(self, key, name, description, field, choices, link_type):
        self.key = key
        self.name = name
        self.description = description
        self.field = field
        self.choices = choices
        self.link_type = link_type

    @property
    def id(self):
        return hsds_id("taxonomy", self.key)

    def term_id(self, value):
        return hsds_id("taxonomy_term", self.key, value)

    def data(self):
        return {
            "id": self.id,
            "name": str(self.name),
            "description": str(self.description),
        }

    def terms(self):
        return [self.term(value) for value, _label in self.choices]

    def term(self, value, nested=True):
        label = str(dict(self.choices)[value])
        term = {
            "id": self.term_id(value),
            "code": value,
            "name": label,
            "description": f"{self.name}: {label}",
            "taxonomy": str(self.name),
            "taxonomy_id": self.id,
            "language": "sv",
        }
        if nested:
            term["taxonomy_detail"] = self.data()
        return term


def taxonomies():
    return [
        Taxonomy(
            "omrade",
            _("Område"),
            _("Vilket område av de tidiga insatserna aktiviteten hör till."),
            "category",
            Activity.Category.choices,
            "service_type",
        ),
        Taxonomy(
            "malgrupp",
            _("Målgrupp"),
            _("Vilka aktiviteten är till för."),
            "target_group",
            Activity.TargetGroup.choices,
            "audience",
        ),
        Taxonomy(
            "alder",
            _("Ålder"),
            _("Vilken ålder aktiviteten är till för."),
            "age_band",
            Activity.AgeBand.choices,
            "eligibility",
        ),
    ]


def find_taxonomy(taxonomy_id):
    return next((t for t in taxonomies() if t.id == str(taxonomy_id)), None)


def find_term(term_id):
    """(taxonomy, value) of the term with ``term_id``, or (None, None)."""
    for taxonomy in taxonomies():
        for value, _label in taxonomy.choices:
            if taxonomy.term_id(value) == str(term_id):
                return taxonomy, value
    return None, None


def all_terms():
    return [term for taxonomy in taxonomies() for term in taxonomy.terms()]


def attributes(activity):
    link = service_id(activity)
    return [
        {
            "id": hsds_id("attribute", activity.pk, taxonomy.key),
            "link_id": link,
            "link_type": taxonomy.link_type,
            "link_entity": "service",
            "taxonomy_term_id": taxonomy.term_id(getattr(activity, taxonomy.field)),
            "taxonomy_term": taxonomy.term(getattr(activity, taxonomy.field)),
        }
        for taxonomy in taxonomies()
    ]


# --- contacts --------------------------------------------------------------


def phone(number, owner_kind, owner_pk, **links):
    return {"id": hsds_id("phone", owner_kind, owner_pk), "number": number, **links}


def contact(person, **links):
    """A public contact person; a members-only one is never passed here."""
    assert person.visibility == ContactPerson.Visibility.PUBLIC
    owner = "-".join(f"{key}={value}" for key, value in sorted(links.items()))
    contact_id = hsds_id("contact", person.pk, owner)
    data = _drop_empty(
        {
            "id": contact_id,
            "name": person.name,
            "title": person.role,
            "email": person.email,
            **links,
        }
    )
    if person.phone:
        data["phones"] = [
            phone(
                person.phone, "contact", f"{person.pk}:{owner}", contact_id=contact_id
            )
        ]
    return data


def service_contacts(activity):
    person = activity.contact_person
    if person is None or person.visibility != ContactPerson.Visibility.PUBLIC:
        return []
    return [contact(person, service_id=service_id(activity))]


# --- organizations ---------------------------------------------------------


def organization(organisation, *, full=False, services=None):
    """The organiser. ``full`` adds its public contacts and phone (the caller
    prefetches ``public_contacts``); ``services`` nests those services."""
    org_id = organization_id(organisation)
    data = _drop_empty(
        {
            "id": org_id,
            "name": organisation.name,
            "email": organisation.email,
            "website": organisation.website,
        }
    )
    data["description"] = plain_text(organisation.description)
    if full:
        data["contacts"] = [
            contact(person, organization_id=org_id)
            for person in organisation.public_contacts
        ]
        if organisation.phone:
            data["phones"] = [
                phone(
                    organisation.phone,
                    "organization",
                    organisation.pk,
                    organization_id=org_id,
                )
            ]
    if services is not None:
        data["services"] = services
    return data


# --- locations -------------------------------------------------------------

PHYSICAL, VIRTUAL = "physical", "virtual"


def location_kinds(mode):
    """Where an activity of ``mode`` is held: on site, online, or both."""
    kinds = []
    if mode != Activity.Mode.ONLINE:
        kinds.append(PHYSICAL)
    if mode != Activity.Mode.IN_PERSON:
        kinds.append(VIRTUAL)
    return kinds


def location_id(activity, kind):
    return hsds_id("location", activity.pk, kind)


def address(activity, loc_id):
    """The street address; HSDS wants a postal code, which we have only when
    the organiser wrote it in the address ("Storgatan 1, 271 39 Ystad")."""
    text = activity.address
    match = POSTAL_CODE.search(text)
    postal_code = f"{match.group(1)} {match.group(2)}" if match else ""
    street = text.split(",")[0].strip() if match else text.strip()
    return {
        "id": hsds_id("address", activity.pk),
        "location_id": loc_id,
        "address_1": street or text,
        "city": activity.municipality.name,
        "state_province": activity.municipality.county.name,
        "postal_code": postal_code,
        "country": "SE",
        "address_type": "physical",
    }


def location(activity, kind, url):
    loc_id = location_id(activity, kind)
    org_id = organization_id(activity.organisation)
    if kind == VIRTUAL:
        return {
            "id": loc_id,
            "location_type": "virtual",
            "organization_id": org_id,
            "name": _("Digitalt: %(title)s") % {"title": activity.title},
            "url": activity.registration_url or url,
        }
    data = _drop_empty(
        {
            "id": loc_id,
            "location_type": "physical",
            "organization_id": org_id,
            "name": activity.venue or activity.municipality.name,
            "description": f"{activity.venue}, {activity.municipality.name}"
            if activity.venue
            else activity.municipality.name,
        }
    )
    if activity.latitude is not None and activity.longitude is not None:
        data["latitude"] = float(activity.latitude)
        data["longitude"] = float(activity.longitude)
    if activity.address:
        data["addresses"] = [address(activity, loc_id)]
    if activity.accessibility_notes:
        data["accessibility"] = [
            {
                "id": hsds_id("accessibility", activity.pk),
                "location_id": loc_id,
                "description": activity.accessibility_notes,
            }
        ]
    return data


def service_at_location_id(activity, kind):
    return hsds_id("service_at_location", activity.pk, kind)


def service_at_location(activity, kind, url, *, service=None):
    data = {
        "id": service_at_location_id(activity, kind),
        "service_id": service_id(activity),
        "location_id": location_id(activity, kind),
        "location": location(activity, kind, url),
    }
    if service is not None:
        data["service"] = service
    return data


# --- schedules -------------------------------------------------------------


def _rule_fields(activity):
    """The RRULE as HSDS's fields; {} for a rule HSDS cannot say (it is in words)."""
    try:
        recur = ical.recurrence(activity)
    except (ValueError, TypeError):
        return {}
    if recur is None:
        return {}
    frequency = str(recur["FREQ"][0]).upper()
    interval = int(recur.get("INTERVAL", [1])[0] or 1)
    days = [str(day).upper() for day in recur.get("BYDAY", [])]
    positions = [int(p) for p in recur.get("BYSETPOS", [])]
    if recur.get("BYMONTH"):
        return {}
    if frequency == "DAILY" and interval == 1 and not positions:
        frequency, days = "WEEKLY", days or ALL_DAYS.split(",")
    if frequency not in FREQUENCIES:
        return {}
    if positions:
        # "the second Tuesday" is BYDAY=TU;BYSETPOS=2 in RFC 5545, 2TU in HSDS.
        if frequency != "MONTHLY" or len(positions) != 1 or len(days) != 1:
            return {}
        days = [f"{positions[0]}{days[0]}"]
    fields = {"freq": frequency, "interval": interval}
    if days:
        fields["byday"] = ",".join(days)
    elif frequency == "WEEKLY":
        fields["byday"] = ical_weekday(activity.start_date)
    if recur.get("BYMONTHDAY"):
        fields["bymonthday"] = ",".join(str(int(d)) for d in recur["BYMONTHDAY"])
    if recur.get("COUNT"):
        fields["count"] = int(recur["COUNT"][0])
    if recur.get("WKST"):
        fields["wkst"] = str(recur["WKST"][0]).upper()
    last = ical.last_session(activity)
    if last is not None and "count" not in fields:
        fields["until"] = last.isoformat()
    return fields


def ical_weekday(day):
    return ALL_DAYS.split(",")[day.weekday()]


def schedule(activity, url):
    first = ical.first_session(activity)
    last = ical.last_session(activity) or activity.end_date
    words = schedule_text(activity) or (
        f"{first.isoformat()} {time_range(activity)}".strip()
    )
    notes = [TIME_ZONE_NOTE]
    cancelled = sorted(ical.excluded_dates(activity))
    if cancelled:
        notes.append(
            _("Inställda tillfällen: %(dates)s.")
            % {"dates": ", ".join(day.isoformat() for day in cancelled)}
        )
    data = {
        "id": hsds_id("schedule", activity.pk),
        "service_id": service_id(activity),
        "valid_from": activity.start_date.isoformat(),
        "valid_to": last.isoformat() if last else None,
        "dtstart": first.isoformat(),
        **_rule_fields(activity),
        "opens_at": activity.start_time.strftime("%H:%M")
        if activity.start_time
        else None,
        "closes_at": activity.end_time.strftime("%H:%M") if activity.end_time else None,
        "description": words,
        "notes": " ".join(notes),
        "attending_type": str(activity.get_mode_display()),
        "schedule_link": url,
    }
    return _drop_empty(data)


# --- services --------------------------------------------------------------


def languages(activity):
    link = service_id(activity)
    found = []
    for note, group in [
        (_("Undervisningsspråk"), activity.instruction_languages.all()),
        (
            _("Stödspråk: ledare eller tolk kan hjälpa till"),
            activity.support_languages.all(),
        ),
    ]:
        for language in group:
            found.append(
                {
                    "id": hsds_id("language", activity.pk, language.code),
                    "service_id": link,
                    "name": language.name_sv,
                    "code": language.code,
                    "note": str(note),
                }
            )
    return found


def _application_process(activity):
    parts = [str(activity.get_join_method_display()), activity.how_to_join]
    if activity.registration_url:
        parts.append(activity.registration_url)
    return "\n".join(part for part in parts if part)


def _eligibility(activity):
    return _("För: %(group)s. Ålder: %(age)s.") % {
        "group": activity.get_target_group_display(),
        "age": activity.get_age_band_display(),
    }


def service(activity, url, *, full=True):
    """The activity as an HSDS service; ``url`` is its public page.

    ``full``: with everything linked to it (schedule, languages, locations,
    contacts, attributes), as ``/services/{id}`` answers; without, only its own
    fields and its organisation, as the list does.
    """
    minimum, maximum = AGES.get(activity.age_band, (None, None))
    supported = [lang.name_sv for lang in activity.support_languages.all()]
    description = "\n\n".join(
        part for part in [activity.summary, plain_text(activity.description)] if part
    )
    contact_data = service_contacts(activity)
    data = _drop_empty(
        {
            "id": service_id(activity),
            "organization_id": organization_id(activity.organisation),
            "name": activity.title,
            "description": description,
            "url": url,
            "email": contact_data[0].get("email") if contact_data else None,
            "status": "active",
            "interpretation_services": _("Stöd på %(languages)s.")
            % {"languages": ", ".join(supported)}
            if supported
            else None,
            "application_process": _application_process(activity),
            "fees_description": _("Kostnadsfri") if activity.free_of_charge else None,
            "eligibility_description": _eligibility(activity),
            "minimum_age": minimum,
            "maximum_age": maximum,
            "assured_date": activity.last_confirmed.isoformat(),
            "last_modified": activity.updated_at.isoformat(),
            "organization": organization(activity.organisation),
        }
    )
    if not full:
        return data
    data["schedules"] = [schedule(activity, url)]
    data["languages"] = languages(activity)
    data["service_at_locations"] = [
        service_at_location(activity, kind, url)
        for kind in location_kinds(activity.mode)
    ]
    data["contacts"] = contact_data
    data["attributes"] = attributes(activity)
    if activity.registration_url:
        data["additional_urls"] = [
            {
                "id": hsds_id("url", activity.pk, "registration"),
                "label": str(_("Anmälan")),
                "url": activity.registration_url,
                "service_id": data["id"],
            }
        ]
    return data


# --- pages -----------------------------------------------------------------


def page(contents, *, total, number, per_page):
    """An HSDS ``Page``: the header fields of the OpenAPI's schema, then contents."""
    total_pages = max(1, math.ceil(total / per_page))
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def root(*, profile_url, site_url):
    """The API's root: which HSDS it speaks, who publishes it, under what licence."""
    name = setting("SITE_NAME") or settings.WAGTAIL_SITE_NAME
    data = {
        "version": HSDS_VERSION,
        "openapi_url": OPENAPI_URL,
        "description": _(
            "Publicerade, aktuella aktiviteter för asylsökande i "
            "aktivitetskatalogen, enligt Open Referral HSDS %(version)s."
        )
        % {"version": HSDS_VERSION},
        "publisher": _drop_empty({"name": name, "website": site_url}),
        "license": {"name": LICENCE_NAME, "url": LICENCE_URL},
    }
    if profile_url:
        data["profile"] = profile_url
    return data
