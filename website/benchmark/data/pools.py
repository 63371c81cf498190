"""Text pools the generated rows draw from: names, topics, sentences."""

from events.models import Event
from forum.models import DelegatedTask, Visibility
from partners.models import Organisation

FIRST_NAMES = [
    "Aisha", "Anders", "Amal", "Birgitta", "Dawit", "Elsa", "Farah", "Gustav",
    "Hiba", "Ida", "Jonas", "Khadija", "Lars", "Leyla", "Maja", "Mohammed",
    "Nils", "Olga", "Parisa", "Rami", "Sanna", "Tesfay", "Ulla", "Yara",
]  # fmt: skip
LAST_NAMES = [
    "Andersson", "Bakr", "Carlsson", "Dahl", "Ekström", "Farah", "Gashi",
    "Hansson", "Ibrahim", "Jakobsson", "Karlsson", "Lindholm", "Mohamud",
    "Nilsson", "Osman", "Persson", "Qasim", "Rosén", "Said", "Tesfaye",
    "Ungér", "Wikström", "Yilmaz", "Öberg",
]  # fmt: skip

K = Organisation.Kind
# (name stem, kind): with a municipality's name, e.g. "Språkvänner i Osby".
ORGANISATION_STEMS = [
    ("Språkvänner", K.NON_PROFIT),
    ("Mötesplats Ny i Sverige", K.NON_PROFIT),
    ("Kvinnors nätverk", K.NON_PROFIT),
    ("Idrottsföreningen Alla kan", K.NON_PROFIT),
    ("Kulturföreningen Broar", K.NON_PROFIT),
    ("Församlingen", K.FAITH_COMMUNITY),
    ("Läxhjälpen", K.NON_PROFIT),
    ("Arbetslivsföreningen Första steget", K.OTHER),
]

EVENT_TOPICS = [
    "språkcaféer på landsbygden",
    "hälsa och vård för nyanlända",
    "vägen till arbete",
    "aktiviteter för kvinnor",
    "samverkan med föreningslivet",
    "statsbidraget och redovisningen",
    "tolkstöd i aktiviteterna",
    "barn och familjer på flykt",
]
VENUES = ["Stadshuset", "Biblioteket", "Folkets hus", "Kulturhuset", "Medborgarhuset"]
# The kind's word in a title, e.g. "Nätverksmöte Malmö: vägen till arbete".
KIND_WORDS = {
    Event.Kind.COORDINATORS_MEETING: "Samordnarmöte",
    Event.Kind.NETWORK_MEETING: "Nätverksmöte",
    Event.Kind.FORUM_MEETING: "Forummöte",
    Event.Kind.DIALOGUE_MEETING: "Dialogmöte",
    Event.Kind.SITE_VISIT: "Verksamhetsbesök",
    Event.Kind.TRAINING: "Utbildning",
    Event.Kind.INFORMATION_MEETING: "Informationsmöte",
}
# About 40 per cent public, the rest spread over the levels.
EVENT_VISIBILITIES = [
    Visibility.PUBLIC,
    Visibility.PUBLIC,
    Visibility.INFORMATION,
    Visibility.PUBLIC,
    Visibility.SAMRAD,
    Visibility.DIALOG,
    Visibility.PUBLIC,
    Visibility.INFORMATION,
    Visibility.PARTNERSKAP,
    Visibility.DIALOG,
]
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

CONSULTATION_TOPICS = [
    "Samråd om aktivitetsutbudet i delregionen",
    "Samråd om fördelning av statsbidrag",
    "Samråd om länets lägesbild",
    "Samråd om insatser för kvinnor",
    "Samråd om reseersättning och resvägar",
    "Samråd om uppföljning av aktiviteterna",
    "Samråd om tolkstöd",
    "Samråd om samverkan med kommunerna",
]
QUESTIONS = [
    "Delar ni förslagets prioriteringar? Vad skulle ni vilja ändra?",
    "Var i länet saknas det aktiviteter i dag?",
    "Vad behöver er organisation för att kunna bidra?",
]
ANSWERS = [
    "Vi delar i stort förslaget, men vill att språkträningen lyfts fram "
    "tydligare som grund för de andra insatserna.",
    "Landsbygden i nordöstra och södra Skåne saknar aktiviteter på kvällstid, "
    "och resorna till de större orterna tar lång tid.",
    "Lokaler nära boendet, barnpassning och cirkelledare som talar "
    "deltagarnas språk gör störst skillnad för oss.",
    "Samordningen mellan kommunen och föreningarna behöver bli tydligare, "
    "så att aktiviteterna inte krockar.",
]
THREAD_TOPICS = [
    "Hur når vi fler deltagare på landsbygden?",
    "Erfarenheter av språkcaféer med barnpassning",
    "Samåkning till aktiviteter",
    "Tolkstöd i studiecirklar",
    "Lokaler som fungerar för hälsoträffar",
    "Hur redovisar ni deltagarna?",
    "Samarbete med idrottsföreningar",
    "Information på fler språk",
]
POST_SENTENCES = [
    "Hos oss har det fungerat bäst att hålla träffarna på förmiddagen.",
    "Vi har provat samma sak i vår kommun, med blandat resultat.",
    "Det som gör störst skillnad är att någon möter upp vid bussen.",
    "Vi delar gärna vår checklista på nästa nätverksmöte.",
    "Tänk på att reseersättning bara gäller mellan godkända kommuner.",
    "Region Skåne kan ordna en träff med tolk om ni hör av er.",
    "Vi tar upp frågan på samordnarmötet i nästa månad.",
    "Fler av våra deltagare kommer när informationen finns på deras språk.",
]
TASK_TOPICS = [
    "Sammanställa behovsanalysen till lägesbilden",
    "Kartlägga aktiviteter på kvällstid",
    "Ta fram information på fler språk",
    "Följa upp deltagandet bland kvinnor",
    "Uppdatera listan över resvägar",
    "Samordna tolkstödet i delregionen",
    "Planera nätverksmötet",
    "Redovisa statsbidraget för perioden",
]
TASK_STATUSES = [
    DelegatedTask.Status.OPEN,
    DelegatedTask.Status.IN_PROGRESS,
    DelegatedTask.Status.IN_PROGRESS,
    DelegatedTask.Status.DONE,
    DelegatedTask.Status.OPEN,
    DelegatedTask.Status.DONE,
    DelegatedTask.Status.DONE,
    DelegatedTask.Status.CANCELLED,
]
DECISION_TOPICS = [
    "Gemensam mall för redovisning",
    "Gemensam utlysning för kvinnogrupper",
    "Gemensamma riktlinjer för tolkstöd",
    "Gemensam kalender för nätverksmöten",
]
