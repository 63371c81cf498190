"""Reading and applying an upload of Migrationsverket's target-group figures.

A county administrator uploads a CSV (UTF-8, with or without a byte-order
mark, ``;`` or ``,`` between the cells, as Excel writes it) or an XLSX file
with one row per municipality, month, target-group category, accommodation,
sex and age band (``docs/followup-statistics.md``). Every row is checked and
every rejected row is reported with its number as a spreadsheet shows it (the
header is row 1) and the reason. If any row is rejected nothing is applied;
otherwise, in one transaction, the county's figures for each month in the
file are replaced by the file's and the upload is kept as a
:class:`~knowledge.followup.models.StatisticsImport`.

A formula in an XLSX cell is never evaluated: the workbook is read with
``data_only=False``, so a formula cell comes back as its formula and its row
is rejected. A value Migrationsverket masked (``..``) is kept masked (count
NULL): the platform never guesses it.
"""

import codecs
import csv
import datetime
import io
import math
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.geography.models import County, Municipality

from .models import (
    Accommodation,
    AgeBand,
    Category,
    Sex,
    StatisticsImport,
    TargetGroupFigure,
)

MAX_BYTES = 10 * 1024 * 1024
# A large county (Västra Götaland: 49 municipalities) for twelve months in
# every category is about 53,000 rows.
MAX_ROWS = 60_000
# An XLSX is a zip: refuse one that would unpack to more than this.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# What Migrationsverket (and SCB) write for a figure they do not give.
MASKED = frozenset({"..", ".", "–", "—", "-"})

# Each column: the names a header may have (compared case-insensitively).
COLUMNS = {
    "county": ("län", "lan", "länskod", "län kod"),
    "municipality": ("kommun", "kommunkod", "kommunnamn", "kommun kod"),
    "month": ("månad", "manad", "period"),
    "category": ("målgrupp", "malgrupp", "kategori"),
    "accommodation": ("boendeform", "boende", "boendetyp"),
    "sex": ("kön", "kon"),
    "age_band": ("åldersgrupp", "aldersgrupp", "åldersklass", "ålder"),
    "count": ("antal", "antal personer"),
}
# The header of the example file and the order the docs name the columns in.
HEADER = [
    "län",
    "kommun",
    "månad",
    "målgrupp",
    "boendeform",
    "kön",
    "åldersgrupp",
    "antal",
]

# Migrationsverket's and common ways of writing the values, beside each
# choice's code and Swedish label (compared after :func:`text_key`).
ALIASES = {
    Category: {
        Category.ASYLUM_SEEKERS: ("asylsökande", "asylsokande", "asyl"),
        Category.PERMIT_HOLDERS: (
            "uppehållstillstånd",
            "personer med uppehållstillstånd",
            "med uppehållstillstånd",
            "beviljade",
            "kommunplaceringsväntande",
        ),
        Category.TEMPORARY_PROTECTION: (
            "tillfälligt skydd",
            "massflyktsdirektivet",
            "skyddsbehövande enligt massflyktsdirektivet",
            "tpd",
        ),
    },
    Accommodation: {
        Accommodation.MIGRATIONSVERKET: (
            "abo",
            "anläggningsboende",
            "migrationsverkets anläggningsboende",
            "mv boende",
        ),
        Accommodation.OWN: ("ebo", "eget", "eget boende"),
        Accommodation.OTHER: (
            "övrigt",
            "övriga",
            "övriga boenden",
            "annat",
            "annat boende",
        ),
    },
    Sex: {
        Sex.WOMEN: ("kvinna", "k", "kv", "female", "f"),
        Sex.MEN: ("man", "m", "male"),
    },
    AgeBand: {
        AgeBand.FROM_18: ("18-24",),
        AgeBand.FROM_25: ("25-34",),
        AgeBand.FROM_35: ("35-44",),
        AgeBand.FROM_45: ("45-64",),
        AgeBand.FROM_65: ("65+", "65-", "65 och äldre", "65 eller äldre", "65-w"),
    },
}

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_DASH = re.compile(f"[{DASHES}]")
_SPACE = re.compile(r"\s+")


class ImportRejected(Exception):
    """The file was not applied; ``errors`` says why (a list of RowError)."""

    def __init__(self, errors):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass(frozen=True)
class RowError:
    """One reason a file was refused: its row (None: the whole file) and why."""

    row: int | None
    message: str


@dataclass
class Parsed:
    """What a file holds once read: its figures, months and errors."""

    figures: list = field(default_factory=list)
    months: set = field(default_factory=set)
    errors: list = field(default_factory=list)
    masked: int = 0


# Normalising ---------------------------------------------------------------


def text_key(value):
    """``value`` compared loosely: NFC, case-folded, one space, dashes as ``-``."""
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ")
    text = _DASH.sub("-", text).casefold()
    return _SPACE.sub(" ", text).strip()


def municipality_key(name):
    """A municipality's name as Migrationsverket's files and SCB's list both
    give it: case-folded, hyphens and spaces alike, without "kommun", "stad"
    or "Region" ("Upplands-Väsby" and "Upplands Väsby kommun" give the same key).

    The genitive -s ("Helsingborgs kommun") is left on: :class:`Municipalities`
    tries the key with and without it, because some names end in s (Borås).
    """
    text = text_key(name).replace("-", " ")
    text = re.sub(r"\s+(kommun|stad|kommune|municipality)$", "", text)
    text = re.sub(r"^region\s+", "", text)
    return _SPACE.sub(" ", text).strip()


def _without_accents(key):
    decomposed = unicodedata.normalize("NFD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Names that are not the SCB name with a genitive ending.
IRREGULAR_MUNICIPALITIES = {"falu": "falun"}


class Municipalities:
    """Every municipality, read in one query, found by code or by name."""

    def __init__(self, queryset=None):
        queryset = queryset if queryset is not None else Municipality.objects.all()
        rows = list(queryset.select_related("county"))
        self.by_code = {m.code: m for m in rows}
        self.by_key = {municipality_key(m.name): m for m in rows}
        plain = {}
        for key, municipality in self.by_key.items():
            plain.setdefault(_without_accents(key), []).append(municipality)
        # Without å, ä, ö only where that names one municipality (not Håbo/Habo).
        self.by_plain = {k: v[0] for k, v in plain.items() if len(v) == 1}
        self._cache = {}

    def find(self, value):
        """The municipality ``value`` names (an SCB code, or a name), or None."""
        if isinstance(value, bool):
            return None
        if isinstance(value, (int, float)):
            if not math.isfinite(value) or value != int(value) or value < 0:
                return None
            return self.by_code.get(str(int(value)).zfill(4))
        if value not in self._cache:
            self._cache[value] = self._find(str(value))
        return self._cache[value]

    def _find(self, text):
        text = text_key(text)
        # A code, its leading zero lost in a spreadsheet ("114"), maybe with
        # the name after it ("1280 Malmö").
        code = re.fullmatch(r"(\d{1,4})(?:\.0+)?(?:\s+\D.*)?", text)
        if code:
            return self.by_code.get(code.group(1).zfill(4))
        key = municipality_key(text)
        key = IRREGULAR_MUNICIPALITIES.get(key, key)
        candidates = [key]
        if key.endswith("s"):
            candidates.append(key[:-1])
        for candidate in candidates:
            if candidate in self.by_key:
                return self.by_key[candidate]
        for candidate in candidates:
            plain = _without_accents(candidate)
            if plain in self.by_plain:
                return self.by_plain[plain]
        return None


def county_matches(value, county):
    """Whether the cell ``value`` names ``county`` (its code or its name)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value) or value != int(value):
            return False
        return str(int(value)).zfill(2) == county.code
    text = text_key(value)
    if re.fullmatch(r"\d{1,2}", text):
        return text.zfill(2) == county.code
    name = text_key(county.name)
    bare = re.sub(r"s? län$", "", name)
    text = re.sub(r"\s+län$", "", text)
    return text in {name, bare, bare + "s"}


def _choice_lookup(choices):
    lookup = {}
    for value, label in choices.choices:
        lookup[text_key(value)] = value
        lookup[text_key(label)] = value
        # "18–24 år" also as "18-24 år" and "18-24".
        lookup[text_key(label).removesuffix(" år")] = value
    for value, aliases in ALIASES[choices].items():
        for alias in aliases:
            lookup[text_key(alias)] = value
    return lookup


def _age_key(text):
    text = text.removesuffix(" år").removesuffix("år").strip()
    return re.sub(r"\s*-\s*", "-", text)


# Reading the file ----------------------------------------------------------


def read_rows(upload):
    """The file's rows (lists of cell values), header first.

    A formula cell comes back as a :class:`Formula`. Raises ImportRejected for
    a file that cannot be read at all.
    """
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ImportRejected([RowError(None, too_large_message())])
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ImportRejected([RowError(None, too_large_message())])
    if not data.strip():
        raise ImportRejected([RowError(None, _("Filen är tom."))])
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_rows(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRejected(
            [
                RowError(
                    None,
                    _(
                        "Filen är i Excels gamla format (.xls). Spara den som "
                        "Excel-arbetsbok (.xlsx) eller som CSV UTF-8 och ladda "
                        "upp den igen."
                    ),
                )
            ]
        )
    return _csv_rows(data)


def too_large_message():
    return _("Filen är större än %(size)s MB.") % {"size": MAX_BYTES // (1024 * 1024)}


@dataclass(frozen=True)
class Formula:
    """A cell of an XLSX file that holds a formula (never evaluated)."""

    text: str


def _csv_rows(data):
    try:
        text = codecs.decode(data, "utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected(
            [
                RowError(
                    None,
                    _(
                        "Filen är inte i teckenkodningen UTF-8. Spara den i Excel "
                        "som ”CSV UTF-8 (kommaavgränsad)” och ladda upp den igen."
                    ),
                )
            ]
        ) from None
    if "\x00" in text:
        raise ImportRejected(
            [RowError(None, _("Filen är varken en CSV-fil eller en Excel-fil."))]
        )
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        # A spreadsheet would run a cell starting with "=": it is a formula.
        return [
            [Formula(cell) if cell.lstrip().startswith("=") else cell for cell in row]
            for row in reader
        ]
    except csv.Error:
        raise ImportRejected(
            [RowError(None, _("Filen kunde inte läsas som CSV."))]
        ) from None


def _xlsx_rows(data):
    import openpyxl

    unreadable = ImportRejected(
        [RowError(None, _("Filen kunde inte läsas som en Excel-arbetsbok (.xlsx)."))]
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise unreadable from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportRejected([RowError(None, too_large_message())])
    try:
        # data_only=False: a formula comes back as its text, never its value.
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False
        )
    except Exception:  # openpyxl raises many kinds on a broken workbook
        raise unreadable from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows():
            if len(rows) > MAX_ROWS + 1:
                break
            rows.append([_xlsx_value(cell) for cell in row])
        return rows
    except Exception:
        raise unreadable from None
    finally:
        workbook.close()


def _xlsx_value(cell):
    if getattr(cell, "data_type", None) == "f":
        return Formula(str(cell.value))
    return cell.value


# Checking the rows ---------------------------------------------------------


def _is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _columns(header):
    """``{field: index}`` for the header row, or the errors in it."""
    names = {text_key(name): key for key, names in COLUMNS.items() for name in names}
    found, errors = {}, []
    for index, cell in enumerate(header):
        if _is_blank(cell):
            continue
        if isinstance(cell, Formula):
            errors.append(
                _("Rubriken i kolumn %(column)s är en formel.") % {"column": index + 1}
            )
            continue
        key = names.get(text_key(cell))
        if key is None:
            errors.append(_("Okänd kolumn: ”%(name)s”.") % {"name": cell})
        elif key in found:
            errors.append(_("Kolumnen ”%(name)s” finns två gånger.") % {"name": cell})
        else:
            found[key] = index
    missing = [HEADER[list(COLUMNS).index(key)] for key in COLUMNS if key not in found]
    if missing:
        errors.append(_("Kolumner saknas: %(names)s.") % {"names": ", ".join(missing)})
    if errors:
        errors.append(
            _("Första raden ska ha rubrikerna %(names)s (i valfri ordning).")
            % {"names": ", ".join(HEADER)}
        )
    return found, errors


class RowReader:
    """Turns one row into a TargetGroupFigure, or says what is wrong with it."""

    def __init__(self, county, today=None):
        self.county = county
        self.municipalities = Municipalities()
        self.lookups = {
            "category": _choice_lookup(Category),
            "accommodation": _choice_lookup(Accommodation),
            "sex": _choice_lookup(Sex),
            "age_band": _choice_lookup(AgeBand),
        }
        today = today or timezone.localdate()
        self.this_month = today.replace(day=1)
        self.seen = {}

    def read(self, number, values, parsed):
        reasons = []
        formulas = [key for key, value in values.items() if isinstance(value, Formula)]
        if formulas:
            parsed.errors.append(
                RowError(
                    number,
                    _(
                        "Raden innehåller en formel. Formler räknas aldrig ut: "
                        "skriv in värdena i stället."
                    ),
                )
            )
            return
        municipality = self._municipality(values, reasons)
        month = self._month(values["month"], reasons)
        choices = {
            key: self._choice(key, values[key], reasons)
            for key in ("category", "accommodation", "sex", "age_band")
        }
        count, masked = self._count(values["count"], reasons)
        if reasons:
            parsed.errors.extend(RowError(number, reason) for reason in reasons)
            return
        cell = (municipality.pk, month, *choices.values())
        if cell in self.seen:
            parsed.errors.append(
                RowError(
                    number,
                    _(
                        "Samma kommun, månad, målgrupp, boendeform, kön och "
                        "åldersgrupp som rad %(row)s."
                    )
                    % {"row": self.seen[cell]},
                )
            )
            return
        self.seen[cell] = number
        parsed.months.add(month)
        parsed.masked += masked
        parsed.figures.append(
            TargetGroupFigure(
                municipality=municipality, month=month, count=count, **choices
            )
        )

    def _municipality(self, values, reasons):
        value = values["municipality"]
        if _is_blank(value):
            reasons.append(_("Kommun saknas."))
            return None
        county_cell = values["county"]
        if not _is_blank(county_cell) and not county_matches(county_cell, self.county):
            reasons.append(
                _("Raden gäller ”%(value)s”, inte %(county)s.")
                % {"value": county_cell, "county": self.county.name}
            )
            return None
        municipality = self.municipalities.find(value)
        if municipality is None:
            reasons.append(_("Okänd kommun: ”%(value)s”.") % {"value": value})
            return None
        if municipality.county_id != self.county.pk:
            reasons.append(
                _("%(municipality)s ligger i %(other)s, inte i %(county)s.")
                % {
                    "municipality": municipality.name,
                    "other": municipality.county.name,
                    "county": self.county.name,
                }
            )
            return None
        return municipality

    def _month(self, value, reasons):
        month = parse_month(value)
        if month is None:
            if _is_blank(value):
                reasons.append(_("Månad saknas."))
            else:
                reasons.append(
                    _("Okänd månad: ”%(value)s” (skriv ÅÅÅÅ-MM, t.ex. %(example)s).")
                    % {"value": value, "example": f"{self.this_month:%Y-%m}"}
                )
            return None
        if month > self.this_month:
            reasons.append(
                _("Månaden %(month)s har inte kommit än.") % {"month": f"{month:%Y-%m}"}
            )
            return None
        return month

    def _choice(self, key, value, reasons):
        if _is_blank(value):
            reasons.append(MISSING[key]())
            return None
        text = text_key(value)
        if key == "age_band":
            text = _age_key(text)
        found = self.lookups[key].get(text)
        if found is None:
            reasons.append(UNKNOWN[key]() % {"value": value})
        return found

    def _count(self, value, reasons):
        """(count, 1 if masked else 0)."""
        if isinstance(value, bool) or _is_blank(value):
            reasons.append(_("Antal saknas (skriv ”..” för ett maskerat värde)."))
            return None, 0
        if isinstance(value, (int, float)):
            number = value
        else:
            text = text_key(value)
            if text in MASKED:
                return None, 1
            text = re.sub(r"(?<=\d)[ \u202f'](?=\d{3}\b)", "", text)
            if not re.fullmatch(r"-?\d+([.,]0+)?", text):
                reasons.append(
                    _("Antalet ”%(value)s” är inte ett heltal.") % {"value": value}
                )
                return None, 0
            number = int(re.split(r"[.,]", text)[0])
        if not math.isfinite(number) or number != int(number):
            reasons.append(
                _("Antalet ”%(value)s” är inte ett heltal.") % {"value": value}
            )
            return None, 0
        if number < 0:
            reasons.append(
                _("Antalet får inte vara negativt (%(value)s).") % {"value": value}
            )
            return None, 0
        if number > 1_000_000:
            reasons.append(_("Antalet %(value)s är orimligt stort.") % {"value": value})
            return None, 0
        return int(number), 0


MISSING = {
    "category": lambda: _("Målgrupp saknas."),
    "accommodation": lambda: _("Boendeform saknas."),
    "sex": lambda: _("Kön saknas."),
    "age_band": lambda: _("Åldersgrupp saknas."),
}
UNKNOWN = {
    "category": lambda: _("Okänd målgrupp: ”%(value)s”."),
    "accommodation": lambda: _("Okänd boendeform: ”%(value)s”."),
    "sex": lambda: _("Okänt kön: ”%(value)s” (kvinnor eller män)."),
    "age_band": lambda: _("Okänd åldersgrupp: ”%(value)s”."),
}


def parse_month(value):
    """The first day of the month ``value`` names (ÅÅÅÅ-MM, or a date), or None."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.replace(day=1)
    if value is None or isinstance(value, (bool, float)):
        return None
    text = text_key(value)
    match = re.fullmatch(r"(\d{4})[-/.]?(\d{1,2})(?:[-/.](\d{1,2}))?", text)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (2000 <= year <= 2999 and 1 <= month <= 12):
        return None
    if match.group(3) is not None:
        try:
            datetime.date(year, month, int(match.group(3)))
        except ValueError:
            return None
    return datetime.date(year, month, 1)


def parse(upload, county, today=None):
    """Read and check ``upload`` for ``county``; nothing is written."""
    rows = read_rows(upload)
    parsed = Parsed()
    # Blank rows at the top are no header.
    start = next((i for i, row in enumerate(rows) if any(map(_not_blank, row))), None)
    if start is None:
        raise ImportRejected([RowError(None, _("Filen är tom."))])
    header_row = start + 1
    columns, errors = _columns(rows[start])
    if errors:
        raise ImportRejected([RowError(header_row, error) for error in errors])
    data = rows[start + 1 :]
    if len(data) > MAX_ROWS:
        raise ImportRejected(
            [
                RowError(
                    None,
                    _("Filen har fler än %(rows)s rader. Dela upp den.")
                    % {"rows": f"{MAX_ROWS:,}".replace(",", " ")},
                )
            ]
        )
    reader = RowReader(county, today=today)
    width = max(columns.values()) + 1
    for offset, row in enumerate(data):
        if not any(map(_not_blank, row)):
            continue
        row = list(row) + [None] * (width - len(row))
        values = {key: row[index] for key, index in columns.items()}
        reader.read(header_row + 1 + offset, values, parsed)
    if not parsed.figures and not parsed.errors:
        raise ImportRejected([RowError(None, _("Filen har inga rader med siffror."))])
    return parsed


def _not_blank(value):
    return not _is_blank(value)


# Applying ------------------------------------------------------------------


def import_statistics(upload, *, county, by, file_name=None, fictional=False):
    """Apply ``upload`` for ``county`` entirely, or raise ImportRejected.

    For each month in the file, the county's figures for that month are
    deleted and the file's created; the upload is kept as a StatisticsImport,
    which is returned.
    """
    parsed = parse(upload, county)
    if parsed.errors:
        raise ImportRejected(parsed.errors)
    months = sorted(parsed.months)
    with transaction.atomic():
        # One upload per county at a time: a second waits here, then replaces
        # the first's months instead of colliding with them.
        County.objects.select_for_update().filter(pk=county.pk).first()
        replaced, _deleted = TargetGroupFigure.objects.filter(
            municipality__in=Municipality.objects.in_county(county).values("pk"),
            month__in=months,
        ).delete()
        record = StatisticsImport.objects.create(
            county=county,
            uploaded_by=by,
            file_name=(file_name or getattr(upload, "name", "") or "")[:255],
            months=[f"{month:%Y-%m}" for month in months],
            row_count=len(parsed.figures),
            masked_count=parsed.masked,
            replaced_count=replaced,
            fictional=fictional,
        )
        for figure in parsed.figures:
            figure.source = record
        TargetGroupFigure.objects.bulk_create(parsed.figures, batch_size=2000)
    return record
