"""Write the header of a catalogue: who translated it and whether a native
speaker has reviewed it (tests/test_translations.py reads these fields).

    python scripts/po_header.py ar "Arabiska" "TIA platform team (draft)" no
"""

import re
import sys
from datetime import datetime
from pathlib import Path

PLURALS = {
    "en": "nplurals=2; plural=(n != 1);",
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && "
    "n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5;",
    "fa": "nplurals=2; plural=(n > 1);",
    "prs": "nplurals=2; plural=(n > 1);",
    "so": "nplurals=2; plural=(n != 1);",
    "ti": "nplurals=2; plural=(n > 1);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 "
    "&& (n%100<10 || n%100>=20) ? 1 : 2);",
}


def main(code, team, translator, reviewed):
    path = Path("locale") / code / "LC_MESSAGES" / "django.po"
    text = path.read_text()
    body = text[text.index("\n\n") + 2 :]
    draft = "no (draft, not yet reviewed by a native speaker)"
    review = "yes" if reviewed == "yes" else draft
    now = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M%z")
    creation = re.search(r'"POT-Creation-Date: ([^\\]*)\\n"', text)
    header = f"""# {team} translation of the TIA samverkansplattform interface.
# Source strings are Swedish; `make translations` collects new ones.
# Translated by: {translator}
# Reviewed by a native speaker: {review}
msgid ""
msgstr ""
"Project-Id-Version: tia-samverkan\\n"
"Report-Msgid-Bugs-To: \\n"
"POT-Creation-Date: {creation.group(1) if creation else now}\\n"
"PO-Revision-Date: {now}\\n"
"Last-Translator: {translator}\\n"
"Language-Team: {team}\\n"
"Language: {code}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: {PLURALS[code]}\\n"
"X-Translated-By: {translator}\\n"
"X-Native-Speaker-Review: {review}\\n"
"""
    path.write_text(header + "\n" + body)


if __name__ == "__main__":
    main(*sys.argv[1:5])
