"""Demo activity directory: the directory page, activities and travel routes.

The organisers are the demo organisations from partners.py; what they are said to
run here is invented. Venues have generic names and generic street addresses
("Storgatan 12"), never the real address of a real institution, and coordinates
are only roughly in the right town. Dates are counted from today, so a fresh
demo always has activities running now, some coming up and some that have ended.

Everything is matched on a natural key (activity slug, municipality pair) and
only created when missing: running the seed again creates nothing new and keeps
what demo users changed (approved, ended, edited).
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import slugify

from core.geography.models import Municipality
from directory.models import Activity, DirectoryPage, Language, TravelRoute
from partners.models import ContactPerson, Membership, Organisation
from website.home.models import HomePage

SKANE = "12"

DIRECTORY = {
    "title": "Hitta aktiviteter",
    "slug": "aktiviteter",
    "intro": (
        "Här hittar du gratis aktiviteter i hela Skåne för dig som söker asyl – "
        "svenska, samhällsinformation, arbetsliv, hälsa och mötesplatser – och "
        "ser var, när och på vilket språk de hålls."
    ),
}

C = Activity.Category
SV, SOC, ARB, HAL, DEL = (
    C.SWEDISH,
    C.SOCIETY,
    C.LABOUR_MARKET,
    C.HEALTH,
    C.SOCIAL,
)
WOMEN, MEN = Activity.TargetGroup.WOMEN, Activity.TargetGroup.MEN
YOUNG, SENIORS, FAMILIES = (
    Activity.AgeBand.YOUNG_ADULTS,
    Activity.AgeBand.SENIORS,
    Activity.AgeBand.FAMILIES,
)
ONLINE, HYBRID = Activity.Mode.ONLINE, Activity.Mode.HYBRID
REG, CONTACT = Activity.JoinMethod.REGISTRATION, Activity.JoinMethod.CONTACT
TIA, FB, OTHER = (
    Activity.Funding.TIA_GRANT,
    Activity.Funding.FOLKBILDNING,
    Activity.Funding.OTHER,
)
DRAFT, SUBMITTED, ENDED = (
    Activity.Status.DRAFT,
    Activity.Status.SUBMITTED,
    Activity.Status.ENDED,
)
PUBLISHED = Activity.Status.PUBLISHED

# Roughly the centre of the larger towns; activities there get a point near it.
TOWN_CENTRES = {
    "Malmö": (55.6050, 13.0038),
    "Lund": (55.7047, 13.1910),
    "Helsingborg": (56.0465, 12.6945),
    "Kristianstad": (56.0294, 14.1567),
    "Landskrona": (55.8708, 12.8302),
    "Trelleborg": (55.3751, 13.1569),
    "Ystad": (55.4295, 13.8204),
    "Hässleholm": (56.1589, 13.7668),
    "Eslöv": (55.8392, 13.3034),
    "Ängelholm": (56.2428, 12.8622),
    "Höör": (55.9371, 13.5418),
    "Simrishamn": (55.5565, 14.3502),
}

ACCESSIBILITY = [
    "Entré utan trappsteg och tillgänglig toalett. Hörslinga finns.",
    "Lokalen ligger på bottenplan. Säg gärna till i förväg om du behöver hjälp.",
    "Hiss till andra våningen. Barnvagnar kan ställas i entrén.",
    "Ramp vid sidoentrén. Tillgänglig toalett finns i huset.",
]

LANGUAGES_SUPPORTED_BY_INTERPRETERS = "ar fa prs so ti"


def act(municipality, org, category, title, summary, text, points, **options):
    """One activity as data; ``options`` holds everything that is not default.

    when: weekday(s) for a weekly rule ("TU", "MO,WE") or, for a one-off event,
    the number of days from today (negative: already held).
    """
    return {
        "municipality": municipality,
        "org": org,
        "category": category,
        "title": title,
        "summary": summary,
        "text": text,
        "points": points,
        **options,
    }


# fmt: off
ACTIVITIES = [
    # --- Malmö -----------------------------------------------------------
    act(
        "Malmö", "abf-skane", SV,
        "Svenska för nybörjare – kvällskurs",
        "Lär dig grunderna i svenska två kvällar i veckan i en liten grupp. "
        "Ingen förkunskap behövs.",
        "Vi börjar från början med alfabetet, uttal och ord du behöver i "
        "vardagen. Cirkelledaren pratar långsamt och förklarar med bilder.",
        ["Hälsa och presentera dig", "Siffror, klockan och pengar",
         "Handla, fråga om vägen och boka tid"],
        venue="Folkets hus, studierum 3", address="Norra Parkgatan 8",
        when="MO,WE", time="18:00-20:00", langs="sv", support="ar fa so",
        join=REG, capacity=18, funding=FB,
    ),
    act(
        "Malmö", "rodakorset", SV,
        "Språkcafé på biblioteket",
        "Öva svenska över en kopp kaffe med volontärer. Kom när du vill och "
        "stanna så länge du vill.",
        "Språkcaféet är en avslappnad mötesplats där du pratar svenska i små "
        "grupper. Volontärerna hjälper dig att hitta ord och rättar vänligt.",
        ["Samtal i små grupper efter nivå", "Ordlistor och spel för nybörjare",
         "Fika ingår"],
        venue="Stadsdelsbiblioteket, läsesalongen", address="Bibliotekstorget 2",
        when="TH", time="15:00-17:00", langs="sv", support="ar ti so uk",
    ),
    act(
        "Malmö", "region-skane", SOC,
        "Samhällsinformation: hälso- och sjukvården i Sverige",
        "Hur fungerar vårdcentralen, 1177 och akuten? En träff på arabiska med "
        "tid för frågor.",
        "Region Skånes hälsokommunikatörer berättar hur du får vård under "
        "asyltiden, vad det kostar och var du vänder dig när det är bråttom. "
        "Du kan delta på plats eller följa träffen digitalt.",
        ["Vårdcentral, 1177 och akutmottagning", "Tolk i vården – din rätt",
         "Recept, apotek och avgifter"],
        venue="Mötesplatsen, stora salen", address="Rådmansgatan 14",
        when="TU", time="13:00-15:00", langs="ar", support="sv",
        mode=HYBRID, weeks=8,
    ),
    act(
        "Malmö", "arbetsformedlingen", ARB,
        "Jobbspåret: CV och arbetsmarknad",
        "Skriv ditt första svenska CV och lär dig hur man söker jobb i Skåne. "
        "För dig som har fått uppehållstillstånd.",
        "Under sex träffar går vi igenom hur arbetsmarknaden i Skåne ser ut, "
        "vilka yrken som behöver folk och hur du beskriver din erfarenhet.",
        ["Ditt CV och personliga brev", "Yrken med stor efterfrågan i Skåne",
         "Så går en anställningsintervju till"],
        venue="Kunskapens hus, sal 2", address="Stora Nygatan 31",
        when="WE", time="09:30-12:00", langs="sv", support="ar prs en",
        join=REG, capacity=15, weeks=6,
    ),
    act(
        "Malmö", "malmo-ideella", HAL,
        "Kvinnohälsa – samtalsgrupp",
        "En trygg grupp för kvinnor där vi pratar om kropp, hälsa och "
        "välbefinnande. Barnvakt finns i rummet bredvid.",
        "Gruppen leds av en barnmorska och en samtalsledare. Du bestämmer själv "
        "hur mycket du vill berätta; det som sägs i gruppen stannar där.",
        ["Kvinnors hälsa och rättigheter i vården", "Stress, sömn och oro",
         "Var du får hjälp och stöd"],
        venue="Föreningshuset, rum Linnea", address="Kyrkogatan 5",
        when="TH", time="10:00-12:00", langs="sv", support="ar so ti",
        target=WOMEN, join=CONTACT, capacity=12,
    ),
    act(
        "Malmö", "raddabarnen", DEL,
        "Barnsång för föräldrar och barn",
        "Sjung, rimma och lek på svenska tillsammans med ditt barn. För "
        "föräldrar med barn upp till fem år.",
        "Sångstunden är ett lätt sätt att lära sig svenska ord tillsammans med "
        "barnen. Efteråt fikar vi och föräldrarna kan prata med varandra.",
        ["Sånger och ramsor på svenska", "Sagostund med bilder",
         "Fika och samtal för föräldrarna"],
        venue="Familjecentralen", address="Lekplatsvägen 3",
        when="FR", time="09:30-11:00", langs="sv", support="ar uk",
        age=FAMILIES,
    ),
    act(
        "Malmö", "malmo-stad", HAL,
        "Simskola för kvinnor",
        "Lär dig simma eller bli tryggare i vattnet, med kvinnliga "
        "simlärare och stängd hall.",
        "Simhallen är stängd för andra besökare under passet och alla ledare är "
        "kvinnor. Du kan simma i den badklädsel du själv väljer.",
        ["Vattenvana för dig som aldrig simmat", "Grundläggande simtag",
         "Säkerhet vid hav och sjö"],
        venue="Simhallen, undervisningsbassängen", address="Idrottsvägen 10",
        when="SU", time="16:00-17:30", langs="sv", support="ar so prs",
        target=WOMEN, join=REG, capacity=14,
    ),
    act(
        "Malmö", "migrationsverket", SOC,
        "Informationsträff: asylprocessen steg för steg",
        "Migrationsverket berättar hur en asylansökan prövas och svarar på "
        "allmänna frågor. Tolkar finns på plats.",
        "Träffen ger en översikt över vad som händer från ansökan till beslut. "
        "Frågor om ditt eget ärende tar du med din handläggare.",
        ["Utredning, intervju och beslut", "Ersättning och boende under väntan",
         "Vad ett beslut innebär och hur du överklagar"],
        venue="Medborgarhuset, hörsalen", address="Stationsgatan 4",
        when=10, time="10:00-12:00", langs="sv",
        support=LANGUAGES_SUPPORTED_BY_INTERPRETERS, capacity=80,
    ),
    act(
        "Malmö", "malmo-ideella", DEL,
        "Föreningslivet i Malmö – hitta din förening",
        "Träffa föreningar inom idrott, kultur och frivilligarbete och hör hur "
        "du kan vara med.",
        "Varje vecka presenterar sig ett par föreningar. Du får veta vad de "
        "gör, när de träffas och hur du blir medlem.",
        ["Idrott och friluftsliv", "Kultur, musik och hantverk",
         "Frivilliguppdrag där du övar svenska"],
        venue="Föreningshuset, caféet", address="Kyrkogatan 5",
        when="TU", time="17:00-18:30", langs="sv", support="ar en",
    ),
    act(
        "Malmö", "manniskohjalp", SV,
        "Mötesplats: svenska och fika",
        "Prata svenska med nya och gamla skåningar i en lugn miljö. Alla "
        "nivåer är välkomna.",
        "Vi delar in oss efter hur mycket svenska du kan. Nybörjare övar enkla "
        "fraser och de som kommit längre pratar om nyheter och vardag.",
        ["Samtal om vardag och nyheter", "Uttalsövningar",
         "Hjälp att läsa brev från myndigheter"],
        venue="Mötesplatsen, café", address="Rådmansgatan 14",
        when="WE", time="14:00-16:00", langs="sv", support="ar fa",
        stale=True,
    ),
    act(
        "Malmö", "folkuniversitetet", SV,
        "Svenska steg 2 – grammatik och samtal",
        "För dig som kan grunderna och vill prata mer och skriva bättre. "
        "Förmiddagskurs två dagar i veckan.",
        "Kursen blandar grammatik med samtal kring teman som arbete, boende och "
        "fritid. Du får läxor som tar ungefär en timme i veckan.",
        ["Verb i dåtid och framtid", "Skriva korta texter och mejl",
         "Samtal i par och grupp"],
        venue="Skolan vid torget, sal 12", address="Skolgatan 9",
        when="TU,TH", time="09:30-12:00", langs="sv", support="en uk",
        join=REG, capacity=20, funding=FB,
    ),
    act(
        "Malmö", "bilda-syd", HAL,
        "Samtalsgrupp på dari: att leva i väntan",
        "En samtalsgrupp på dari om hur man orkar med väntan, oro och "
        "ovisshet. Ledaren talar dari och svenska.",
        "I gruppen delar vi erfarenheter och lär oss enkla sätt att hantera "
        "stress och sömnproblem. Gruppen är sluten efter tredje träffen.",
        ["Stress och sömn", "Att hålla kontakten med familjen",
         "Var du får professionell hjälp"],
        venue="Församlingshemmet, lilla salen", address="Kyrkvägen 2",
        when="MO", time="17:00-19:00", langs="prs", support="sv fa",
        join=CONTACT, capacity=10,
    ),
    act(
        "Malmö", "lansstyrelsen-skane", SOC,
        "Samhällsinformation digitalt – på arabiska",
        "Digitala träffar om hur Sverige styrs, dina rättigheter och "
        "skyldigheter. Du deltar från mobilen.",
        "Träffarna hålls på arabiska av en samhällsinformatör. Du får en länk "
        "efter anmälan och kan ställa frågor i chatten.",
        ["Demokrati och hur Sverige styrs", "Jämställdhet och barns rättigheter",
         "Myndigheter och vart du vänder dig"],
        when="TU", time="18:00-19:30", langs="ar", support="sv",
        mode=ONLINE, join=REG, weeks=10,
    ),
    act(
        "Malmö", "lansstyrelsen-skane", SOC,
        "Samhällsinformation digitalt – på dari och persiska",
        "Samma digitala träffar om samhället, på dari och persiska. Delta "
        "hemifrån eller från boendet.",
        "Samhällsinformatören går igenom ett tema per gång och svarar på "
        "frågor. Materialet skickas ut efter varje träff.",
        ["Demokrati och hur Sverige styrs", "Boende, hyra och grannar",
         "Myndigheter och vart du vänder dig"],
        when="TH", time="18:00-19:30", langs="prs fa", support="sv",
        mode=ONLINE, join=REG, weeks=10,
    ),
    act(
        "Malmö", "studieframjandet", DEL,
        "Stadsodling och svenska",
        "Odla grönsaker tillsammans och lär dig svenska ord för växter, mat "
        "och verktyg.",
        "Vi hade en egen odlingslott i stadsdelen där vi sådde, skötte och "
        "skördade tillsammans.",
        ["Så och plantera", "Ord för växter och verktyg", "Skördefest"],
        venue="Odlingslotterna vid parken", address="Parkgatan 15",
        when="SA", time="10:00-12:00", langs="sv", support="ar ti",
        status=ENDED,
    ),
    act(
        "Malmö", "malmo-stad", SOC,
        "Digital vardag: e-post, e-tjänster och säkra lösenord",
        "Lär dig använda e-post och kommunens e-tjänster på ett säkert sätt.",
        "Vi går igenom grunderna steg för steg på datorer som finns på plats.",
        ["Skapa och använda e-post", "Säkra lösenord", "Känna igen bedrägerier"],
        venue="Medborgarhuset, datorsalen", address="Stationsgatan 4",
        when="TH", time="13:00-15:00", langs="sv", support="ar so",
        join=REG, capacity=12, status=DRAFT,
        review_comment=(
            "Bra upplägg! Lägg till länken för anmälan och vilka språk "
            "handledarna talar, så godkänner jag."
        ),
    ),
    act(
        "Malmö", "abf-skane", ARB,
        "Yrkessvenska: bygg och fastighet",
        "Ord och uttryck som används på byggen och i fastighetsskötsel.",
        "Kursen förbereder för praktik och arbete inom bygg och fastighet.",
        ["Verktyg och material", "Säkerhet på arbetsplatsen",
         "Ritningar och mått"],
        venue="Folkets hus, studierum 1", address="Norra Parkgatan 8",
        when="TU,TH", time="13:00-15:30", langs="sv", support="ar ti",
        join=REG, capacity=16, status=DRAFT,
    ),
    act(
        "Malmö", "rodakorset", HAL,
        "Första hjälpen på lätt svenska",
        "Lär dig vad du gör vid en olycka och hur du larmar 112.",
        "En grundkurs i första hjälpen med mycket praktisk övning.",
        ["Larma 112", "Stabilt sidoläge", "Hjärt-lungräddning"],
        venue="Röda Korsets lokal", address="Bygatan 8",
        when=30, time="17:00-20:00", langs="sv", support="ar so ti",
        join=REG, capacity=16, status=DRAFT,
    ),
    # --- Lund ------------------------------------------------------------
    act(
        "Lund", "svenska-kyrkan-lund", SV,
        "Språkcafé i församlingshemmet",
        "Varje tisdag möts vi för att prata svenska, spela spel och fika. "
        "Alla är välkomna oavsett tro.",
        "Volontärer från församlingen och studenter leder samtalen. Det finns "
        "ett hörn för barn med leksaker och böcker.",
        ["Samtalsbord efter nivå", "Läshörna med lättlästa böcker",
         "Fika och lek för barn"],
        venue="Församlingshemmet, stora salen", address="Kyrkogatan 4",
        when="TU", time="17:00-19:00", langs="sv", support="ti am ar",
        exdate=True, funding=OTHER,
    ),
    act(
        "Lund", "manniskohjalp", SV,
        "Läxhjälp och studiestöd",
        "Få hjälp med läxor i svenska, matematik och engelska. För unga vuxna "
        "som studerar eller vill börja studera.",
        "Frivilliga studenter hjälper dig med skoluppgifter, ansökningar och "
        "studieteknik. Du kan komma med egna frågor eller öva tillsammans.",
        ["Svenska och engelska", "Matematik", "Studieteknik och ansökningar"],
        venue="Biblioteket, grupprum 2", address="Bibliotekstorget 2",
        when="MO,TH", time="16:00-18:00", langs="sv", support="en fa ar",
        age=YOUNG,
    ),
    act(
        "Lund", "lunds-kommun", SOC,
        "Samhällsinformation: skola och förskola i Sverige",
        "Hur fungerar förskola, skola och fritidshem? För föräldrar som väntar "
        "på beslut eller ska flytta till en kommun.",
        "Kommunens skolkuratorer berättar om skolans uppdrag, föräldrars roll "
        "och hur man håller kontakt med lärarna. Träffen sänds också digitalt.",
        ["Förskola och skolplikt", "Föräldramöten och utvecklingssamtal",
         "Elevhälsa och modersmålsundervisning"],
        venue="Stadshallen, konferensrum", address="Stortorget 6",
        when=17, time="17:30-19:30", langs="sv", support="ar fa so ti",
        mode=HYBRID, join=REG, capacity=60,
    ),
    act(
        "Lund", "folkuniversitetet", SV,
        "Svenska för akademiker",
        "Snabbare tempo för dig med högskoleutbildning från ditt hemland. "
        "Vi använder engelska som stöd.",
        "Kursen går fort fram och fokuserar på att prata och förstå texter om "
        "arbete och studier. Du får också veta hur du får din examen bedömd.",
        ["Samtal om yrke och utbildning", "Läsa och sammanfatta texter",
         "Validering av utländsk examen"],
        venue="Skolan vid parken, sal 4", address="Parkgatan 11",
        when="WE", time="18:00-20:00", langs="sv", support="en fa uk",
        join=REG, capacity=16, funding=FB,
    ),
    act(
        "Lund", "raddabarnen", SOC,
        "Föräldraskap i ett nytt land",
        "En samtalsserie på arabiska för föräldrar om barns rättigheter, "
        "uppfostran och skola i Sverige.",
        "Föräldrar delar erfarenheter och får kunskap om barns behov efter "
        "flykt. Ledarna är utbildade i Rädda Barnens föräldrastöd.",
        ["Barns rättigheter i Sverige", "Stöd till barn som har varit med om "
         "svåra saker", "Samarbete med skolan"],
        venue="Familjecentralen", address="Lekplatsvägen 3",
        when="WE", time="10:00-12:00", langs="ar", support="sv",
        age=FAMILIES, join=CONTACT, capacity=12, weeks=8,
    ),
    act(
        "Lund", "bilda-syd", HAL,
        "Promenadgrupp",
        "Vi går en timme i lugnt tempo och pratar svenska på vägen. Bra skor "
        "räcker.",
        "Promenaden börjar och slutar vid kyrkan. Vi pratar om det vi ser och "
        "övar ord för natur, väder och staden.",
        ["Rörelse i lugnt tempo", "Svenska ord på vägen",
         "Te och samtal efteråt"],
        venue="Samling vid kyrktrappan", address="Kyrkvägen 1",
        when="FR", time="10:00-11:30", langs="sv", support="ar so",
    ),
    act(
        "Lund", "sensus", SV,
        "Svenska genom musik",
        "Lär dig svenska genom att sjunga och lyssna på svensk musik.",
        "En studiecirkel där vi övar uttal och ord genom sånger från olika tider.",
        ["Uttal och rytm", "Sångtexter som samtalsämne", "Musik från hela världen"],
        venue="Musikhuset, replokal B", address="Ringvägen 21",
        when="MO", time="18:00-20:00", langs="sv", support="fa ar",
        join=REG, capacity=14, funding=FB, status=SUBMITTED,
    ),
    act(
        "Lund", "vuxenskolan", SV,
        "Intensivkurs i svenska",
        "Fyra förmiddagar i veckan med svenska, för dig som vill komma igång "
        "snabbt.",
        "Kursen var en intensiv start med samtal, uttal och vardagsord.",
        ["Vardagssvenska", "Uttal", "Studiebesök i staden"],
        venue="Skolan vid parken, sal 2", address="Parkgatan 11",
        when="MO,TU,WE,TH", time="09:00-12:00", langs="sv", support="ar uk",
        join=REG, capacity=18, status=ENDED,
    ),
    # --- Helsingborg -----------------------------------------------------
    act(
        "Helsingborg", "helsingborgs-stad", SOC,
        "Samhällsorientering: bostad och hyreskontrakt",
        "Fyra träffar om hur du hittar bostad, vad ett hyreskontrakt betyder "
        "och hur man bor i hyreshus.",
        "Kommunens bostadsvägledare förklarar bostadsmarknaden och dina "
        "rättigheter som hyresgäst. Ta gärna med egna frågor.",
        ["Bostadskö och andrahandskontrakt", "Hyra, el och hemförsäkring",
         "Tvättstuga, sopsortering och grannar"],
        venue="Medborgarkontoret, mötesrum", address="Järnvägsgatan 3",
        when="TU", time="13:00-15:00", langs="sv", support="ar ti so",
        weeks=4,
    ),
    act(
        "Helsingborg", "studieframjandet", DEL,
        "Naturpromenader på svenska",
        "Upptäck skogen och stranden runt staden och lär dig svenska ord för "
        "naturen.",
        "Vi går ut oavsett väder och lär oss allemansrätten, att göra upp eld "
        "och vilka bär och svampar man kan plocka.",
        ["Allemansrätten", "Kläder för svenskt väder", "Fika vid elden"],
        venue="Samling vid busshållplatsen vid naturreservatet",
        address="Skogsvägen 1",
        when="SA", time="10:00-13:00", langs="sv", support="ar fa",
    ),
    act(
        "Helsingborg", "bilda-syd", SV,
        "Kvinnocafé – svenska och samtal",
        "En mötesplats för kvinnor där vi övar svenska och pratar om det som "
        "är viktigt i vardagen.",
        "Caféet leds av kvinnliga volontärer. Det finns barnpassning i "
        "rummet intill, så att du kan delta i lugn och ro.",
        ["Samtal om vardag, hälsa och familj", "Ordlistor och högläsning",
         "Barnpassning under träffen"],
        venue="Församlingshemmet, caféet", address="Kyrkogatan 4",
        when="TH", time="13:00-15:00", langs="sv", support="ar so ti",
        target=WOMEN, exdate=True,
    ),
    act(
        "Helsingborg", "folkuniversitetet", SV,
        "Svenska för nybörjare – dagkurs",
        "Förmiddagskurs för dig som precis har börjat lära dig svenska.",
        "I kursen övar vi mycket muntligt. Du får en arbetsbok att ta hem och "
        "kan fråga om sådant du stött på i vardagen.",
        ["Presentera dig och din familj", "Mat, inköp och priser",
         "Vården och apoteket"],
        venue="Skolan vid torget, sal 3", address="Torggatan 7",
        when="MO,WE", time="09:00-11:30", langs="sv", support="ar ti",
        join=REG, capacity=16, funding=FB,
    ),
    act(
        "Helsingborg", "raddabarnen", DEL,
        "Familjeträff: lek och svenska",
        "Lek, pyssel och svenska för föräldrar och små barn. Öppet för alla "
        "familjer.",
        "Barnen leker medan föräldrarna övar svenska och träffar andra "
        "föräldrar. Vi avslutar med en sångstund tillsammans.",
        ["Lek och pyssel", "Sångstund", "Föräldrafika"],
        venue="Öppna förskolan", address="Lekplatsvägen 6",
        when="WE", time="10:00-12:00", langs="sv", support="ar uk ti",
        age=FAMILIES,
    ),
    act(
        "Helsingborg", "arbetsformedlingen", ARB,
        "Yrkessvenska: vård och omsorg",
        "Förbered dig för arbete inom äldreomsorg och vård med ord och "
        "situationer från yrket.",
        "Kursen tar upp yrkesord, bemötande och hur en arbetsdag i "
        "äldreomsorgen ser ut. Vi besöker ett vårdboende.",
        ["Yrkesord och rapportering", "Bemötande och sekretess",
         "Vägar till undersköterskeutbildning"],
        venue="Vuxenutbildningens hus, sal 5", address="Skolgatan 20",
        when="TU,TH", time="13:00-15:30", langs="sv", support="ar so en",
        join=REG, capacity=20,
    ),
    act(
        "Helsingborg", "rf-sisu-skane", HAL,
        "Fotboll för män",
        "Spela fotboll och träffa nya vänner en kväll i veckan.",
        "Vi spelade på konstgräset med tränare från lokala föreningar.",
        ["Uppvärmning och teknik", "Matcher i små lag", "Svenska på planen"],
        venue="Idrottsplatsen, konstgräsplanen", address="Idrottsvägen 4",
        when="TH", time="19:00-20:30", langs="sv", support="ar ps",
        target=MEN, age=YOUNG, status=ENDED,
    ),
    # --- Kristianstad ----------------------------------------------------
    act(
        "Kristianstad", "kristianstads-kommun", SOC,
        "Samhällsinformation: arbete och försörjning",
        "Hur fungerar arbetsmarknaden, skatten och facket i Sverige? En kurs "
        "med samhällsinformatörer som talar flera språk.",
        "Kursen ger en bild av arbetslivet i Sverige och vad som gäller för dig "
        "som söker asyl och vill arbeta.",
        ["Arbetstillstånd och AT-UND", "Lön, skatt och anställningsavtal",
         "Fackföreningar och arbetsmiljö"],
        venue="Medborgarhuset, sal Tivoli", address="Storgatan 12",
        when="TU", time="09:30-12:00", langs="sv", support="ar so prs",
    ),
    act(
        "Kristianstad", "onnestads-folkhogskola", SV,
        "Svenska med folkhögskolan – intensivt",
        "Tre förmiddagar i veckan på folkhögskolan, med lunch tillsammans "
        "med skolans andra deltagare.",
        "Du läser svenska med erfarna lärare och får prova på folkhögskolans "
        "andra kurser. Buss går från centrum.",
        ["Läsa, skriva och tala", "Studiebesök och temadagar",
         "Information om vidare studier"],
        venue="Folkhögskolan, hus B", address="Skolvägen 2",
        when="MO,WE,FR", time="09:00-12:00", langs="sv", support="ar ti so",
        join=REG, capacity=18,
    ),
    act(
        "Kristianstad", "studieframjandet", HAL,
        "Cykelskola för kvinnor",
        "Lär dig cykla från början med tålmodiga ledare. Cykel och hjälm "
        "finns att låna.",
        "Vi övar på en avstängd skolgård tills du känner dig säker och cyklar "
        "sedan kortare turer tillsammans. Du lär dig också trafikreglerna.",
        ["Balans och bromsning", "Trafikregler för cyklister",
         "Korta turer i grupp"],
        venue="Skolgården vid Norra skolan", address="Skolgatan 9",
        when="SA", time="10:00-12:00", langs="sv", support="ar so ti",
        target=WOMEN, join=REG, capacity=10, weeks=8,
    ),
    act(
        "Kristianstad", "vuxenskolan", ARB,
        "Körkortsteori på lätt svenska",
        "Plugga teorin för B-körkort på lätt svenska med stöd på arabiska, "
        "dari och tigrinja.",
        "Ett körkort öppnar dörrar till många jobb. Vi läser teoriboken "
        "tillsammans och övar på provfrågor.",
        ["Vägmärken och trafikregler", "Ord i teoriprovet",
         "Övningsprov i grupp"],
        venue="Studieförbundets lokal, rum 2", address="Östra Boulevarden 20",
        when="WE", time="17:30-19:30", langs="sv", support="ar prs ti",
        join=REG, capacity=14, stale=True,
    ),
    act(
        "Kristianstad", "folkuniversitetet", SV,
        "Studiecirkel: Sverige förr och nu",
        "Läs korta texter om svensk historia och samtala om dem på enkel "
        "svenska.",
        "Cirkeln läste lättlästa texter och gjorde studiebesök på museet.",
        ["Svensk historia i korthet", "Studiebesök", "Samtal om traditioner"],
        venue="Biblioteket, studierum", address="Bibliotekstorget 1",
        when="TU", time="14:00-16:00", langs="sv", support="ar",
        funding=FB, status=ENDED,
    ),
    act(
        "Kristianstad", "vuxenskolan", SV,
        "Svenska för föräldrar",
        "Svenska för föräldrar: ord om förskola, skola och barnens hälsa.",
        "En studiecirkel för föräldrar som vill kunna prata med lärare och "
        "barnavårdscentral på svenska.",
        ["Förskola och skola", "Barnavårdscentralen", "Fritid och aktiviteter"],
        venue="Studieförbundets lokal, rum 1", address="Östra Boulevarden 20",
        when="TH", time="09:30-11:30", langs="sv", support="ar so",
        age=FAMILIES, status=SUBMITTED,
    ),
    # --- Landskrona ------------------------------------------------------
    act(
        "Landskrona", "landskrona-stad", SOC,
        "Välkomstträff: så fungerar kommunen",
        "En eftermiddag om vad kommunen gör, var du hittar bibliotek, "
        "simhall och föreningar och vem du frågar.",
        "Personal från kommunens verksamheter presenterar sig vid olika "
        "bord. Tolkar går runt och hjälper till.",
        ["Bibliotek, fritid och föreningar", "Skola och vuxenutbildning",
         "Kollektivtrafik och färdtjänst"],
        venue="Stadshuset, foajén", address="Rådhustorget 1",
        when=8, time="14:00-16:30", langs="sv", support="ar ti so ku",
    ),
    act(
        "Landskrona", "abf-skane", SV,
        "Språkcafé i Folkets hus",
        "Öva svenska med andra som lär sig och med svensktalande volontärer.",
        "Vi pratar, spelar ordspel och läser korta texter. Det finns alltid "
        "någon som kan hjälpa till på ditt språk.",
        ["Samtalsgrupper", "Ordspel och frågesport", "Fika"],
        venue="Folkets hus, caféet", address="Nygatan 18",
        when="WE", time="17:30-19:30", langs="sv", support="ar ti ku",
    ),
    act(
        "Landskrona", "rodakorset", DEL,
        "Syjunta och samtal för kvinnor",
        "Sy, laga och sticka tillsammans medan vi pratar svenska. "
        "Symaskiner och material finns.",
        "Syjuntan är en lugn mötesplats där du kan ta med egna projekt eller "
        "lära dig något nytt. Vi hjälper varandra med både stygn och ord.",
        ["Laga och sy om kläder", "Stickning och virkning",
         "Samtal på svenska"],
        venue="Röda Korsets lokal, hantverksrummet", address="Bygatan 8",
        when="TH", time="13:00-15:00", langs="sv", support="ar so",
        target=WOMEN,
    ),
    act(
        "Landskrona", "abf-skane", ARB,
        "Kvinnor och arbetsliv",
        "För kvinnor som vill veta mer om arbete, utbildning och eget "
        "företagande i Sverige.",
        "Vi träffar kvinnor som arbetar i olika yrken och pratar om vägar "
        "till jobb och studier.",
        ["Yrkesvägar", "Utbildning för vuxna", "Starta eget"],
        venue="Folkets hus, studierum 2", address="Nygatan 18",
        when="TU", time="10:00-12:00", langs="sv", support="ar ti",
        target=WOMEN, join=REG, capacity=15, status=SUBMITTED,
    ),
    # --- Trelleborg ------------------------------------------------------
    act(
        "Trelleborg", "trelleborgs-kommun", ARB,
        "Jobbträffar: arbetsmarknaden i södra Skåne",
        "Träffa arbetsgivare från hamnen, handeln och vården och hör vad de "
        "letar efter.",
        "Varje träff har ett tema och en gäst från en arbetsplats i kommunen. "
        "Efteråt finns tid att fråga och öva på att presentera sig.",
        ["Hamn och logistik", "Handel och service", "Vård och omsorg"],
        venue="Medborgarhuset, sal 1", address="Storgatan 12",
        when="TU", time="13:00-15:00", langs="sv", support="ar uk so",
    ),
    act(
        "Trelleborg", "vuxenskolan", SV,
        "Svenska vid köksbordet",
        "En studiecirkel där vi lagar enkel mat och pratar svenska samtidigt.",
        "Varje gång lagar vi en rätt från något av deltagarnas hemländer och "
        "övar ord för mat, mått och smaker.",
        ["Recept och mått", "Att handla mat", "Måltidstraditioner"],
        venue="Skolans hemkunskapssal", address="Skolgatan 3",
        when="MO", time="18:00-20:00", langs="sv", support="ar uk",
        join=REG, capacity=10, funding=FB,
    ),
    act(
        "Trelleborg", "rodakorset", HAL,
        "Hälsocafé – frågor om vård och egenvård",
        "Ställ frågor om hälsa till en sjuksköterska i en avslappnad miljö. "
        "Ingen tidsbokning.",
        "Volontärer med vårdbakgrund svarar på allmänna frågor och visar hur "
        "du tar hand om vanliga besvär själv.",
        ["Förkylning, feber och värk", "När du ska söka vård",
         "Mat och sömn"],
        venue="Röda Korsets lokal", address="Hamngatan 6",
        when="FR", time="13:00-15:00", langs="sv", support="ar so ti",
    ),
    act(
        "Trelleborg", "rf-sisu-skane", HAL,
        "Simskola för kvinnor – grundkurs",
        "Grundkurs i simning för kvinnor med kvinnliga ledare.",
        "Kursen hölls i stängd hall och avslutades med simborgarmärket.",
        ["Vattenvana", "Simtag", "Säkerhet vid vatten"],
        venue="Badhuset", address="Idrottsvägen 2",
        when="SU", time="15:00-16:30", langs="sv", support="ar so",
        target=WOMEN, join=REG, capacity=12, status=ENDED,
    ),
    # --- Ystad -----------------------------------------------------------
    act(
        "Ystad", "ystads-kommun", SOC,
        "Samhällsinformation: trafik och kollektivtrafik",
        "Lär dig åka buss och tåg i Skåne, köpa biljett i appen och röra dig "
        "säkert i trafiken.",
        "Vi börjar inomhus med trafikregler och biljetter och går sedan till "
        "busstationen och övar tillsammans.",
        ["Biljetter och appar", "Trafikregler för fotgängare och cyklister",
         "Tidtabeller och byten"],
        venue="Kulturhuset, sal 2", address="Stationsvägen 2",
        when=21, time="10:00-12:30", langs="sv", support="ar fa ti",
        join=REG, capacity=25,
    ),
    act(
        "Ystad", "sensus", SV,
        "Svenska i studiecirkel",
        "En liten grupp som övar svenska tillsammans med en cirkelledare, i "
        "din egen takt.",
        "Deltagarna bestämmer tillsammans vilka teman cirkeln tar upp. Ofta "
        "handlar det om vardag, nyheter och sådant som hänt under veckan.",
        ["Vardagssamtal", "Läsa nyheter på lätt svenska", "Skriva korta texter"],
        venue="Biblioteket, studierum", address="Bibliotekstorget 1",
        when="TH", time="17:00-19:00", langs="sv", support="ar ti",
        join=CONTACT, capacity=10, funding=FB, exdate=True,
    ),
    # --- Hässleholm ------------------------------------------------------
    act(
        "Hässleholm", "vuxenskolan", SV,
        "Svenska för nybörjare – kvällskurs",
        "Kvällskurs i svenska för nybörjare, två gånger i veckan.",
        "Cirkelledaren använder bilder, rollspel och vardagliga situationer så "
        "att du snabbt kan använda det du lär dig.",
        ["Hälsningar och presentationer", "Siffror, tid och datum",
         "Affären, apoteket och bussen"],
        venue="Studieförbundets lokal", address="Frykholmsgatan 5",
        when="TU,TH", time="18:00-20:00", langs="sv", support="ar ti so",
        join=REG, capacity=16,
    ),
    act(
        "Hässleholm", "arbetsformedlingen", ARB,
        "Jobbspåret: CV och arbetsmarknad",
        "Workshops om CV, ansökningar och jobb i nordöstra Skåne. Delta på "
        "plats eller digitalt.",
        "Vi går igenom hur du söker jobb, hur Platsbanken fungerar och hur du "
        "lyfter fram erfarenhet från ditt hemland.",
        ["CV och personligt brev", "Platsbanken och rekryteringsträffar",
         "Yrken med stor efterfrågan i nordöstra Skåne"],
        venue="Kulturhuset, mötesrum 3", address="Stationsgatan 2",
        when="WE", time="13:00-15:00", langs="sv", support="ar so en",
        mode=HYBRID, join=REG, capacity=20,
    ),
    act(
        "Hässleholm", "region-skane", HAL,
        "Psykisk hälsa – stress och sömn",
        "Tre träffar på arabiska om hur stress påverkar kroppen och vad du "
        "själv kan göra för att må bättre.",
        "En psykolog och en hälsokommunikatör leder träffarna. Du får enkla "
        "övningar att göra hemma.",
        ["Vad stress gör med kroppen", "Sömn och återhämtning",
         "Var du får hjälp om du mår dåligt"],
        venue="Vårdcentralens konferensrum", address="Vårdvägen 3",
        when="MO", time="10:00-12:00", langs="ar", support="sv prs",
        join=CONTACT, capacity=15, weeks=3,
    ),
    act(
        "Hässleholm", "migrationsverket", SOC,
        "Informationsträff: livet under asyltiden",
        "Migrationsverket informerade om ersättning, boende och aktiviteter "
        "under väntetiden.",
        "Träffen hölls med tolkar på flera språk.",
        ["Dagersättning", "Boende", "Aktiviteter i kommunen"],
        venue="Kulturhuset, hörsalen", address="Stationsgatan 2",
        when=-24, time="10:00-12:00", langs="sv",
        support=LANGUAGES_SUPPORTED_BY_INTERPRETERS, status=ENDED,
    ),
    # --- Eslöv -----------------------------------------------------------
    act(
        "Eslöv", "sensus", SV,
        "Språkcafé på biblioteket",
        "Prata svenska med volontärer på biblioteket varje onsdag.",
        "Biblioteket bjuder på kaffe och volontärerna ser till att alla får "
        "prata. Passa på att låna lättlästa böcker på vägen ut.",
        ["Samtal i små grupper", "Lättlästa böcker och tidningar",
         "Hjälp att skaffa lånekort"],
        venue="Biblioteket, läsesalongen", address="Bibliotekstorget 1",
        when="WE", time="15:00-17:00", langs="sv", support="ar so",
        stale=True,
    ),
    act(
        "Eslöv", "rf-sisu-skane", HAL,
        "Motionsträning för kvinnor",
        "Lugn träning med kvinnlig ledare i en stängd gympasal. Passar alla, "
        "oavsett form.",
        "Vi värmer upp, gör styrke- och rörlighetsövningar och avslutar med "
        "stretching. Det finns en omklädningsrum med dusch.",
        ["Uppvärmning och styrka", "Rörlighet och balans",
         "Avslappning"],
        venue="Idrottshallen, lilla salen", address="Idrottsvägen 7",
        when="MO", time="18:00-19:00", langs="sv", support="ar prs so",
        target=WOMEN,
    ),
    # --- Ängelholm -------------------------------------------------------
    act(
        "Ängelholm", "abf-skane", SOC,
        "Samhällsorientering i studiecirkel",
        "Prata om hur Sverige fungerar, från demokrati till vardagsliv, i en "
        "liten grupp.",
        "Cirkeln följer ett studiematerial på lätt svenska med ordlistor på "
        "arabiska och tigrinja.",
        ["Demokrati och yttrandefrihet", "Jämställdhet i familj och arbete",
         "Myndigheter och service"],
        venue="Folkets hus, rum 4", address="Storgatan 22",
        when="TU", time="10:00-12:00", langs="sv", support="ar ti",
        join=CONTACT, capacity=12,
    ),
    act(
        "Ängelholm", "rodakorset", SV,
        "Läxhjälp och studiestöd",
        "Hjälp med svenska, matte och ansökningar till utbildning. Kom när "
        "du vill.",
        "Volontärer hjälper unga vuxna som läser på vuxenutbildningen eller "
        "vill börja studera.",
        ["Svenska och matematik", "Ansökan till vuxenutbildning",
         "Studieteknik"],
        venue="Biblioteket, grupprum", address="Bibliotekstorget 3",
        when="TU,TH", time="15:30-17:30", langs="sv", support="ps prs en",
        age=YOUNG,
    ),
    # --- Höganäs ---------------------------------------------------------
    act(
        "Höganäs", "vuxenskolan", DEL,
        "Keramik och svenska",
        "Dreja och forma lera tillsammans, och lär dig svenska ord på köpet.",
        "Höganäs har en lång keramiktradition. I verkstaden provar du på "
        "olika tekniker och pratar svenska med de andra i gruppen.",
        ["Forma för hand och dreja", "Glasering",
         "Samtal om hantverk och tradition"],
        venue="Hantverkshuset, keramikverkstaden", address="Verkstadsgatan 4",
        when="TH", time="17:00-19:30", langs="sv", support="ar uk",
        join=REG, capacity=10, funding=FB,
    ),
    act(
        "Höganäs", "rodakorset", SV,
        "Språkvänner – svenska i vardagen",
        "Vi matchar dig med en språkvän som du träffar och pratar svenska med.",
        "Språkvänner träffas en gång i veckan, på fika eller promenad, och en "
        "gemensam träff hålls på Röda Korsets lokal.",
        ["Matchning med språkvän", "Gemensamma träffar", "Tips på samtalsämnen"],
        venue="Röda Korsets lokal", address="Storgatan 30",
        when="MO", time="17:00-18:30", langs="sv", support="ar ti uk",
        join=CONTACT, status=SUBMITTED,
    ),
    # --- Simrishamn ------------------------------------------------------
    act(
        "Simrishamn", "vuxenskolan", SV,
        "Svenska i ord och bild",
        "Lär dig svenska genom att fotografera, måla och berätta om bilder "
        "från Österlen.",
        "Vi använder bilder som utgångspunkt för samtal och skrivande. I "
        "slutet av terminen ställer vi ut bilderna på biblioteket.",
        ["Berätta om en bild", "Skriva bildtexter", "Utställning"],
        venue="Kulturhuset, ateljén", address="Storgatan 12",
        when="TU", time="13:00-15:30", langs="sv", support="ar ti",
        funding=FB,
    ),
    act(
        "Simrishamn", "sensus", HAL,
        "Mansgrupp – hälsa och vardag",
        "En samtalsgrupp för män om hälsa, familj och att vara ny i Sverige.",
        "Gruppen leds av två samtalsledare som själva kom till Sverige som "
        "vuxna. Vi varvar samtal med en promenad.",
        ["Hälsa, sömn och motion", "Att vara pappa i Sverige",
         "Ensamhet och gemenskap"],
        venue="Församlingshemmet, lilla salen", address="Kyrkogatan 4",
        when="WE", time="17:00-19:00", langs="sv", support="ar ps prs",
        target=MEN, join=CONTACT, capacity=10,
    ),
    # --- Höör ------------------------------------------------------------
    act(
        "Höör", "sensus", SV,
        "Studiecirkel: svenska för vardagen",
        "En studiecirkel för dig som vill prata mer svenska i vardagen.",
        "Vi övar på vardagssituationer: hos läkaren, i affären och på "
        "bussen. Cirkelledaren talar även dari.",
        ["Rollspel från vardagen", "Ord och fraser", "Högläsning"],
        venue="Biblioteket, studierum", address="Bibliotekstorget 1",
        when="MO", time="10:00-12:00", langs="sv", support="prs fa",
        funding=FB,
    ),
    act(
        "Höör", "region-skane", HAL,
        "Tandhälsa och vård – informationsträff",
        "Tandläkare och tandhygienist berättar om tandvård för vuxna och "
        "barn och svarar på frågor.",
        "Du får veta vilken tandvård du har rätt till under asyltiden och hur "
        "du tar hand om tänderna. Tandborstar delas ut.",
        ["Akut tandvård under asyltiden", "Barns tandvård",
         "Tandborstning och kost"],
        venue="Medborgarhuset, sal 1", address="Storgatan 12",
        when=15, time="14:00-15:30", langs="sv", support="ar ti so",
    ),
    # --- Staffanstorp ----------------------------------------------------
    act(
        "Staffanstorp", "abf-skane", HAL,
        "Cykelskola för vuxna",
        "Lär dig cykla säkert. Cyklar och hjälmar finns att låna.",
        "Ledarna har lång erfarenhet av att lära vuxna att cykla. Du övar i "
        "din egen takt och får ett intyg när du klarar grundkursen.",
        ["Balans och att starta och stanna", "Trafikregler",
         "Cykeltur i grupp"],
        venue="Skolgården vid Centralskolan", address="Skolgatan 9",
        when="SA", time="10:00-12:00", langs="sv", support="ar ti so",
        join=REG, capacity=10, weeks=6,
    ),
    act(
        "Staffanstorp", "sensus", SV,
        "Svenska för föräldrar",
        "Studiecirkel i svenska med fokus på förskola, skola och barnens "
        "fritid.",
        "Du lär dig ord och fraser som behövs när du pratar med förskolan och "
        "skolan. Barnpassning finns.",
        ["Förskola och skola", "Barnavårdscentralen", "Fritidsaktiviteter"],
        venue="Församlingshemmet", address="Kyrkvägen 2",
        when="TU", time="09:30-11:30", langs="sv", support="ar so",
        funding=FB,
    ),
    # --- Burlöv ----------------------------------------------------------
    act(
        "Burlöv", "rodakorset", SV,
        "Språkcafé i Arlöv",
        "Öva svenska med volontärer i en vänlig miljö. Fika och spel ingår.",
        "Volontärerna är pensionärer, studenter och yrkesarbetande från "
        "kommunen. Kom och prata, lyssna eller spela spel.",
        ["Samtalsbord", "Ordspel", "Fika"],
        venue="Medborgarhuset, caféet", address="Centrumvägen 5",
        when="MO", time="17:00-19:00", langs="sv", support="ar ti so",
    ),
    act(
        "Burlöv", "migrationsverket", SOC,
        "Informationsträff om asylprocessen",
        "Migrationsverket berättar om asylprocessen och svarar på allmänna "
        "frågor, med tolkar på flera språk.",
        "Vi går igenom hur utredningen går till och vad du kan göra under "
        "väntetiden. Du kan inte få besked om ditt eget ärende här.",
        ["Från ansökan till beslut", "Dagersättning och boende",
         "Aktiviteter under väntetiden"],
        venue="Medborgarhuset, stora salen", address="Centrumvägen 5",
        when=12, time="13:00-15:00", langs="sv",
        support=LANGUAGES_SUPPORTED_BY_INTERPRETERS, capacity=70,
    ),
    # --- Lomma -----------------------------------------------------------
    act(
        "Lomma", "vuxenskolan", HAL,
        "Promenadgrupp längs stranden",
        "Promenera längs vattnet i lugnt tempo och prata svenska på vägen.",
        "Vi går cirka fem kilometer och stannar för fika halvvägs. Gruppen "
        "går i alla väder, så klä dig efter vädret.",
        ["Promenad i lugnt tempo", "Svenska om natur och väder", "Fika"],
        venue="Samling vid hamnen", address="Hamnvägen 1",
        when="TH", time="10:00-11:30", langs="sv", support="ar fa",
        age=SENIORS,
    ),
    # --- Kävlinge --------------------------------------------------------
    act(
        "Kävlinge", "abf-skane", ARB,
        "Jobbspåret: intervjuträning",
        "Öva på anställningsintervjuer på svenska och få feedback.",
        "Du övar intervjufrågor i par och i grupp och får tips om hur du "
        "berättar om dig själv och din erfarenhet.",
        ["Vanliga intervjufrågor", "Berätta om din erfarenhet",
         "Inspelade övningsintervjuer"],
        venue="Folkets hus, rum 2", address="Järnvägsgatan 3",
        when="WE", time="10:00-12:00", langs="sv", support="ar en",
        join=REG, capacity=12,
    ),
    act(
        "Kävlinge", "vuxenskolan", SV,
        "Svenska för nybörjare – dagkurs",
        "Grundkurs i svenska för dig som är ny i Sverige.",
        "Vi börjar från början och övar mycket muntligt.",
        ["Presentera dig", "Siffror och tid", "Handla"],
        venue="Biblioteket, studierum", address="Bibliotekstorget 1",
        when="MO,WE", time="09:30-11:30", langs="sv", support="ar uk",
        status=DRAFT,
    ),
    # --- Svedala ---------------------------------------------------------
    act(
        "Svedala", "sensus", DEL,
        "Språkcafé och brädspel",
        "Spela brädspel och kortspel och prata svenska på köpet.",
        "Spel är ett bra sätt att lära sig ord och lära känna nya människor. "
        "Vi lär ut spelen på plats.",
        ["Klassiska brädspel", "Ordspel för nybörjare", "Fika"],
        venue="Biblioteket, samlingsrummet", address="Storgatan 12",
        when="TH", time="17:00-19:00", langs="sv", support="ar so",
    ),
    # --- Vellinge --------------------------------------------------------
    act(
        "Vellinge", "rodakorset", SV,
        "Svenska över en kopp kaffe",
        "Ett litet språkcafé där du övar svenska med volontärer.",
        "Vi är en liten grupp, så alla får tid att prata. Volontärerna hjälper "
        "också till med brev och blanketter.",
        ["Samtal", "Hjälp med brev och blanketter", "Fika"],
        venue="Församlingshemmet, caféet", address="Kyrkvägen 3",
        when="TU", time="14:00-16:00", langs="sv", support="ar uk",
        stale=True,
    ),
    # --- Skurup ----------------------------------------------------------
    act(
        "Skurup", "vuxenskolan", DEL,
        "Odlingsgrupp – svenska i trädgården",
        "Odla tillsammans och lär dig svenska ord för växter och trädgård.",
        "Gruppen sköter ett växthus och en trädgårdsbit tillsammans. Mellan "
        "odlingssäsongerna planerar vi och tar hand om krukväxter inomhus.",
        ["Så, plantera och skörda", "Ord för växter och verktyg",
         "Laga mat av skörden"],
        venue="Växthuset vid skolan", address="Skolgatan 3",
        when="WE", time="14:00-16:00", langs="sv", support="ti ar",
    ),
    # --- Sjöbo -----------------------------------------------------------
    act(
        "Sjöbo", "abf-skane", SOC,
        "Boende i Sverige: hyra, avtal och grannar",
        "En kurs om hur det fungerar att hyra bostad och bo granne med andra.",
        "Vi går igenom hyreskontrakt, el- och hemförsäkring och vad som gäller "
        "i trapphus och tvättstuga.",
        ["Hyreskontrakt och deposition", "El, internet och försäkring",
         "Tvättstuga, sopsortering och grannar"],
        venue="Folkets hus, sal 1", address="Storgatan 12",
        when="TU", time="13:00-15:00", langs="sv", support="ar ti so",
        weeks=5,
    ),
    # --- Tomelilla -------------------------------------------------------
    act(
        "Tomelilla", "region-skane", HAL,
        "Hälsoskola – kost och rörelse",
        "Fem träffar om mat, rörelse och hälsa, med matlagning och en kort "
        "promenad varje gång.",
        "En dietist och en fysioterapeut leder hälsoskolan. Vi pratar om hur "
        "svensk mat skiljer sig från mat i andra länder och om att röra sig "
        "mer i vardagen.",
        ["Mat, socker och salt", "Rörelse i vardagen", "Sömn och stress"],
        venue="Medborgarhuset, köket", address="Storgatan 12",
        when="WE", time="10:00-12:30", langs="sv", support="ar so",
        join=REG, capacity=14, weeks=5,
    ),
    # --- Bjuv ------------------------------------------------------------
    act(
        "Bjuv", "abf-skane", SV,
        "Svenska för nybörjare – dagkurs",
        "Förmiddagskurs i svenska för nybörjare, två dagar i veckan.",
        "Kursen följer vardagen: vi övar på att handla, åka buss och prata "
        "med grannar. Cirkelledaren talar även arabiska.",
        ["Vardagsord och fraser", "Läsa och skriva enkla texter",
         "Uttal"],
        venue="Folkets hus, rum 1", address="Storgatan 12",
        when="TU,TH", time="09:00-11:30", langs="sv", support="ar",
        join=REG, capacity=16,
    ),
    act(
        "Bjuv", "arbetsformedlingen", ARB,
        "Yrkesorientering: lager och logistik",
        "Lär känna lager- och logistikyrken i nordvästra Skåne, med "
        "studiebesök.",
        "Regionen har många lager och livsmedelsföretag. Du får veta vilka "
        "jobb som finns, vad som krävs och hur du kan utbilda dig.",
        ["Yrken inom lager och logistik", "Truckkort och säkerhet",
         "Studiebesök hos en arbetsgivare"],
        venue="Kulturhuset, mötesrum", address="Järnvägsgatan 3",
        when="MO", time="09:00-12:00", langs="sv", support="ar ti so",
        join=REG, capacity=15, weeks=4,
    ),
    # --- Åstorp ----------------------------------------------------------
    act(
        "Åstorp", "sensus", HAL,
        "Kvinnohälsa – samtalsgrupp på arabiska",
        "En samtalsgrupp för kvinnor på arabiska om hälsa, kropp och "
        "välmående.",
        "Gruppen leds av en sjuksköterska som talar arabiska. Vi pratar om "
        "mödrahälsovård, preventivmedel och att ta hand om sig själv.",
        ["Mödrahälsovård och barnmorskemottagning", "Kvinnors rättigheter i "
         "vården", "Egenvård och välmående"],
        venue="Biblioteket, samlingsrummet", address="Storgatan 12",
        when="TU", time="10:00-12:00", langs="ar", support="sv",
        target=WOMEN, join=CONTACT, capacity=12,
    ),
    act(
        "Åstorp", "vuxenskolan", SV,
        "Språkcafé i Åstorp",
        "Prata svenska och fika med volontärer. Alla nivåer är välkomna.",
        "Vi delar in oss i grupper efter nivå och byter samtalsämne varje "
        "vecka.",
        ["Samtal i grupper", "Ordspel", "Fika"],
        venue="Folkets hus, caféet", address="Nygatan 18",
        when="WE", time="17:00-19:00", langs="sv", support="ar ti",
    ),
    # --- Båstad ----------------------------------------------------------
    act(
        "Båstad", "rf-sisu-skane", DEL,
        "Idrott och svenska – prova på",
        "Prova på olika idrotter tillsammans med lokala föreningar.",
        "Varje vecka visar en förening sin idrott: fotboll, tennis, "
        "friidrott eller orientering. Du får veta hur du kan fortsätta träna.",
        ["En ny idrott varje vecka", "Träffa föreningsledare",
         "Svenska ord för idrott"],
        venue="Idrottshallen", address="Idrottsvägen 4",
        when="SA", time="11:00-13:00", langs="sv", support="ar ps so",
        age=YOUNG,
    ),
    # --- Klippan ---------------------------------------------------------
    act(
        "Klippan", "vuxenskolan", SV,
        "Svenska för nybörjare – studiecirkel",
        "Lär dig grunderna i svenska i en liten studiecirkel.",
        "Cirkeln träffas två gånger i veckan. Du lär dig ord och fraser som "
        "du kan använda direkt.",
        ["Presentera dig", "Vardagsord", "Läsa enkla texter"],
        venue="Biblioteket, studierum", address="Bibliotekstorget 1",
        when="MO,WE", time="13:00-15:00", langs="sv", support="ar so ti",
        join=CONTACT, capacity=10,
    ),
    act(
        "Klippan", "lansstyrelsen-skane", SOC,
        "Demokrati och mänskliga rättigheter",
        "En träff om demokrati, yttrandefrihet och mänskliga rättigheter i "
        "Sverige.",
        "Länsstyrelsen berättar hur demokratin fungerar och vilka rättigheter "
        "och skyldigheter alla som bor i Sverige har. Tolkar finns.",
        ["Demokrati och val", "Yttrandefrihet och religionsfrihet",
         "Diskriminering och var du anmäler"],
        venue="Kulturhuset, sal 1", address="Storgatan 12",
        when=24, time="13:00-15:00", langs="sv", support="ar prs so ti",
        join=REG, capacity=50,
    ),
    # --- Perstorp --------------------------------------------------------
    act(
        "Perstorp", "vuxenskolan", SV,
        "Svenska och matlagning",
        "Laga mat tillsammans och lär dig svenska ord i köket.",
        "Vi lagar både svenska rätter och rätter från deltagarnas hemländer "
        "och äter tillsammans.",
        ["Recept och mått", "Ord för mat och smaker", "Gemensam måltid"],
        venue="Skolans hemkunskapssal", address="Skolgatan 3",
        when="TH", time="16:00-18:30", langs="sv", support="ar ti",
        join=REG, capacity=10,
    ),
    # --- Svalöv ----------------------------------------------------------
    act(
        "Svalöv", "abf-skane", SV,
        "Språkcafé på biblioteket",
        "Varje fredag: svenska, fika och samtal med volontärer.",
        "Bibliotekets personal och volontärer leder samtalen. Du kan också få "
        "hjälp att hitta böcker på ditt språk.",
        ["Samtal på svenska", "Böcker på flera språk", "Fika"],
        venue="Biblioteket", address="Bibliotekstorget 1",
        when="FR", time="14:00-16:00", langs="sv", support="ar ku",
    ),
    # --- Örkelljunga -----------------------------------------------------
    act(
        "Örkelljunga", "sensus", SV,
        "Vardagssvenska i studiecirkel",
        "En studiecirkel i svenska för dig som bor i eller nära Örkelljunga.",
        "Vi träffas i församlingshemmet och övar på sådant du möter i "
        "vardagen. Cirkelledaren hjälper gärna till med brev och blanketter.",
        ["Samtal om vardagen", "Brev och blanketter", "Högläsning"],
        venue="Församlingshemmet", address="Kyrkogatan 4",
        when="TU", time="17:30-19:30", langs="sv", support="ar ti",
        funding=FB, stale=True,
    ),
    # --- Bromölla --------------------------------------------------------
    act(
        "Bromölla", "vuxenskolan", SV,
        "Språkcafé i Bromölla",
        "Prata svenska med volontärer och andra som lär sig svenska.",
        "Språkcaféet är öppet för alla nivåer. Nybörjare får en egen grupp "
        "med bildstöd.",
        ["Samtal", "Bildstöd för nybörjare", "Fika"],
        venue="Folkets hus, caféet", address="Storgatan 12",
        when="TH", time="15:00-17:00", langs="sv", support="ar so ti",
    ),
    # --- Osby ------------------------------------------------------------
    act(
        "Osby", "sensus", DEL,
        "Svenska och friluftsliv",
        "Vandra i skogen, grilla och lär dig svenska ord för naturen.",
        "Vi går kortare vandringar i skogarna runt Osby och lär oss "
        "allemansrätten. Kläder för alla väder finns att låna.",
        ["Allemansrätten", "Vandring och eld", "Ord för naturen"],
        venue="Samling vid järnvägsstationen", address="Stationsvägen 2",
        when="SA", time="10:00-13:00", langs="sv", support="ar prs",
    ),
    # --- Östra Göinge ----------------------------------------------------
    act(
        "Östra Göinge", "glimakra-folkhogskola", SV,
        "Kort kurs: svenska och samhälle",
        "Åtta veckor med svenska och samhällskunskap på folkhögskolan, med "
        "lunch.",
        "Kursen blandar svenska med studiebesök i kommunen. Du får prova på "
        "hur det är att studera på en folkhögskola.",
        ["Svenska varje dag", "Studiebesök i kommunen",
         "Information om folkhögskolans längre kurser"],
        venue="Folkhögskolan, klassrum 2", address="Skolvägen 4",
        when="TU,WE,TH", time="09:00-12:00", langs="sv", support="ar ti so",
        join=REG, capacity=16, weeks=8,
    ),
    act(
        "Östra Göinge", "rodakorset", HAL,
        "Hälsocafé för kvinnor",
        "Ett café för kvinnor där vi pratar om hälsa med en sjuksköterska.",
        "Varje gång har ett tema, till exempel graviditet, barns hälsa eller "
        "klimakteriet. Du kan också ställa egna frågor.",
        ["Kvinnors hälsa", "Barns hälsa", "Var du söker vård"],
        venue="Röda Korsets lokal", address="Storgatan 12",
        when="MO", time="13:00-15:00", langs="sv", support="ar ti so",
        target=WOMEN,
    ),
    # --- Hörby -----------------------------------------------------------
    act(
        "Hörby", "region-skane", SOC,
        "Samhällsinformation: hälso- och sjukvården i Sverige",
        "Hur du får vård, vad det kostar och när du ska ringa 1177 eller 112.",
        "Hälsokommunikatörer från Region Skåne går igenom vården i Sverige och "
        "svarar på frågor med hjälp av tolkar.",
        ["Vårdcentral och 1177", "Akut vård och 112",
         "Tandvård och mödravård"],
        venue="Kulturhuset, sal 2", address="Storgatan 12",
        when="WE", time="10:00-12:00", langs="sv", support="ar prs so ti",
        weeks=3,
    ),
]
# fmt: on

# Municipality pairs whose journeys Migrationsverket reimburses (fictional decisions).
TRAVEL_ROUTES = [
    ("Burlöv", "Malmö"),
    ("Lomma", "Malmö"),
    ("Svedala", "Malmö"),
    ("Vellinge", "Malmö"),
    ("Trelleborg", "Malmö"),
    ("Lund", "Malmö"),
    ("Staffanstorp", "Lund"),
    ("Eslöv", "Lund"),
    ("Höör", "Lund"),
    ("Kävlinge", "Lund"),
    ("Hörby", "Höör"),
    ("Bjuv", "Helsingborg"),
    ("Åstorp", "Helsingborg"),
    ("Höganäs", "Helsingborg"),
    ("Landskrona", "Helsingborg"),
    ("Ängelholm", "Helsingborg"),
    ("Svalöv", "Landskrona"),
    ("Klippan", "Ängelholm"),
    ("Örkelljunga", "Ängelholm"),
    ("Osby", "Hässleholm"),
    ("Hässleholm", "Kristianstad"),
    ("Bromölla", "Kristianstad"),
    ("Östra Göinge", "Kristianstad"),
    ("Tomelilla", "Ystad"),
    ("Skurup", "Ystad"),
    ("Simrishamn", "Ystad"),
    ("Perstorp", "Hässleholm"),
    ("Sjöbo", "Ystad"),
]
# Decisions that ran out earlier this year, so the "in force" filter has work.
EXPIRED_ROUTES = {("Perstorp", "Hässleholm"): 60, ("Sjöbo", "Ystad"): 150}
# Decisions without an end date.
OPEN_ENDED_ROUTES = {("Lund", "Malmö"), ("Hässleholm", "Kristianstad")}


def create_activities():
    """Create the directory page, the activities and the travel routes."""
    page = create_directory_page()
    today = timezone.localdate()
    municipalities = {
        m.name: m for m in Municipality.objects.filter(county__code=SKANE)
    }
    languages = {language.code: language for language in Language.objects.all()}
    slugs = sorted({spec["org"] for spec in ACTIVITIES})
    orgs = {org.slug: org for org in Organisation.objects.filter(slug__in=slugs)}
    missing = set(slugs) - set(orgs)
    assert not missing, f"create_partners() first; missing {sorted(missing)}"
    grant_numbers = {slug: 2100 + 137 * n for n, slug in enumerate(slugs)}

    seen = set()
    for index, spec in enumerate(ACTIVITIES):
        municipality = municipalities[spec["municipality"]]
        slug = slugify(f"{spec['title']} {municipality.name}")[:140]
        assert slug not in seen, slug
        seen.add(slug)
        if Activity.objects.filter(slug=slug).exists():
            continue
        org = orgs[spec["org"]]
        activity = build_activity(spec, index, slug, org, municipality, today)
        activity.grant_reference = (
            f"851-{grant_numbers[org.slug]}-{today.year}"
            if activity.funding == TIA
            else ""
        )
        activity.save()
        activity.instruction_languages.set(
            [languages[code] for code in spec["langs"].split()]
        )
        activity.support_languages.set(
            [languages[code] for code in spec.get("support", "").split()]
        )
    create_travel_routes(municipalities, today)
    return page


def create_directory_page():
    """The directory under the home page, in the main menu; only if none exists."""
    page = DirectoryPage.objects.first()
    if page is None:
        home = HomePage.objects.first()
        page = DirectoryPage(**DIRECTORY, show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def build_activity(spec, index, slug, org, municipality, today):
    status = spec.get("status", PUBLISHED)
    start, end, rrule = schedule(spec, index, status, today)
    start_time, end_time = (
        time.fromisoformat(part) for part in spec["time"].split("-")
    )
    mode = spec.get("mode", Activity.Mode.IN_PERSON)
    join = spec.get("join", Activity.JoinMethod.DROP_IN)
    funding = spec.get("funding") or default_funding(spec["category"], org)
    activity = Activity(
        title=spec["title"],
        slug=slug,
        summary=spec["summary"],
        description=description(spec["text"], spec["points"]),
        organisation=org,
        contact_person=pick_contact(org, index),
        category=spec["category"],
        target_group=spec.get("target", Activity.TargetGroup.EVERYONE),
        age_band=spec.get("age", Activity.AgeBand.ADULTS),
        municipality=municipality,
        mode=mode,
        venue=spec.get("venue", ""),
        address=spec.get("address", ""),
        start_date=start,
        end_date=end,
        start_time=start_time,
        end_time=end_time,
        rrule=rrule,
        capacity=spec.get("capacity"),
        join_method=join,
        registration_url=(f"https://example.org/anmalan/{slug}" if join == REG else ""),
        accessibility_notes=(
            ACCESSIBILITY[index % len(ACCESSIBILITY)]
            if mode != ONLINE and index % 2 == 0
            else ""
        ),
        funding=funding,
        grant_amount=(
            Decimal(30000 + (index * 7919) % 17 * 9000) if funding == TIA else None
        ),
        status=status,
        review_comment=spec.get("review_comment", ""),
        created_by=first_member(org),
    )
    if mode != ONLINE and municipality.name in TOWN_CENTRES and index % 3 != 2:
        lat, lon = TOWN_CENTRES[municipality.name]
        activity.latitude = Decimal(f"{lat + ((index * 37) % 21 - 10) / 2000:.6f}")
        activity.longitude = Decimal(f"{lon + ((index * 53) % 21 - 10) / 1200:.6f}")
    if spec.get("exdate") and rrule:
        upcoming = activity.session_dates(start=today + timedelta(days=7))
        activity.exdates = [upcoming[1].isoformat()]
    set_history(activity, spec, index, status, today)
    return activity


def schedule(spec, index, status, today):
    """(start date, end date, rrule) counted from today."""
    when = spec["when"]
    if isinstance(when, int):  # a one-off event, ``when`` days from today
        day = today + timedelta(days=when)
        return day, day, ""
    if status == ENDED:
        start = today - timedelta(weeks=18 + index % 6)
        end = today - timedelta(weeks=2 + index % 5)
    elif status in (DRAFT, SUBMITTED):
        start = today + timedelta(weeks=2 + index % 3)
        end = start + timedelta(weeks=spec.get("weeks", 12 + index % 4))
    elif spec.get("stale"):
        start = today - timedelta(weeks=24 + index % 4)
        end = today + timedelta(weeks=8 + index % 6)
    elif "weeks" in spec:  # a short series: started recently or about to start
        start = today - timedelta(weeks=index % 3 - 1)
        end = start + timedelta(weeks=spec["weeks"])
    else:
        start = today - timedelta(weeks=2 + index % 7)
        end = today + timedelta(weeks=10 + index % 10)
    # The first session falls on one of the rule's weekdays.
    weekdays = [WEEKDAYS.index(day) for day in when.split(",")]
    while start.weekday() not in weekdays:
        start += timedelta(days=1)
    return start, end, f"FREQ=WEEKLY;BYDAY={when}"


WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def set_history(activity, spec, index, status, today):
    """When it was published and last confirmed, as if it had a life."""
    now = timezone.now()
    if status in (DRAFT, SUBMITTED):
        activity.last_confirmed = today - timedelta(days=index % 5)
        return
    published = min(
        activity.start_date - timedelta(days=10 + index % 9),
        today - timedelta(days=2 + index % 6),
    )
    activity.published_at = min(
        timezone.make_aware(datetime.combine(published, time(9, 15 + index % 40))),
        now,
    )
    if status == ENDED:
        confirmed = activity.end_date - timedelta(days=14 + index % 10)
    elif spec.get("stale"):  # not confirmed for more than 90 days
        confirmed = today - timedelta(days=95 + (index % 4) * 12)
    else:
        confirmed = today - timedelta(days=(index * 11) % 45)
    activity.last_confirmed = max(confirmed, published)


def default_funding(category, org):
    if org.kind in (Organisation.Kind.AUTHORITY, Organisation.Kind.REGION):
        return OTHER  # the authorities' own budgets
    if category == DEL:
        return OTHER  # the grant covers Swedish, society, work and health
    return TIA


def description(text, points):
    items = "".join(f"<li>{point}</li>" for point in points)
    return f"<p>{text}</p><p>Det här tar vi upp:</p><ul>{items}</ul>"


def pick_contact(org, index):
    """One of the organisation's public contacts: the page is public."""
    contacts = list(
        org.contact_persons.filter(visibility=ContactPerson.Visibility.PUBLIC).order_by(
            "name"
        )
    )
    return contacts[index % len(contacts)] if contacts else None


def first_member(org):
    membership = (
        org.memberships.filter(status=Membership.Status.ACTIVE)
        .select_related("user")
        .order_by("-role", "user__email")
        .first()
    )
    return membership.user if membership else None


def create_travel_routes(municipalities, today):
    year_start = date(today.year, 1, 1)
    for number, (origin, destination) in enumerate(TRAVEL_ROUTES):
        a, b = municipalities[origin], municipalities[destination]
        if TravelRoute.objects.filter(
            Q(from_municipality=a, to_municipality=b)
            | Q(from_municipality=b, to_municipality=a)
        ).exists():
            continue
        valid_from, valid_until = year_start, date(today.year, 12, 31)
        if (origin, destination) in EXPIRED_ROUTES:
            days = EXPIRED_ROUTES[(origin, destination)]
            # The last day of the month before ``days`` ago.
            valid_until = (today - timedelta(days=days)).replace(day=1) - timedelta(
                days=1
            )
            valid_from = date(valid_until.year, 1, 1)
        elif (origin, destination) in OPEN_ENDED_ROUTES:
            valid_until = None
        TravelRoute.objects.create(
            from_municipality=a,
            to_municipality=b,
            valid_from=valid_from,
            valid_until=valid_until,
            decision_reference=(
                f"Migrationsverket dnr 1.2.3-{valid_from.year}-{9001 + number * 7}"
            ),
        )


def activity_summary():
    """One line: how many activities in each state, and the travel routes."""
    today = timezone.localdate()
    counts = dict(
        Activity.objects.order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    running = Activity.objects.current(today).filter(start_date__lte=today).count()
    return (
        f"Aktiviteter: {counts.get(PUBLISHED, 0)} publicerade ({running} pågående), "
        f"{counts.get(DRAFT, 0)} utkast, {counts.get(SUBMITTED, 0)} väntar på "
        f"granskning, {counts.get(ENDED, 0)} avslutade; "
        f"{TravelRoute.objects.count()} resvägar"
    )
