"""Demo forum work: consultations, dialog threads and the partnership workspace.

Everything belongs to the Skåne forum and is dated relative to today. Objects
are matched on their natural key (forum and slug for consultations, forum and
title for threads, tasks and joint decisions); what hangs on them (questions,
responses, posts, answers) is only made together with a new parent, so running
the seed again creates nothing. The people are the demo logins and a few
fictional members; the text is ours, not the organisations'.

A response's version history is stored as snapshots of the form
``{"general_comment": "...", "answers": {"<question pk>": "..."}}``.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from forum.models import (
    Consultation,
    ConsultationQuestion,
    ConsultationResponse,
    DecisionAnswer,
    DelegatedTask,
    FeedbackItem,
    Forum,
    JointDecision,
    Post,
    PostModeration,
    ResponseAnswer,
    ResponseVersion,
    Thread,
    ThreadFollow,
    Visibility,
)
from partners.models import Membership, Organisation
from website.demo.partners import (
    CONVENER,
    FORUM,
    LEVEL_LOGINS,
    add_member,
    demo_email,
    demo_user,
)

NADIA = LEVEL_LOGINS[Visibility.DIALOG]  # ABF Skåne
ELIN = LEVEL_LOGINS[Visibility.PARTNERSKAP]  # Malmö stad
AMINA = LEVEL_LOGINS[Visibility.SAMRAD]  # Studieförbundet Vuxenskolan
HASSAN = "hassan.ahmadi@sensus.example"

# Fictional members who write in the forum: (name, organisation). Their
# addresses follow the contact persons' pattern, name@organisation.example.
MEMBERS = [
    ("Yusuf Abdi", "region-skane"),
    ("Jenny Åberg", "raddabarnen"),
    ("Emma Svensson", "helsingborgs-stad"),
    ("Daniel Olsson", "lunds-kommun"),
    ("Peter Sandberg", "migrationsverket"),
    ("Linda Håkansson", "arbetsformedlingen"),
    ("Fatima Ali", "kristianstads-kommun"),
    ("Marcus Lindberg", "rf-sisu-skane"),
]

# ---------------------------------------------------------------- consultations

OPEN_CONSULTATION = {
    "slug": "handlingsplan-2027",
    "title": "Samråd om länets handlingsplan för tidiga insatser 2027",
    "opened": 10,  # days ago
    "deadline": 14,  # days from now
    "responses_visible": False,
    "proposal": (
        "<p>Länsstyrelsen tar varje år fram en handlingsplan för tidiga insatser "
        "för asylsökande i Skåne. Planen för 2027 bygger på lägesbilden från i "
        "höstas, delregionernas aktivitetsplaner och det som kom fram på "
        "forummötena under året.</p>"
        "<p>Vi föreslår att arbetet 2027 inriktas på tre områden:</p>"
        "<ul>"
        "<li>fler aktiviteter i de kommuner där många bor i eget boende och "
        "utbudet i dag är litet, främst i nordöstra och södra Skåne;</li>"
        "<li>insatser som når kvinnor, bland annat med barnpassning och "
        "kvinnogrupper på dagtid;</li>"
        "<li>en tydligare koppling mellan språkträning och arbetsmarknad, "
        "tillsammans med Arbetsförmedlingen.</li>"
        "</ul>"
        "<p>Statsbidraget antas ligga på ungefär samma nivå som i år. Vi vill "
        "veta om ni delar prioriteringarna, var ni ser att aktiviteter saknas "
        "och hur vi gemensamt kan nå fler kvinnor. Svaren sammanställs och "
        "återkopplas i forumet innan planen fastställs.</p>"
    ),
    "questions": [
        "Delar ni förslagets tre prioriteringar? Vad skulle ni vilja ändra, "
        "lägga till eller ta bort?",
        "Var i länet saknas det aktiviteter i dag, och vilka slags aktiviteter "
        "behövs där?",
        "Vad behövs för att fler kvinnor ska kunna delta i aktiviteterna?",
    ],
    # organisation, who wrote it, days ago, general comment, answers, versions
    "responses": [
        (
            "vuxenskolan",
            AMINA,
            6,
            "Vi bidrar gärna till planeringen av kvinnogrupperna i nordöstra Skåne.",
            [
                "Ja, i stort. Vi vill att språkträningen nämns uttryckligen som "
                "en grund för de andra insatserna, inte bara som ett medel mot "
                "arbetsmarknaden.",
                "Östra Göinge, Osby och Bromölla har nästan inga cirklar på "
                "kvällstid. Där behövs fler studiecirklar i svenska och "
                "samhällsorientering.",
                "Barnpassning under cirkeltiden och lokaler nära boendet. Vi "
                "har goda erfarenheter av cirkelledare som själva talar "
                "deltagarnas språk.",
            ],
            2,
        ),
        (
            "abf-skane",
            NADIA,
            4,
            "",
            [
                "Vi delar prioriteringarna. Lägg gärna till ett mål om att "
                "aktiviteterna ska finnas kvar hela året och inte bara under "
                "terminerna.",
                "Landsbygden i södra Skåne, framför allt runt Skurup och "
                "Sjöbo, där resorna till Malmö tar lång tid.",
                "Kvinnogrupper som leds av kvinnor och som träffas på "
                "förmiddagen, när barnen är i skolan.",
            ],
            1,
        ),
        (
            "malmo-stad",
            ELIN,
            2,
            "Malmö stad lämnar också synpunkter genom delregionens aktivitetsplan.",
            [
                "Malmö stad ställer sig bakom prioriteringarna. Kopplingen till "
                "arbetsmarknaden bör utvecklas i samråd med stadens "
                "arbetsmarknadsförvaltning.",
                "I Malmö finns många aktiviteter, men de är ojämnt fördelade "
                "mellan stadsområdena. Söder och öster saknar insatser för "
                "äldre deltagare.",
                "Samordning med förskolan så att barnen har en plats medan "
                "föräldrarna deltar, och information på fler språk.",
            ],
            1,
        ),
    ],
}

CLOSED_CONSULTATION = {
    "slug": "statsbidrag-hosten-2026",
    "title": "Samråd om fördelning av statsbidrag hösten 2026",
    "opened": 60,
    "deadline": -30,
    "responses_visible": True,
    "proposal": (
        "<p>Länsstyrelsen ska fördela statsbidraget för tidiga insatser för "
        "hösten 2026. Vi föreslår att bidraget i år fördelas efter hur många "
        "asylsökande som bor i varje delregion, med ett tillägg för "
        "kommuner med långa resvägar.</p>"
        "<p>Förslaget innebär att:</p>"
        "<ul>"
        "<li>70 procent fördelas efter antalet asylsökande i delregionen;</li>"
        "<li>20 procent går till insatser på landsbygden;</li>"
        "<li>10 procent reserveras för nya aktörer som inte har fått bidrag "
        "tidigare.</li>"
        "</ul>"
    ),
    "questions": [
        "Vad tycker ni om fördelningsnyckeln 70/20/10?",
        "Vilka krav bör ställas på redovisningen av bidraget?",
    ],
    "responses": [
        (
            "vuxenskolan",
            AMINA,
            45,
            "",
            [
                "Bra, men andelen för landsbygden borde vara större.",
                "En enkel redovisning med antal deltagare per kön och "
                "åldersgrupp räcker.",
            ],
            1,
        ),
        (
            "abf-skane",
            NADIA,
            41,
            "",
            [
                "Vi stöder nyckeln. Reservationen för nya aktörer är viktig för "
                "att fler föreningar ska våga söka.",
                "Redovisningen bör följa samma mall för alla studieförbund.",
            ],
            1,
        ),
        (
            "malmo-stad",
            ELIN,
            38,
            "",
            [
                "Fördelningen efter antal asylsökande är rimlig. Vi föreslår "
                "att även antalet i eget boende vägs in.",
                "Redovisningen bör samordnas med kommunernas egen uppföljning.",
            ],
            2,
        ),
        (
            "kristianstads-kommun",
            demo_email("Fatima Ali", "kristianstads-kommun"),
            36,
            "",
            [
                "Landsbygdstillägget behövs. I nordöstra Skåne är resorna en "
                "stor del av kostnaden.",
                "Reseersättningen bör redovisas för sig.",
            ],
            1,
        ),
        (
            "rf-sisu-skane",
            demo_email("Marcus Lindberg", "rf-sisu-skane"),
            33,
            "Idrottsföreningarna vill gärna vara med i nästa utlysning.",
            [
                "Bra att nya aktörer får en egen andel. Tio procent kan vara "
                "för lite om många nya söker.",
                "Korta redovisningar, gärna digitalt, så att ideella ledare "
                "orkar med dem.",
            ],
            1,
        ),
    ],
    "feedback_items": [
        "Alla fem som svarade stöder i huvudsak fördelningsnyckeln. Två ville "
        "ha en större andel för landsbygden och en ville att antalet i eget "
        "boende vägs in.",
        "Svaren pekade på en enkel och gemensam mall, med deltagare per kön "
        "och åldersgrupp, och med reseersättningen redovisad för sig.",
    ],
    "feedback": (
        "<p>Tack för era svar. Så här har de påverkat beslutet:</p>"
        "<ul>"
        "<li>Andelen för landsbygden höjdes från 20 till 25 procent och "
        "fördelningen efter antal asylsökande sänktes till 65 procent.</li>"
        "<li>Antalet asylsökande i eget boende vägs nu in i fördelningen "
        "mellan delregionerna.</li>"
        "<li>En gemensam redovisningsmall har tagits fram, där reseersättning "
        "redovisas för sig.</li>"
        "</ul>"
        "<p>Andelen för nya aktörer ligger kvar på tio procent. Vi följer upp "
        "hur många nya som sökte och tar upp frågan igen inför våren.</p>"
    ),
    "feedback_days_ago": 20,
}

# ---------------------------------------------------------------------- dialog

# Threads: title, starter, days ago, posts [(author, days ago, body)], index of
# a post the convener hid (or None) with the reason, followers.
THREADS = [
    {
        "title": "Hur når vi fler kvinnor i aktiviteterna?",
        "posts": [
            (
                NADIA,
                18,
                "<p>Hos oss är nästan tre av fyra deltagare män, trots att vi "
                "har försökt med kvällsgrupper. Hur gör ni andra för att nå "
                "kvinnorna?</p>",
            ),
            (
                demo_email("Jenny Åberg", "raddabarnen"),
                17,
                "<p>Det som har fungerat bäst för oss är att ha aktiviteter för "
                "barnen i rummet bredvid. Då kommer mammorna.</p>",
            ),
            (
                ELIN,
                15,
                "<p>I Malmö har vi sett att förmiddagstider och lokaler nära "
                "boendet gör stor skillnad. Vi delar gärna vår checklista på "
                "nästa nätverksmöte.</p>",
            ),
            (
                demo_email("Emma Svensson", "helsingborgs-stad"),
                14,
                "<p>Vi har en kvinna i gruppen, Samira, som bor på boendet i "
                "Ödåkra med tre små barn och inte får någon barnpassning. Kan "
                "någon hjälpa just henne?</p>",
            ),
            (
                demo_email("Yusuf Abdi", "region-skane"),
                12,
                "<p>Region Skåne kan ordna hälsoträffar för kvinnor med "
                "kvinnlig tolk. Hör av er om ni vill ha en träff i er "
                "grupp.</p>",
            ),
        ],
        "hidden": (
            3,
            "Inlägget innehöll uppgifter om en enskild deltagare. Skriv gärna "
            "frågan igen utan namn och andra personuppgifter.",
        ),
        "followers": [NADIA, ELIN, CONVENER, HASSAN],
    },
    {
        "title": "Samåkning till aktiviteter på landsbygden",
        "posts": [
            (
                HASSAN,
                9,
                "<p>Flera av våra deltagare i Sjöbo och Tomelilla kan inte ta "
                "sig till cirklarna eftersom bussarna går sällan. Har någon "
                "provat samåkning med volontärer?</p>",
            ),
            (
                demo_email("Daniel Olsson", "lunds-kommun"),
                8,
                "<p>Vi har ett försök med föreningsbilar i Lunds kommun. Tänk på "
                "att reseersättning bara gäller mellan kommuner som "
                "Migrationsverket har godkänt.</p>",
            ),
            (
                NADIA,
                6,
                "<p>ABF kan samordna en lista med förare. Vi tar upp det på "
                "samordnarmötet.</p>",
            ),
        ],
        "hidden": None,
        "followers": [HASSAN, NADIA],
    },
]

# ----------------------------------------------------------------- partnership

# title, organisation, due (days from today), status, description, report
TASKS = [
    (
        "Sammanställa Malmös behovsanalys till lägesbilden",
        "malmo-stad",
        -12,
        DelegatedTask.Status.DONE,
        "<p>Sammanställ stadens behovsanalys så att den kan föras in i länets "
        "lägesbild.</p>",
        "<p>Behovsanalysen är klar och skickad till Länsstyrelsen. Den visar "
        "störst behov av aktiviteter i stadsområdena Söder och Öster.</p>",
    ),
    (
        "Ta fram en plan för hälsoträffar med kvinnlig tolk",
        "region-skane",
        21,
        DelegatedTask.Status.IN_PROGRESS,
        "<p>En plan för hälsoträffar för kvinnor i alla fem delregioner, med "
        "kvinnlig tolk och barnpassning.</p>",
        "",
    ),
    (
        "Kartlägga arbetsmarknadsnära språkträning i länet",
        "arbetsformedlingen",
        -5,
        DelegatedTask.Status.OPEN,
        "<p>Vilka aktiviteter kombinerar språkträning med förberedelse för "
        "arbete, och var finns de?</p>",
        "",
    ),
    (
        "Uppdatera listan över godkända resvägar för reseersättning",
        "migrationsverket",
        35,
        DelegatedTask.Status.OPEN,
        "<p>Gå igenom vilka kommunpar som ger rätt till reseersättning och "
        "meddela forumet ändringarna.</p>",
        "",
    ),
]

DECIDED = {
    "title": "Gemensam redovisningsmall för TIA-aktiviteter",
    "proposal": (
        "<p>Parterna använder från och med hösten 2026 en gemensam mall för att "
        "redovisa aktiviteter: antal deltagare per kön och åldersgrupp, "
        "timmar och reseersättning för sig.</p>"
    ),
    "answer_by": -25,
    "objection": (
        "arbetsformedlingen",
        "Arbetsförmedlingen redovisar enligt myndighetens egna system och kan "
        "inte förbinda sig att använda mallen för sina egna insatser.",
    ),
    "outcome_note": (
        "Beslutet antogs. Arbetsförmedlingens invändning gäller bara "
        "myndighetens egna insatser, som redovisas i dess egna system; övriga "
        "parter använder mallen. Arbetsförmedlingen har förklarat att den inte "
        "motsätter sig att de andra parterna gör det."
    ),
}

OPEN_DECISION = {
    "title": "Gemensam utlysning för kvinnogrupper våren 2027",
    "proposal": (
        "<p>Parterna går samman i en utlysning för kvinnogrupper på dagtid "
        "under våren 2027, med barnpassning, och avsätter tillsammans medel "
        "ur respektive budget.</p>"
    ),
    "answer_by": 7,
    "answers": ["lansstyrelsen-skane", "malmo-stad"],
}


def create_forum_work():
    """Create the forum's consultations, threads, tasks and decisions.

    Returns the number of top-level objects created."""
    forum = Forum.objects.get(slug=FORUM["slug"])
    orgs = {org.slug: org for org in Organisation.objects.all()}
    create_members(orgs)
    users = {u.email: u for u in get_user_model().objects.all()}
    created = 0
    for spec in (OPEN_CONSULTATION, CLOSED_CONSULTATION):
        created += create_consultation(forum, orgs, users, spec)
    for spec in THREADS:
        created += create_thread(forum, users, spec)
    created += create_tasks(forum, orgs, users)
    created += create_decided(forum, orgs, users)
    created += create_open_decision(forum, orgs, users)
    return created


def create_members(orgs):
    for name, slug in MEMBERS:
        first, last = name.split(" ", 1)
        add_member(
            demo_user(demo_email(name, slug), first, last),
            orgs[slug],
            Membership.Role.MEMBER,
        )


def organisation_of(user):
    membership = user.memberships.filter(status=Membership.Status.ACTIVE).first()
    return membership.organisation if membership else None


def create_consultation(forum, orgs, users, spec):
    if Consultation.objects.filter(forum=forum, slug=spec["slug"]).exists():
        return 0
    now = timezone.now()
    consultation = Consultation.objects.create(
        forum=forum,
        slug=spec["slug"],
        title=spec["title"],
        proposal=spec["proposal"],
        visibility=Visibility.SAMRAD,
        opens_at=now - timedelta(days=spec["opened"]),
        deadline=now + timedelta(days=spec["deadline"]),
        published=True,
        responses_visible=spec["responses_visible"],
        created_by=users[CONVENER],
    )
    questions = [
        ConsultationQuestion.objects.create(
            consultation=consultation, position=position, text=text
        )
        for position, text in enumerate(spec["questions"], start=1)
    ]
    for slug, email, days, comment, answers, versions in spec["responses"]:
        author = users[email]
        submitted = now - timedelta(days=days)
        response = ConsultationResponse.objects.create(
            consultation=consultation,
            organisation=orgs[slug],
            general_comment=comment,
            version=versions,
            submitted_at=submitted,
            updated_by=author,
        )
        for question, text in zip(questions, answers, strict=True):
            ResponseAnswer.objects.create(
                response=response, question=question, text=text
            )
        final = {str(q.pk): text for q, text in zip(questions, answers, strict=True)}
        for version in range(1, versions + 1):
            snapshot = {"general_comment": response.general_comment, "answers": final}
            if version < versions:  # an earlier draft: the first answer only
                first = str(questions[0].pk)
                snapshot = {"general_comment": "", "answers": {first: final[first]}}
            ResponseVersion.objects.create(
                response=response,
                version=version,
                snapshot=snapshot,
                saved_by=author,
                saved_at=submitted - timedelta(days=versions - version),
            )
        ConsultationResponse.objects.filter(pk=response.pk).update(updated_at=submitted)
    for question, summary in zip(
        questions, spec.get("feedback_items", []), strict=False
    ):
        FeedbackItem.objects.create(
            consultation=consultation, question=question, summary=summary
        )
    if spec.get("feedback"):
        consultation.feedback = spec["feedback"]
        consultation.feedback_published_at = now - timedelta(
            days=spec["feedback_days_ago"]
        )
        consultation.save()
    return 1


def create_thread(forum, users, spec):
    if Thread.objects.filter(forum=forum, title=spec["title"]).exists():
        return 0
    now = timezone.now()
    starter, started_days, _ = spec["posts"][0]
    last_days = spec["posts"][-1][1]
    thread = Thread.objects.create(
        forum=forum,
        title=spec["title"],
        visibility=Visibility.DIALOG,
        created_by=users[starter],
        organisation=organisation_of(users[starter]),
        created_at=now - timedelta(days=started_days),
        last_activity_at=now - timedelta(days=last_days),
    )
    posts = [
        Post.objects.create(
            thread=thread,
            author=users[email],
            organisation=organisation_of(users[email]),
            body=body,
            created_at=now - timedelta(days=days),
        )
        for email, days, body in spec["posts"]
    ]
    if spec["hidden"]:
        index, reason = spec["hidden"]
        post = posts[index]
        post.hidden = True
        post.hidden_reason = reason
        post.save()
        PostModeration.objects.create(
            post=post,
            action=PostModeration.Action.HIDDEN,
            reason=reason,
            moderator=users[CONVENER],
            created_at=post.created_at + timedelta(hours=3),
        )
    for email in spec["followers"]:
        ThreadFollow.objects.get_or_create(thread=thread, user=users[email])
    return 1


def create_tasks(forum, orgs, users):
    today = timezone.localdate()
    now = timezone.now()
    created = 0
    for title, slug, due, status, description, report in TASKS:
        if DelegatedTask.objects.filter(forum=forum, title=title).exists():
            continue
        DelegatedTask.objects.create(
            forum=forum,
            title=title,
            description=description,
            assigned_to=orgs[slug],
            due_date=today + timedelta(days=due),
            status=status,
            report=report,
            reported_at=now - timedelta(days=-due + 2) if report else None,
            finished_at=now - timedelta(days=-due + 2)
            if status in DelegatedTask.FINISHED
            else None,
            created_by=users[CONVENER],
        )
        created += 1
    return created


def partners_in(forum):
    return [
        p.organisation
        for p in forum.participations.filter(level=Visibility.PARTNERSKAP)
        .select_related("organisation")
        .order_by("organisation__name")
    ]


def answerer(org, users):
    """A member who answers for the organisation (the convener for Länsstyrelsen)."""
    if org.slug == "lansstyrelsen-skane":
        return users[CONVENER]
    membership = (
        org.memberships.filter(status=Membership.Status.ACTIVE).order_by("pk").first()
    )
    return membership.user if membership else None


def create_decided(forum, orgs, users):
    if JointDecision.objects.filter(forum=forum, title=DECIDED["title"]).exists():
        return 0
    now = timezone.now()
    answer_by = now - timedelta(days=-DECIDED["answer_by"])
    decision = JointDecision.objects.create(
        forum=forum,
        title=DECIDED["title"],
        proposal=DECIDED["proposal"],
        answer_by=answer_by,
        outcome=JointDecision.Outcome.ADOPTED,
        outcome_note=DECIDED["outcome_note"],
        decided_at=answer_by + timedelta(days=1),
        created_by=users[CONVENER],
        created_at=answer_by - timedelta(days=14),
    )
    objector, reason = DECIDED["objection"]
    for days, org in enumerate(partners_in(forum), start=2):
        objects = org.slug == objector
        DecisionAnswer.objects.create(
            decision=decision,
            organisation=org,
            answer=(
                DecisionAnswer.Answer.OBJECTION
                if objects
                else DecisionAnswer.Answer.CONSENT
            ),
            reason=reason if objects else "",
            answered_by=answerer(org, users),
            answered_at=answer_by - timedelta(days=days),
        )
    return 1


def create_open_decision(forum, orgs, users):
    if JointDecision.objects.filter(forum=forum, title=OPEN_DECISION["title"]).exists():
        return 0
    now = timezone.now()
    decision = JointDecision.objects.create(
        forum=forum,
        title=OPEN_DECISION["title"],
        proposal=OPEN_DECISION["proposal"],
        answer_by=now + timedelta(days=OPEN_DECISION["answer_by"]),
        created_by=users[CONVENER],
        created_at=now - timedelta(days=5),
    )
    for days, slug in enumerate(OPEN_DECISION["answers"], start=1):
        DecisionAnswer.objects.create(
            decision=decision,
            organisation=orgs[slug],
            answer=DecisionAnswer.Answer.CONSENT,
            answered_by=answerer(orgs[slug], users),
            answered_at=now - timedelta(days=4 - days),
        )
    return 1


def forum_work_summary():
    """One line: consultations, threads, tasks and joint decisions."""
    now = timezone.now()
    return (
        f"Forumarbete: {Consultation.objects.count()} samråd "
        f"({Consultation.objects.open(now).count()} öppna, "
        f"{Consultation.objects.exclude(feedback_published_at=None).count()} med "
        f"återkoppling), {ConsultationResponse.objects.count()} svar; "
        f"{Thread.objects.count()} trådar med {Post.objects.count()} inlägg "
        f"({Post.objects.filter(hidden=True).count()} dolda); "
        f"{DelegatedTask.objects.count()} delegerade uppdrag, "
        f"{JointDecision.objects.count()} gemensamma beslut "
        f"({JointDecision.objects.filter(outcome='pending').count()} öppna)"
    )
