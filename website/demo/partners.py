"""Demo partners: the Skåne forum, its organisations, contacts and coordinators.

The organisations are real public bodies and associations in Skåne. What is said
about them is general, their organisation numbers are left empty and their own
contact details blank: we must not publish wrong facts about real organisations.
Every person is fictional, with an address on the reserved .example domain and a
phone number in the ranges that PTS keeps free for fiction (040-628 04 xx and
070-174 06 05–99).
"""

from datetime import date, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify

from core.geography.models import County, Municipality, SubRegion
from forum.models import (
    Coordinator,
    Forum,
    Level,
    LevelChange,
    Participation,
    ParticipationApplication,
)
from partners.models import Agreement, ContactPerson, Membership, Organisation
from website.demo.people import DEMO_PASSWORD, create_people

SKANE = "12"
CONVENER = "anna.lindqvist@lansstyrelsen-skane.example"
COORDINATOR = "omar.haddad@lansstyrelsen-skane.example"
SENSUS_MEMBER = "karin.berg@sensus.example"

FORUM = {
    "slug": "tia-skane",
    "name": "Regionalt samverkansforum TIA Skåne",
    "description": (
        "Forumet samlar myndigheter, kommuner, Region Skåne och idéburna "
        "organisationer som arbetar med tidiga insatser för asylsökande i Skåne. "
        "Här planerar vi aktiviteterna tillsammans, samråder om länets "
        "prioriteringar och följer upp vad insatserna ger."
    ),
}

ALL = None  # serves the whole county: every sub-region, no single municipality
K = Organisation.Kind
INFO, SAMRAD, DIALOG, PARTNER = (
    Level.INFORMATION,
    Level.SAMRAD,
    Level.DIALOG,
    Level.PARTNERSKAP,
)

# (slug, name, kind, level in the forum or None, website, municipalities, text)
ORGANISATIONS = [
    (
        "lansstyrelsen-skane",
        "Länsstyrelsen Skåne",
        K.AUTHORITY,
        PARTNER,
        "https://www.lansstyrelsen.se/skane",
        ALL,
        "Statens företrädare i länet. Samordnar tidiga insatser för asylsökande "
        "i Skåne, sammankallar forumet och beslutar om statsbidrag.",
    ),
    (
        "migrationsverket",
        "Migrationsverket",
        K.AUTHORITY,
        PARTNER,
        "https://www.migrationsverket.se",
        ALL,
        "Prövar ansökningar om asyl och ansvarar för boende och ersättning under "
        "väntetiden. Berättar för de asylsökande om aktiviteterna i länet.",
    ),
    (
        "arbetsformedlingen",
        "Arbetsförmedlingen",
        K.AUTHORITY,
        PARTNER,
        "https://arbetsformedlingen.se",
        ALL,
        "Stöttar den som fått uppehållstillstånd på vägen mot arbete och studier. "
        "Bidrar med kunskap om den skånska arbetsmarknaden.",
    ),
    (
        "region-skane",
        "Region Skåne",
        K.REGION,
        PARTNER,
        "https://www.skane.se",
        ALL,
        "Ansvarar för hälso- och sjukvården och den regionala utvecklingen. "
        "Bidrar i forumet med kunskap om hälsa och om hur vården fungerar.",
    ),
    (
        "malmo-stad",
        "Malmö stad",
        K.MUNICIPALITY,
        PARTNER,
        "https://malmo.se",
        ["Malmö"],
        "Länets största kommun. Samordnar stadens arbete med nyanlända och "
        "samverkar med föreningslivet i Malmö.",
    ),
    (
        "helsingborgs-stad",
        "Helsingborgs stad",
        K.MUNICIPALITY,
        DIALOG,
        "https://helsingborg.se",
        ["Helsingborg"],
        "Deltar i dialogen om tidiga insatser i nordvästra Skåne och delar "
        "kommunens erfarenheter av mottagandet.",
    ),
    (
        "lunds-kommun",
        "Lunds kommun",
        K.MUNICIPALITY,
        DIALOG,
        "https://lund.se",
        ["Lund"],
        "Arbetar för samverkan mellan kommunen, studieförbunden och de ideella "
        "föreningarna i Lund.",
    ),
    (
        "kristianstads-kommun",
        "Kristianstads kommun",
        K.MUNICIPALITY,
        SAMRAD,
        "https://www.kristianstad.se",
        ["Kristianstad"],
        "Den största kommunen i nordöstra Skåne. Lämnar synpunkter i länets "
        "samråd om aktiviteter och mottagande.",
    ),
    (
        "trelleborgs-kommun",
        "Trelleborgs kommun",
        K.MUNICIPALITY,
        SAMRAD,
        "https://www.trelleborg.se",
        ["Trelleborg"],
        "Kommun i södra Skåne som svarar på samråd om insatserna i delregionen.",
    ),
    (
        "landskrona-stad",
        "Landskrona stad",
        K.MUNICIPALITY,
        INFO,
        "https://www.landskrona.se",
        ["Landskrona"],
        "Tar del av forumets information och sprider den till kommunens "
        "verksamheter för nyanlända.",
    ),
    (
        "ystads-kommun",
        "Ystads kommun",
        K.MUNICIPALITY,
        None,
        "https://www.ystad.se",
        ["Ystad"],
        "Kommun i södra Skåne med verksamhet för nyanlända.",
    ),
    (
        "sensus",
        "Studieförbundet Sensus",
        K.STUDY_ASSOCIATION,
        DIALOG,
        "https://www.sensus.se",
        ALL,
        "Studieförbund som ordnar studiecirklar i svenska och om samhället, ofta "
        "tillsammans med föreningar och trossamfund.",
    ),
    (
        "abf-skane",
        "ABF Skåne",
        K.STUDY_ASSOCIATION,
        DIALOG,
        "https://www.abf.se",
        ALL,
        "Arbetarnas bildningsförbund i Skåne. Ordnar språkcaféer, studiecirklar "
        "och kurser om arbetslivet i Sverige.",
    ),
    (
        "bilda-syd",
        "Bilda Syd",
        K.STUDY_ASSOCIATION,
        DIALOG,
        "https://www.bilda.nu",
        ["Malmö", "Lund", "Helsingborg"],
        "Studieförbund med kristen grund. Ordnar samtalsgrupper och svenska i "
        "samarbete med församlingar.",
    ),
    (
        "studieframjandet",
        "Studiefrämjandet",
        K.STUDY_ASSOCIATION,
        SAMRAD,
        "https://www.studieframjandet.se",
        ["Malmö", "Helsingborg", "Kristianstad"],
        "Studieförbund för natur, kultur och friluftsliv. Övar svenska i "
        "vardagen genom gemensamma aktiviteter utomhus.",
    ),
    (
        "vuxenskolan",
        "Studieförbundet Vuxenskolan",
        K.STUDY_ASSOCIATION,
        SAMRAD,
        "https://www.sv.se",
        ALL,
        "Studieförbund med verksamhet i många skånska kommuner, även på "
        "landsbygden. Ordnar studiecirklar i svenska och samhällskunskap.",
    ),
    (
        "folkuniversitetet",
        "Folkuniversitetet",
        K.STUDY_ASSOCIATION,
        SAMRAD,
        "https://www.folkuniversitetet.se",
        ["Malmö", "Lund", "Helsingborg", "Kristianstad"],
        "Studieförbund med kurser i svenska och förberedelser för studier och arbete.",
    ),
    (
        "rf-sisu-skane",
        "RF-SISU Skåne",
        K.STUDY_ASSOCIATION,
        SAMRAD,
        "",
        ALL,
        "Idrottsrörelsens utvecklings- och utbildningsorganisation i Skåne. "
        "Hjälper idrottsföreningar att välkomna asylsökande som vill träna.",
    ),
    (
        "rodakorset",
        "Röda Korset",
        K.NON_PROFIT,
        INFO,
        "https://www.rodakorset.se",
        ALL,
        "Humanitär organisation med lokala kretsar i hela Skåne. Volontärer "
        "håller språkcaféer och ger stöd till människor på flykt.",
    ),
    (
        "raddabarnen",
        "Rädda Barnen",
        K.NON_PROFIT,
        DIALOG,
        "https://www.raddabarnen.se",
        ["Malmö", "Lund", "Helsingborg"],
        "Barnrättsorganisation som arbetar för barn och familjer på flykt. "
        "Bidrar med kunskap om barns rättigheter och stöd till föräldrar.",
    ),
    (
        "malmo-ideella",
        "Malmö Ideella",
        K.NON_PROFIT,
        SAMRAD,
        "",
        ["Malmö"],
        "Paraplyorganisation för föreningslivet i Malmö. Samlar föreningarnas "
        "synpunkter inför samråd med staden och myndigheterna.",
    ),
    (
        "manniskohjalp",
        "Individuell Människohjälp",
        K.NON_PROFIT,
        INFO,
        "",
        ["Lund", "Malmö"],
        "Biståndsorganisation med verksamhet i Sverige och andra länder. Driver "
        "mötesplatser där nya och etablerade skåningar övar svenska tillsammans.",
    ),
    (
        "svenska-kyrkan-lund",
        "Svenska kyrkan Lund",
        K.FAITH_COMMUNITY,
        INFO,
        "",
        ["Lund"],
        "Församlingarna i Lund öppnar sina lokaler för språkcaféer och "
        "samtalsgrupper och samarbetar med studieförbunden.",
    ),
    (
        "glimakra-folkhogskola",
        "Glimåkra folkhögskola",
        K.FOLK_HIGH_SCHOOL,
        INFO,
        "",
        ["Östra Göinge"],
        "Folkhögskola i Östra Göinge. Följer forumets information inför "
        "planeringen av korta kurser.",
    ),
    (
        "onnestads-folkhogskola",
        "Önnestads folkhögskola",
        K.FOLK_HIGH_SCHOOL,
        INFO,
        "",
        ["Kristianstad"],
        "Folkhögskola i Kristianstads kommun. Följer forumets kalender och "
        "nyheter om kommande utlysningar.",
    ),
]

JOIN_NOTES = {
    INFO: "Anslöt för att få forumets nyheter och kalender.",
    SAMRAD: "Anslöt för att kunna svara på länets samråd.",
    DIALOG: "Anslöt på dialognivå efter forumets första nätverksmöte.",
    PARTNER: "Part i forumet från starten.",
}
JOIN_DAYS_AGO = {INFO: 200, SAMRAD: 320, DIALOG: 430, PARTNER: 560}

# Organisations whose level was raised later: slug -> (first level, note)
RAISED = {
    "bilda-syd": (
        SAMRAD,
        "Höjd till Dialog: Bilda Syd vill vara med och forma dagordningen.",
    ),
    "malmo-ideella": (
        INFO,
        "Höjd till Samråd på föreningens begäran inför samrådet om "
        "handlingsplanen 2026.",
    ),
}
RAISED_DAYS_AGO = 45

R, LO = ContactPerson.Scope.REGIONAL, ContactPerson.Scope.LOCAL
PUB, MEM = ContactPerson.Visibility.PUBLIC, ContactPerson.Visibility.MEMBERS

# slug -> [(name, role, scope, visibility)]
CONTACTS = {
    "lansstyrelsen-skane": [
        ("Maria Lundgren", "Handläggare, tidiga insatser", R, PUB),
        ("Ahmad Rahimi", "Handläggare, statsbidrag", R, MEM),
    ],
    "migrationsverket": [("Peter Sandberg", "Samverkansansvarig", R, PUB)],
    "arbetsformedlingen": [("Linda Håkansson", "Samverkansansvarig", R, PUB)],
    "region-skane": [
        ("Sofia Mårtensson", "Utvecklingsledare, hälsa för nyanlända", R, PUB),
        ("Yusuf Abdi", "Hälsokommunikatör", R, MEM),
    ],
    "malmo-stad": [
        ("Johan Persson", "Samordnare för nyanlända", LO, PUB),
        ("Leila Nasser", "Utvecklingssekreterare", LO, MEM),
    ],
    "helsingborgs-stad": [("Emma Svensson", "Integrationsstrateg", LO, PUB)],
    "lunds-kommun": [("Daniel Olsson", "Integrationssamordnare", LO, PUB)],
    "kristianstads-kommun": [
        ("Fatima Ali", "Integrationssamordnare", LO, PUB),
        ("Mikael Andersson", "Enhetschef, mottagning", LO, MEM),
    ],
    "trelleborgs-kommun": [
        ("Helena Nyberg", "Samordnare, arbete och integration", LO, PUB)
    ],
    "landskrona-stad": [("Tobias Ek", "Integrationssamordnare", LO, MEM)],
    "ystads-kommun": [("Camilla Ljung", "Verksamhetsutvecklare", LO, MEM)],
    "sensus": [
        ("Erik Nilsson", "Verksamhetsutvecklare, etablering", R, PUB),
        ("Noor Hussein", "Cirkelledare, svenska", LO, MEM),
    ],
    "abf-skane": [
        ("Zeynep Demir", "Verksamhetsutvecklare", R, PUB),
        ("Anders Jönsson", "Kursansvarig, Malmö", LO, MEM),
    ],
    "bilda-syd": [("Rebecka Lind", "Verksamhetsutvecklare", R, PUB)],
    "studieframjandet": [("Oskar Wallin", "Verksamhetsutvecklare", R, PUB)],
    "vuxenskolan": [
        ("Ingrid Bengtsson", "Verksamhetsutvecklare", R, PUB),
        ("Samir Khalil", "Cirkelledare, Kristianstad", LO, MEM),
    ],
    "folkuniversitetet": [("Hanna Ström", "Kursansvarig, svenska", LO, PUB)],
    "rf-sisu-skane": [("Marcus Lindberg", "Idrottskonsulent", R, PUB)],
    "rodakorset": [
        ("Eva Gustafsson", "Regional samordnare, migration", R, PUB),
        ("Abdullahi Mohamed", "Volontärsamordnare, Malmö", LO, MEM),
    ],
    "raddabarnen": [("Jenny Åberg", "Verksamhetsutvecklare, barn på flykt", R, PUB)],
    "malmo-ideella": [("Goran Petrović", "Verksamhetsledare", LO, PUB)],
    "manniskohjalp": [("Amira Said", "Samordnare, mötesplatser", LO, PUB)],
    "svenska-kyrkan-lund": [
        ("Karl Holmberg", "Diakon", LO, PUB),
        ("Tigist Haile", "Samordnare, språkcafé", LO, MEM),
    ],
    "glimakra-folkhogskola": [("Lena Fransson", "Kursansvarig", LO, PUB)],
    "onnestads-folkhogskola": [("Niklas Berglund", "Lärare, svenska", LO, MEM)],
}

ADMIN, MEMBER = Membership.Role.ADMIN, Membership.Role.MEMBER

# Demo logins: (email, first name, last name, organisation, role, what they show)
PARTNER_PEOPLE = [
    (
        "sara.holm@rodakorset.example",
        "Sara",
        "Holm",
        "rodakorset",
        MEMBER,
        "forumnivå 1 Information (Röda Korset)",
    ),
    (
        "amina.warsame@vuxenskolan.example",
        "Amina",
        "Warsame",
        "vuxenskolan",
        MEMBER,
        "forumnivå 2 Samråd (Studieförbundet Vuxenskolan)",
    ),
    (
        "nadia.karimi@abf-skane.example",
        "Nadia",
        "Karimi",
        "abf-skane",
        MEMBER,
        "forumnivå 3 Dialog (ABF Skåne)",
    ),
    (
        "elin.sjoberg@malmo-stad.example",
        "Elin",
        "Sjöberg",
        "malmo-stad",
        MEMBER,
        "forumnivå 4 Partnerskap (Malmö stad)",
    ),
    (
        "hassan.ahmadi@sensus.example",
        "Hassan",
        "Ahmadi",
        "sensus",
        ADMIN,
        "organisationsadministratör, Studieförbundet Sensus (Dialog)",
    ),
    (
        "lars.mattsson@ystads-kommun.example",
        "Lars",
        "Mattsson",
        "ystads-kommun",
        ADMIN,
        "administratör för Ystads kommun, som har ansökt om att delta",
    ),
]
LEVEL_LOGINS = {
    INFO: "sara.holm@rodakorset.example",
    SAMRAD: "amina.warsame@vuxenskolan.example",
    DIALOG: "nadia.karimi@abf-skane.example",
    PARTNER: "elin.sjoberg@malmo-stad.example",
}
# Existing demo people (people.py) and the organisation they belong to.
EXISTING_MEMBERS = [
    (CONVENER, "lansstyrelsen-skane", ADMIN),
    (COORDINATOR, "lansstyrelsen-skane", MEMBER),
    (SENSUS_MEMBER, "sensus", MEMBER),
]

# (sub-region, name, employer, email or None for name@employer.example)
COORDINATORS = [
    ("Malmö", "Jamal Mansour", "malmo-stad", None),
    ("Mellersta Skåne", "Annika Strand", "lunds-kommun", None),
    ("Nordvästra Skåne", "Omar Haddad", "lansstyrelsen-skane", COORDINATOR),
    ("Nordöstra Skåne", "Mirela Kovač", "kristianstads-kommun", None),
    ("Södra Skåne", "Patrik Löfgren", "trelleborgs-kommun", None),
]

AGREEMENT_TASKS = {
    "region-skane": (
        "Region Skåne ansvarar för hälsoinslagen i forumets aktiviteter och "
        "samordnar tolkstödet vid länets hälsoträffar."
    ),
    "malmo-stad": (
        "Malmö stad leder nätverksmötena i delregionen Malmö och sammanställer "
        "stadens behovsanalys till länets lägesbild."
    ),
}


def demo_email(name, slug):
    """'Åsa Öberg', 'sensus' -> 'asa.oberg@sensus.example'."""
    return ".".join(slugify(part) for part in name.split()) + f"@{slug}.example"


def contact_phone(number):
    return f"040-628 04 {number:02d}"


def coordinator_phone(number):
    return f"070-174 06 {10 + number:02d}"


def create_partners():
    """Create the forum and its partners; return (forum, [(user, role)])."""
    people = {user.email: user for user, _ in create_people()}
    forum = create_forum(people[CONVENER])
    orgs = {slug: create_organisation(slug, *rest) for slug, *rest in ORGANISATIONS}
    for slug, _name, _kind, level, *_ in ORGANISATIONS:
        if level:
            join_forum(forum, orgs[slug], level, people[CONVENER])
    create_contacts(orgs)
    logins = create_logins(orgs)
    for email, slug, role in EXISTING_MEMBERS:
        add_member(people[email], orgs[slug], role)
    create_coordinators(orgs, people)
    create_agreements(forum, orgs)
    create_open_requests(forum, orgs, logins)
    return forum, logins


def create_open_requests(forum, orgs, logins):
    """Things waiting for a decision, so conveners and admins see their queues."""
    ystad = orgs["ystads-kommun"]
    applicant = next(u for u, _ in logins if u.email.endswith("ystads-kommun.example"))
    if not ParticipationApplication.objects.filter(organisation=ystad).exists():
        ParticipationApplication.objects.create(
            organisation=ystad,
            forum=forum,
            requested_level=Level.SAMRAD,
            motivation=(
                "Ystads kommun har ett nytt anläggningsboende och vill lämna "
                "synpunkter på länets plan för tidiga insatser i södra Skåne."
            ),
            applicant=applicant,
        )
    newcomer = demo_user("johan.ek@sensus.example", "Johan", "Ek")
    Membership.objects.get_or_create(
        user=newcomer,
        organisation=orgs["sensus"],
        defaults={"status": Membership.Status.PENDING},
    )


def create_forum(convener):
    forum, _ = Forum.objects.update_or_create(
        slug=FORUM["slug"],
        defaults={
            "name": FORUM["name"],
            "description": FORUM["description"],
            "county": County.objects.get(code=SKANE),
            "subregion": None,
        },
    )
    forum.conveners.add(convener)
    return forum


def create_organisation(slug, name, kind, _level, website, places, description):
    org, _ = Organisation.objects.update_or_create(
        slug=slug,
        defaults={
            "name": name,
            "kind": kind,
            "website": website,
            "description": description,
            "organisation_number": None,
        },
    )
    if places is ALL:
        org.municipalities.clear()
        org.subregions.set(SubRegion.objects.filter(county__code=SKANE))
    else:
        municipalities = Municipality.objects.filter(
            county__code=SKANE, name__in=places
        )
        assert len(municipalities) == len(places), places
        org.municipalities.set(municipalities)
        org.subregions.set({m.subregion for m in municipalities})
    return org


def join_forum(forum, org, level, convener):
    """Add the participation, with its log, only if it does not exist yet."""
    if Participation.objects.filter(forum=forum, organisation=org).exists():
        return
    first, raise_note = RAISED.get(org.slug, (level, ""))
    days = JOIN_DAYS_AGO[first]
    participation = Participation(
        forum=forum,
        organisation=org,
        level=first,
        since=timezone.localdate() - timedelta(days=days),
    )
    participation.save(changed_by=convener, note=JOIN_NOTES[first])
    backdate(participation, first, days)
    if first != level:
        participation.level = level
        participation.save(changed_by=convener, note=raise_note)
        backdate(participation, level, RAISED_DAYS_AGO)


def backdate(participation, to_level, days):
    """Give a fresh log entry a believable date in the past."""
    LevelChange.objects.filter(
        forum=participation.forum,
        organisation=participation.organisation,
        to_level=to_level,
    ).update(changed_at=timezone.now() - timedelta(days=days))


def create_contacts(orgs):
    number = 0
    for slug, contacts in CONTACTS.items():
        for name, role, scope, visibility in contacts:
            ContactPerson.objects.update_or_create(
                organisation=orgs[slug],
                email=demo_email(name, slug),
                defaults={
                    "name": name,
                    "role": role,
                    "scope": scope,
                    "visibility": visibility,
                    "phone": contact_phone(number),
                },
            )
            number += 1


def create_logins(orgs):
    logins = []
    for email, first, last, slug, role, description in PARTNER_PEOPLE:
        user = demo_user(email, first, last)
        add_member(user, orgs[slug], role)
        logins.append((user, description))
    return logins


def demo_user(email, first, last):
    """A non-staff demo login with a verified address, as in people.py."""
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def add_member(user, org, role):
    Membership.objects.update_or_create(
        user=user,
        organisation=org,
        defaults={"role": role, "status": Membership.Status.ACTIVE},
    )


def create_coordinators(orgs, people):
    for number, (region, name, slug, email) in enumerate(COORDINATORS):
        Coordinator.objects.update_or_create(
            email=email or demo_email(name, slug),
            defaults={
                "name": name,
                "organisation": orgs[slug],
                "subregion": SubRegion.objects.get(county__code=SKANE, name=region),
                "phone": coordinator_phone(number),
                "user": people.get(email),
            },
        )


def agreement(today):
    """This calendar year's agreement: in force whenever the demo is seeded."""
    return {
        "title": f"Överenskommelse om tidiga insatser {today.year}",
        "valid_from": date(today.year, 1, 1),
        "valid_until": date(today.year, 12, 31),
    }


def create_agreements(forum, orgs):
    fields = agreement(timezone.localdate())
    for slug, tasks in AGREEMENT_TASKS.items():
        Agreement.objects.update_or_create(
            forum=forum,
            organisation=orgs[slug],
            title=fields["title"],
            defaults={**fields, "delegated_tasks": tasks},
        )


def forum_summary(forum):
    """One line: the forum and how many organisations take part at each level."""
    counts = dict(
        forum.participations.order_by()
        .values("level")
        .annotate(n=Count("pk"))
        .values_list("level", "n")
    )
    levels = ", ".join(f"{level.label} {counts.get(level, 0)}" for level in Level)
    return (
        f"Forum: {forum.name}; {Organisation.objects.count()} organisationer, "
        f"i forumet per nivå: {levels}."
    )
