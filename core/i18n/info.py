"""Language info Django does not ship: Dari, Somali and Tigrinya.

Django's ``get_language_info`` (the language switcher, ``{% get_language_info %}``
and the ``dir`` of every page) reads ``django.conf.locale.LANG_INFO``;
:func:`install` adds these entries when the core app loads. Right-to-left
languages also belong in the host's ``LANGUAGES_BIDI`` (Dari is written in
Persian script).
"""

from django.conf.locale import LANG_INFO

EXTRA_LANG_INFO = {
    "prs": {
        "bidi": True,
        "code": "prs",
        "name": "Dari",
        "name_local": "دری",
    },
    "so": {
        "bidi": False,
        "code": "so",
        "name": "Somali",
        "name_local": "Soomaali",
    },
    "ti": {
        "bidi": False,
        "code": "ti",
        "name": "Tigrinya",
        "name_local": "ትግርኛ",
    },
}

# Where Django's own name for a language is not the one its readers use.
LOCAL_NAMES = {
    "ar": "العربية",
    "sv": "Svenska",
}


def install():
    for code, info in EXTRA_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)
    for code, name in LOCAL_NAMES.items():
        if code in LANG_INFO:
            LANG_INFO[code] = {**LANG_INFO[code], "name_local": name}
