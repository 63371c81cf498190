"""The rules of Open Referral HSDS 3.2 that the directory's API must keep, written
here as JSON Schemas of our own.

Written from reading the specification (openreferral/specification, branch
3.2: ``schema/*.json``, ``schema/compiled/*.json`` and ``schema/openapi.json``);
nothing is copied from it. Each object has the fields HSDS requires, and the
type, format and allowed values of every field the API sends. HSDS allows
fields beyond its own, as do these schemas; a compiled schema nests the
objects (a service holds its schedules, languages, contacts …), as here.
"""

from datetime import date, datetime
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker

UUID = {"type": "string", "format": "uuid"}
TEXT = {"type": "string"}
URI = {"type": "string", "format": "uri"}
EMAIL = {"type": "string", "format": "email"}
NUMBER = {"type": "number"}
DATE = {"type": "string", "format": "date"}


def obj(required, properties):
    return {"type": "object", "required": required, "properties": properties}


def array_of(schema):
    return {"type": "array", "items": schema}


PHONE = obj(
    ["id", "number"],
    {
        "id": UUID,
        "location_id": UUID,
        "service_id": UUID,
        "organization_id": UUID,
        "contact_id": UUID,
        "service_at_location_id": UUID,
        "number": TEXT,
        "extension": NUMBER,
        "type": TEXT,
        "description": TEXT,
    },
)
CONTACT = obj(
    ["id"],
    {
        "id": UUID,
        "organization_id": UUID,
        "service_id": UUID,
        "service_at_location_id": UUID,
        "location_id": UUID,
        "name": TEXT,
        "title": TEXT,
        "department": TEXT,
        "email": EMAIL,
        "phones": array_of(PHONE),
    },
)
ADDRESS = obj(
    [
        "id",
        "address_1",
        "city",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ],
    {
        "id": UUID,
        "location_id": UUID,
        "attention": TEXT,
        "address_1": TEXT,
        "address_2": TEXT,
        "city": TEXT,
        "region": TEXT,
        "state_province": TEXT,
        "postal_code": TEXT,
        "country": TEXT,
        "address_type": {"type": "string", "enum": ["physical", "postal", "virtual"]},
    },
)
ACCESSIBILITY = obj(
    ["id"],
    {"id": UUID, "location_id": UUID, "description": TEXT, "details": TEXT, "url": URI},
)
LANGUAGE = obj(
    ["id"],
    {
        "id": UUID,
        "service_id": UUID,
        "location_id": UUID,
        "phone_id": UUID,
        "name": TEXT,
        "code": TEXT,
        "note": TEXT,
    },
)
LOCATION = obj(
    ["id", "location_type"],
    {
        "id": UUID,
        "location_type": {"type": "string", "enum": ["physical", "postal", "virtual"]},
        "url": URI,
        "organization_id": UUID,
        "name": TEXT,
        "alternate_name": TEXT,
        "description": TEXT,
        "transportation": TEXT,
        "latitude": NUMBER,
        "longitude": NUMBER,
        "languages": array_of(LANGUAGE),
        "addresses": array_of(ADDRESS),
        "contacts": array_of(CONTACT),
        "accessibility": array_of(ACCESSIBILITY),
        "phones": array_of(PHONE),
    },
)
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SCHEDULE = obj(
    ["id"],
    {
        "id": UUID,
        "service_id": UUID,
        "location_id": UUID,
        "service_at_location_id": UUID,
        # Dates as ISO 8601 YYYY-MM-DD (the schema's datapackage_type "date").
        "valid_from": DATE,
        "valid_to": DATE,
        "dtstart": DATE,
        "timezone": NUMBER,
        "until": DATE,
        "count": NUMBER,
        "wkst": {"type": "string", "enum": WEEKDAYS},
        "freq": {"type": "string", "enum": ["WEEKLY", "MONTHLY"]},
        "interval": NUMBER,
        # Comma-separated days, each optionally after a position: "TU", "2MO".
        "byday": {"type": "string", "pattern": r"^(-?\d?(MO|TU|WE|TH|FR|SA|SU),?)+$"},
        "byweekno": TEXT,
        "bymonthday": TEXT,
        "byyearday": TEXT,
        "description": TEXT,
        # HH:MM (the schema's datapackage_type "time").
        "opens_at": {"type": "string", "pattern": r"^\d\d:\d\d(:\d\d)?"},
        "closes_at": {"type": "string", "pattern": r"^\d\d:\d\d(:\d\d)?"},
        "schedule_link": URI,
        "attending_type": TEXT,
        "notes": TEXT,
    },
)
TAXONOMY = obj(
    ["id", "name", "description"],
    {"id": UUID, "name": TEXT, "description": TEXT, "uri": URI, "version": TEXT},
)
TAXONOMY_TERM = obj(
    ["id", "name", "description"],
    {
        "id": UUID,
        "code": TEXT,
        "name": TEXT,
        "description": TEXT,
        "parent_id": UUID,
        "taxonomy": TEXT,
        "taxonomy_detail": TAXONOMY,
        "language": TEXT,
        "taxonomy_id": UUID,
        "term_uri": URI,
    },
)
ATTRIBUTE = obj(
    ["id"],
    {
        "id": UUID,
        "link_id": UUID,
        "taxonomy_term_id": UUID,
        "link_type": TEXT,
        "link_entity": TEXT,
        "value": TEXT,
        "label": TEXT,
        "taxonomy_term": TAXONOMY_TERM,
    },
)
URL = obj(
    ["id", "url"],
    {
        "id": UUID,
        "label": TEXT,
        "url": URI,
        "organization_id": UUID,
        "service_id": UUID,
    },
)
# The organisation's own fields: what a list and a nested organisation hold.
ORGANIZATION_FIELDS = {
    "id": UUID,
    "name": TEXT,
    "alternate_name": TEXT,
    "description": TEXT,
    "email": EMAIL,
    "website": URI,
    "additional_websites": array_of(URL),
    "year_incorporated": NUMBER,
    "legal_status": TEXT,
    "logo": TEXT,
    "uri": URI,
    "parent_organization_id": UUID,
    "contacts": array_of(CONTACT),
    "phones": array_of(PHONE),
    "locations": array_of(LOCATION),
}
ORGANIZATION_REQUIRED = ["id", "name", "description"]
ORGANIZATION_LIST = obj(ORGANIZATION_REQUIRED, ORGANIZATION_FIELDS)
SERVICE_STATUS = {
    "type": "string",
    "enum": ["active", "inactive", "defunct", "temporarily closed"],
}
SERVICE_FIELDS = {
    "id": UUID,
    "organization_id": UUID,
    "program_id": UUID,
    "name": TEXT,
    "alternate_name": TEXT,
    "description": TEXT,
    "url": URI,
    "additional_urls": array_of(URL),
    "email": EMAIL,
    "status": SERVICE_STATUS,
    "interpretation_services": TEXT,
    "application_process": TEXT,
    "fees_description": TEXT,
    "accreditations": TEXT,
    "eligibility_description": TEXT,
    "minimum_age": NUMBER,
    "maximum_age": NUMBER,
    "assured_date": DATE,
    "assurer_email": EMAIL,
    "alert": TEXT,
    "last_modified": {"type": "string", "format": "date-time"},
    "organization": ORGANIZATION_LIST,
    "phones": array_of(PHONE),
    "schedules": array_of(SCHEDULE),
    "languages": array_of(LANGUAGE),
    "contacts": array_of(CONTACT),
    "attributes": array_of(ATTRIBUTE),
}
SERVICE_REQUIRED = ["id", "name", "status"]
SERVICE_LIST = obj(SERVICE_REQUIRED, SERVICE_FIELDS)
SERVICE_AT_LOCATION_FIELDS = {
    "id": UUID,
    "service_id": UUID,
    "location_id": UUID,
    "description": TEXT,
    "contacts": array_of(CONTACT),
    "phones": array_of(PHONE),
    "schedules": array_of(SCHEDULE),
    "location": LOCATION,
    "service": SERVICE_LIST,
}
SERVICE_AT_LOCATION = obj(["id"], SERVICE_AT_LOCATION_FIELDS)
# /services/{id}: fully nested (compiled/service.json).
SERVICE = obj(
    SERVICE_REQUIRED,
    SERVICE_FIELDS
    | {"service_at_locations": array_of(obj(["id"], SERVICE_AT_LOCATION_FIELDS))},
)
# /organizations/{id} (compiled/organization.json): with its services.
ORGANIZATION = obj(
    ORGANIZATION_REQUIRED,
    ORGANIZATION_FIELDS | {"services": array_of(obj(["id"], SERVICE_FIELDS))},
)


def page_of(item):
    """The OpenAPI's ``Page`` (``empty`` required since 3.1.1) with ``contents``."""
    return obj(
        [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        ],
        {
            "total_items": {"type": "integer", "minimum": 0},
            "total_pages": {"type": "integer", "minimum": 1},
            "page_number": {"type": "integer", "minimum": 1},
            "size": {"type": "integer", "minimum": 0},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean"},
            "contents": array_of(item),
        },
    )


# GET / (the OpenAPI's getAPIMetaInformation).
ROOT = obj(
    ["version"],
    {
        "version": TEXT,
        "profile": URI,
        "openapi_url": URI,
        "description": TEXT,
        "publisher": {
            "type": "object",
            "properties": {
                "name": TEXT,
                "identifier": TEXT,
                "email": EMAIL,
                "website": URI,
                "additional_websites": array_of(URI),
            },
        },
    },
)

# The formats, checked in our own words rather than by optional packages.
FORMATS = FormatChecker(formats=["uuid", "email"])


@FORMATS.checks("uri", raises=ValueError)
def is_uri(value):
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(value)
    return True


@FORMATS.checks("date", raises=ValueError)
def is_date(value):
    return bool(date.fromisoformat(value)) and len(value) == 10


@FORMATS.checks("date-time", raises=ValueError)
def is_date_time(value):
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("a date-time needs its offset")
    return True


def errors(schema, data):
    """Every way ``data`` breaks ``schema``, as readable lines ([] when valid)."""
    validator = Draft202012Validator(schema, format_checker=FORMATS)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(data)
    ]
