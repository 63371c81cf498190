"""Language names as a reader reads them: the name in the reader's language
(CLDR, through Babel) beside the language's own name, e.g. on an English page
"Arabic – العربية", on an Arabic page "السويدية – svenska"; one name when both
are the same ("English" on an English page).

The rooms pass what they know of the language (its own name, its Swedish name
and direction); the core knows no room's models.
"""

from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils.translation import get_language

# Our codes that CLDR spells otherwise: Dari is CLDR's Afghan Persian.
CLDR_CODES = {"prs": "fa_AF"}
# The project's own Swedish names (the rooms' reference data) are the ones
# Swedish pages show; CLDR's Swedish names differ for a few (Pashto).
SWEDISH = "sv"


def cldr_code(code):
    return CLDR_CODES.get(code, code)


def reader_language():
    """The language of the page being rendered, without a region."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


@cache
def _names(reader):
    """CLDR's language names in ``reader``'s language; {} for one CLDR lacks."""
    try:
        return dict(Locale.parse(cldr_code(reader)).languages)
    except (UnknownLocaleError, ValueError, TypeError):
        return {}


def name_in(code, reader):
    """The name of language ``code`` in language ``reader``; '' when CLDR has none."""
    return _names(reader).get(cldr_code(code), "")


@dataclass(frozen=True)
class LanguageName:
    """A language named for one reader: ``name`` in ``name_language``, and its own."""

    code: str
    name: str
    name_language: str
    native: str
    rtl: bool = False

    @property
    def single(self):
        """True when the reader's name and the language's own are the same."""
        return self.name.casefold() == self.native.casefold()

    @property
    def direction(self):
        return "rtl" if self.rtl else "ltr"

    def __str__(self):
        return self.native if self.single else f"{self.name} – {self.native}"


def language_name(code, *, native, name_sv, rtl=False, reader=None):
    """Language ``code`` named for ``reader`` (the page's language by default).

    Swedish readers get ``name_sv``; others CLDR's name in their language, or
    ``name_sv`` (marked as Swedish) for a language CLDR does not name there.
    """
    reader = reader or reader_language()
    name, name_language = name_sv, SWEDISH
    if reader != SWEDISH:
        translated = name_in(code, reader)
        if translated:
            name, name_language = translated, reader
    return LanguageName(
        code=code,
        name=name,
        name_language=name_language,
        native=native or name,
        rtl=rtl,
    )
