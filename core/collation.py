"""Swedish alphabetical order, the same on SQLite and on PostgreSQL.

People read lists of municipalities, organisations and names in Swedish
order: Å, Ä and Ö after Z, upper and lower case together, é as e, ü as y,
æ as ä and ø as ö. Neither database sorts so by itself. On PostgreSQL the
migration ``geography.0003_swedish_order`` creates the ICU collation
:data:`SWEDISH` (locale ``sv-SE``); on SQLite :func:`register` gives every
new connection a collation of the same name that compares with
:func:`sort_key`, which follows ICU's Swedish rules (CLDR's standard Swedish
tailoring of the Unicode collation algorithm) for the letters these names
use. A query names the collation through :func:`swedish` either way, so
``Municipality.objects.all()`` reads the same on both.
"""

import unicodedata
from functools import lru_cache

from django.db.models.functions import Collate

# The collation's name in both databases (Collate quotes it, so it is exact).
SWEDISH = "sv_se"
ICU_LOCALE = "sv-SE"

# Primary groups, in ICU's order: spaces, punctuation and symbols, digits,
# Latin letters, then every other script.
_SPACE, _PUNCTUATION, _DIGIT, _LATIN, _OTHER = range(1, 6)

# ASCII punctuation and symbols in the order of ICU's root collation.
_PUNCTUATION_ORDER = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"

# The Latin alphabet as CLDR's Swedish tailoring orders it: letters of other
# languages that the Unicode collation algorithm keeps apart follow their
# base letter (ı after i, ŋ after n), and å, ä, ö come after every other
# Latin letter.
_ALPHABET = "abcdefghiıjklmnŋopqrstuvwxyzåäö"
_LETTER = {letter: index for index, letter in enumerate(_ALPHABET)}

# Letters that Swedish sorts as another letter with a secondary difference
# (CLDR sv: ü ű under y, æ ę under ä, ø ő œ ô under ö, đ ð under d), or that
# it expands (þ as th, ß as ss). The number is the secondary weight that
# tells them apart from the letters they sort with; þ differs from th only
# as a variant (tertiary).
_SWEDISH_LETTERS = {
    "å": ("å", 0),
    "ä": ("ä", 0),
    "ö": ("ö", 0),
    "æ": ("ä", 1),
    "ę": ("ä", 2),
    "ø": ("ö", 1),
    "ő": ("ö", 2),
    "œ": ("ö", 3),
    "ô": ("ö", 4),
    "ü": ("y", 1),
    "ű": ("y", 2),
    "đ": ("d", 1),
    "ð": ("d", 2),
    "ħ": ("h", 1),
    "ł": ("l", 1),
    "þ": ("th", 0),
    "ß": ("ss", 1),
}

# Secondary weights of combining accents, in the order of the Unicode
# collation algorithm's table (acute before grave before breve …).
_ACCENT_ORDER = [
    "\u0301",  # acute
    "\u0300",  # grave
    "\u0306",  # breve
    "\u0302",  # circumflex
    "\u030c",  # caron
    "\u030a",  # ring above
    "\u0308",  # diaeresis
    "\u030b",  # double acute
    "\u0303",  # tilde
    "\u0307",  # dot above
    "\u0327",  # cedilla
    "\u0328",  # ogonek
    "\u0304",  # macron
]
_ACCENT = {mark: 10 + index for index, mark in enumerate(_ACCENT_ORDER)}
_PLAIN = 0

# Tertiary weights: lower case first, then upper case; a ligature or an
# expansion (ĳ, þ) after the plain letters it stands for, in the same case.
_LOWER, _VARIANT, _UPPER = 0, 1, 2


def _primary(char):
    """The primary weight of one character without accents, or None if ignored."""
    category = unicodedata.category(char)
    if category in {"Cc", "Cf"} and not char.isspace():
        return None
    if char.isspace():
        return (_SPACE, 0 if char in " \u00a0" else ord(char))
    lower = char.lower()
    if lower in _LETTER:
        return (_LATIN, _LETTER[lower])
    if category == "Nd":
        return (_DIGIT, unicodedata.digit(char))
    if category[0] in {"P", "S"}:
        position = _PUNCTUATION_ORDER.find(char)
        return (_PUNCTUATION, position if position >= 0 else 100 + ord(char))
    return (_OTHER, ord(lower))


def _elements(text):
    """[primary, secondary weights, tertiary weight] for each letter of ``text``."""
    elements = []
    for char in unicodedata.normalize("NFC", text):
        lower = char.lower()
        case = _UPPER if char != lower else _LOWER
        if lower in _SWEDISH_LETTERS:
            letters, variant = _SWEDISH_LETTERS[lower]
            tertiary = case + _VARIANT if lower == "þ" else case
            for index, letter in enumerate(letters):
                secondary = [variant if index == 0 else _PLAIN]
                elements.append([_primary(letter), secondary, tertiary])
            continue
        decomposed = unicodedata.normalize("NFKD", char)
        tertiary = case
        if decomposed != unicodedata.normalize("NFD", char):
            tertiary += _VARIANT  # a ligature, a superscript, a full-width form …
        started = False
        for part in decomposed:
            if unicodedata.category(part).startswith("M"):
                if started:
                    elements[-1][1].append(_ACCENT.get(part, 100 + ord(part)))
            elif (primary := _primary(part)) is not None:
                elements.append([primary, [_PLAIN], tertiary])
                started = True
    return elements


@lru_cache(maxsize=8192)
def sort_key(text):
    """A key that orders strings as ICU's Swedish collation (tertiary strength).

    First by letters (primary), then by accents from left to right
    (secondary), then lower case before upper case and plain letters before
    ligatures and the like (tertiary).
    """
    elements = _elements(text or "")
    primaries = tuple(primary for primary, _, _ in elements)
    secondaries = tuple(weight for _, weights, _ in elements for weight in weights)
    tertiaries = tuple(tertiary for _, _, tertiary in elements)
    return (primaries, secondaries, tertiaries)


def compare(a, b):
    """SQLite's collation callback: negative, zero or positive.

    Strings equal in every level (composed and decomposed é, say) compare by
    code points, as a deterministic ICU collation in PostgreSQL compares them.
    """
    key_a, key_b = sort_key(a), sort_key(b)
    if key_a == key_b:
        return (a > b) - (a < b)
    return -1 if key_a < key_b else 1


def register(sender, connection, **kwargs):
    """Give a new SQLite connection the Swedish collation (``connection_created``)."""
    connection.connection.create_collation(SWEDISH, compare)


def connect():
    """Register the collation on every SQLite connection (``CoreConfig.ready``)."""
    from django.db.backends.signals import connection_created
    from django.db.backends.sqlite3.base import DatabaseWrapper

    connection_created.connect(
        register, sender=DatabaseWrapper, dispatch_uid="core.collation.register"
    )


def swedish(field):
    """``field`` in Swedish order, for ``order_by`` and ``Meta.ordering``."""
    return Collate(field, SWEDISH)
