"""Demo pages: the home page and the guidance pages a county's site starts with."""

from wagtail.models import Page, Site

from website.home.models import ContactSettings, GuidancePage, HomePage


def heading(text):
    return {"type": "heading", "value": {"text": text}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def notice(html):
    return {"type": "notice", "value": {"text": html}}


HOME_INTRO = (
    "Här hittar du gratis aktiviteter för dig som söker asyl eller bor i "
    "Migrationsverkets boende: svenska, samhällsinformation, förberedelse för "
    "arbetslivet och hälsa. Organisationer och myndigheter i Skåne samverkar "
    "här om aktiviteterna."
)

HOME_BODY = [
    heading("Vad är tidiga insatser?"),
    paragraph(
        "<p>Tidiga insatser för asylsökande (TIA) är aktiviteter som gör tiden "
        "i väntan på beslut meningsfull och ger en bra start i Sverige. "
        "Studieförbund, folkhögskolor, ideella föreningar och kommuner ordnar "
        "dem. Länsstyrelsen samordnar arbetet och fördelar statsbidrag.</p>"
        "<p>Aktiviteterna är gratis och riktar sig till vuxna. Många hålls på "
        "flera språk.</p>"
    ),
    heading("För organisationer"),
    paragraph(
        "<p>Är du med i en organisation som ordnar eller vill ordna aktiviteter? "
        "Skapa ett konto och anslut dig till det regionala samverkansforumet. "
        "Där finns kalendern, minnesanteckningar från mötena, samråd och "
        "kontaktuppgifter till de delregionala samordnarna.</p>"
    ),
]

GUIDANCE = [
    {
        "slug": "om-tia",
        "title": "Om tidiga insatser för asylsökande",
        "intro": (
            "Vilka aktiviteterna är till för, vem som ordnar dem "
            "och hur de finansieras."
        ),
        "in_menu": True,
        "body": [
            heading("Vem kan delta?"),
            paragraph(
                "<p>Vuxna som söker asyl, och vuxna som har fått uppehållstillstånd "
                "men fortfarande bor i Migrationsverkets boende i väntan på att "
                "flytta till en kommun. Aktiviteterna är kostnadsfria.</p>"
            ),
            heading("Vilka aktiviteter finns?"),
            paragraph(
                "<ul><li>Svenska språket</li><li>Samhällsinformation: hur Sverige "
                "fungerar, rättigheter och skyldigheter</li><li>Förberedelse för "
                "arbetslivet</li><li>Hälsa, både fysisk och psykisk</li></ul>"
            ),
            heading("Resor till aktiviteterna"),
            paragraph(
                "<p>Den som har ett deltagarintyg från arrangören kan i vissa fall "
                "få ersättning från Migrationsverket för resor till aktiviteten, "
                "om resan är minst två kilometer och går mellan kommuner som "
                "Migrationsverket har godkänt.</p>"
            ),
            heading("Länsstyrelsens roll"),
            paragraph(
                "<p>Länsstyrelsen samordnar aktiviteterna i länet, verkar för att "
                "de finns i hela länet och når både kvinnor och män, stödjer "
                "arrangörerna och beslutar om statsbidrag.</p>"
            ),
        ],
    },
    {
        "slug": "for-organisationer",
        "title": "För organisationer",
        "intro": (
            "Så ansluter din organisation till samverkansforumet "
            "och publicerar aktiviteter."
        ),
        "in_menu": True,
        "body": [
            heading("Fyra nivåer av samverkan"),
            paragraph(
                "<p>Forumet följer Europarådets kod för medborgerligt deltagande. "
                "Varje organisation deltar på en av fyra nivåer:</p>"
                "<ol><li><strong>Information</strong>: nyheter, kalender och "
                "publicerade minnesanteckningar.</li><li><strong>Samråd</strong>: "
                "lämna synpunkter på förslag och få återkoppling.</li>"
                "<li><strong>Dialog</strong>: diskussionstrådar och förslag till "
                "dagordningen.</li><li><strong>Partnerskap</strong>: delegerade "
                "uppdrag och gemensamma beslut.</li></ol>"
            ),
            heading("Så kommer ni igång"),
            paragraph(
                "<ol><li>Skapa ett konto med din e-postadress i arbetet och "
                "bekräfta adressen.</li><li>Registrera organisationen eller be "
                "att få ansluta till en som redan finns.</li><li>Ansök om att "
                "delta i forumet på den nivå som passar er.</li></ol>"
            ),
        ],
    },
    {
        "slug": "kontakt",
        "title": "Kontakt",
        "intro": "Frågor om aktiviteter, statsbidrag eller samverkansforumet.",
        "in_menu": True,
        "body": [
            paragraph(
                "<p>Frågor om en viss aktivitet besvaras av arrangören: "
                "kontaktuppgifterna står på aktivitetens sida.</p>"
                "<p>Frågor om samordningen i länet, statsbidrag och forumet: "
                "skriv till länsstyrelsen på "
                '<a href="mailto:tia@lansstyrelsen-skane.example">'
                "tia@lansstyrelsen-skane.example</a> eller ring växeln.</p>"
            ),
            notice(
                "<p>Skicka inga personuppgifter om asylsökande till oss. "
                "Plattformen lagrar aldrig uppgifter om deltagare.</p>"
            ),
        ],
    },
    {
        "slug": "tillganglighet",
        "title": "Tillgänglighetsredogörelse",
        "intro": "Hur tillgänglig webbplatsen är och hur du meddelar brister.",
        "in_menu": False,
        "body": [
            paragraph(
                "<p>Länsstyrelsen står bakom webbplatsen och vill att så många "
                "som möjligt ska kunna använda den. Webbplatsen ska uppfylla "
                "WCAG 2.1 nivå AA enligt lagen om tillgänglighet till digital "
                "offentlig service.</p>"
            ),
            heading("Om du inte kan använda delar av webbplatsen"),
            paragraph(
                "<p>Kontakta oss om du behöver innehåll i ett annat format eller "
                "upptäcker en brist, så försöker vi åtgärda den.</p>"
            ),
            heading("Tillsyn"),
            paragraph(
                "<p>Myndigheten för digital förvaltning (Digg) har tillsyn över "
                "lagen. Är du inte nöjd med hur vi hanterar dina synpunkter kan "
                "du kontakta Digg.</p>"
            ),
        ],
    },
    {
        "slug": "personuppgifter",
        "title": "Personuppgifter och kakor",
        "intro": "Vilka uppgifter plattformen sparar och varför.",
        "in_menu": False,
        "body": [
            paragraph(
                "<p>Plattformen sparar uppgifter om organisationer och deras "
                "kontaktpersoner, aldrig om asylsökande. Uppföljning av "
                "deltagande sker bara i antal, fördelat på kön och åldersgrupp.</p>"
            ),
            heading("Kakor"),
            paragraph(
                "<p>Vi använder bara kakor som behövs för att du ska kunna logga "
                "in och för att skydda formulär. Inga kakor för statistik eller "
                "annonser.</p>"
            ),
        ],
    },
]


def create_pages():
    """Fill the home page and create the guidance pages; keeps editors' changes."""
    home = HomePage.objects.first()
    if home is None:  # the migration creates it; a flushed database may not have it
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Startsida", slug="home"))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": home},
        )
    if not home.body:
        home.title = "Tidiga insatser för asylsökande i Skåne"
        home.intro = HOME_INTRO
        home.body = HOME_BODY
        home.save_revision().publish()

    pages = {}
    for spec in GUIDANCE:
        page = GuidancePage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            page = GuidancePage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                body=spec["body"],
                show_in_menus=spec["in_menu"],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        pages[spec["slug"]] = page

    site = Site.objects.get(is_default_site=True)
    contact = ContactSettings.for_site(site)
    contact.organisation = contact.organisation or "Länsstyrelsen Skåne"
    contact.email = contact.email or "tia@lansstyrelsen-skane.example"
    contact.phone = contact.phone or "010-224 10 00"
    contact.address = contact.address or "Länsstyrelsen Skåne\n205 15 Malmö"
    contact.contact_page = contact.contact_page or pages["kontakt"]
    contact.accessibility_page = contact.accessibility_page or pages["tillganglighet"]
    contact.privacy_page = contact.privacy_page or pages["personuppgifter"]
    contact.save()
    return home, pages
