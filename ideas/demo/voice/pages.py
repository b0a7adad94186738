"""The families' voice pages of the demo: feedback `/palaute/`, children's voice `/lasten-aani/` and the ways to
take part `/osallistu/` with its interest form (the visitor survey is in `survey`). Like every demo page they
keep the Finnish slug in every language; none is in the main menu, as posters, the activities' pages and the
model pages lead to them."""

from pages.demo.build import h2, p

from ...models import TakePartField


def form_fields(field_class, questions: list[dict], code: str):
    """The questions in language `code` as unsaved form fields, made only when the page is (see `build.made`)."""

    def fields():
        return [
            field_class(
                sort_order=order,
                field_type=question["field_type"],
                required=question["required"],
                label=question["content"][code]["label"],
                help_text=question["content"][code].get("help_text", ""),
                choices="\n".join(question["content"][code].get("choices", [])),
            )
            for order, question in enumerate(questions)
        ]

    return fields


FEEDBACK_PAGE = {
    "slug": "palaute",
    "show_in_menus": False,
    "content": {
        "fi": {
            "title": "Palaute",
            "intro": (
                "Miltä tänään tuntui? Valitse toiminta, jossa olit, ja näytä kasvolla, miten se meni. Voit myös "
                "kirjoittaa, mikä oli hyvää ja mitä voisimme tehdä paremmin. Nimeä ei kysytä, ja vastaaminen vie "
                "vain hetken. Luemme jokaisen vastauksen ja käymme palautteet läpi työntekijöiden talokokouksessa."
            ),
        },
        "sv": {
            "title": "Respons",
            "intro": (
                "Hur kändes det i dag? Välj den verksamhet du var på och visa med ett ansikte hur det gick. Du kan "
                "också skriva vad som var bra och vad vi kunde göra bättre. Vi frågar inte efter ditt namn, och det "
                "tar bara en stund. Vi läser varje svar och går igenom responsen på personalens husmöte."
            ),
        },
        "en": {
            "title": "Feedback",
            "intro": (
                "How was it today? Choose the activity you came to and show with a face how it went. You can also "
                "write what was good and what we could do better. We do not ask your name, and it only takes a "
                "moment. We read every answer and go through the feedback at the staff's house meeting."
            ),
        },
    },
}

CHILDREN_PAGE = {
    "slug": "lasten-aani",
    "show_in_menus": False,
    "content": {
        "fi": {
            "title": "Lasten ääni",
            "intro": (
                "Mistä sinä tykkäät täällä? Mitä haluaisit tehdä? Lapset vastaavat osoittamalla kuvia, ja aikuinen "
                "auttaa. Kysymme lapsilta kaksi kertaa vuodessa, ja lasten toiveista tulee ideoita, joita "
                "kehitämme yhdessä."
            ),
            "adult_guidance": (
                "Istukaa rauhalliseen paikkaan ja lukekaa kysymykset lapselle ääneen. Anna lapsen katsoa kuvia ja "
                "osoittaa itse: kuvia saa valita monta tai ei yhtään. Älä ehdota vastauksia äläkä korjaa lapsen "
                "valintoja, sillä nyt kysytään lapsen omaa mielipidettä. Jos lapsi kertoo toiveen sanoin, kirjoita "
                "se ylös mahdollisimman samoin sanoin. Älä kirjoita lapsen tai kenenkään muun nimeä. Voitte "
                "lopettaa milloin vain, jos lapsi ei halua jatkaa."
            ),
        },
        "sv": {
            "title": "Barnens röst",
            "intro": (
                "Vad tycker du om här? Vad skulle du vilja göra? Barnen svarar genom att peka på bilder, och en "
                "vuxen hjälper till. Vi frågar barnen två gånger per år, och barnens önskemål blir idéer som vi "
                "utvecklar tillsammans."
            ),
            "adult_guidance": (
                "Sätt er på ett lugnt ställe och läs frågorna högt för barnet. Låt barnet titta på bilderna och "
                "peka själv: det går bra att välja många bilder eller ingen alls. Föreslå inga svar och rätta inte "
                "barnets val, för nu frågar vi efter barnets egen åsikt. Om barnet berättar en önskan med ord, "
                "skriv ner den så ordagrant du kan. Skriv inte barnets eller någon annans namn. Ni kan sluta när "
                "som helst om barnet inte vill fortsätta."
            ),
        },
        "en": {
            "title": "Children's voice",
            "intro": (
                "What do you like here? What would you like to do? Children answer by pointing at pictures, and a "
                "grown-up helps. We ask the children twice a year, and their wishes become ideas we work on "
                "together."
            ),
            "adult_guidance": (
                "Sit somewhere calm and read the questions aloud to the child. Let the child look at the pictures "
                "and point for themselves: they can choose many pictures or none at all. Do not suggest answers "
                "or correct the child's choices, because this asks for the child's own view. If the child tells "
                "you a wish in words, write it down as close to their own words as you can. Do not write the "
                "child's name or anyone else's. You can stop at any time if the child does not want to go on."
            ),
        },
    },
}

INTEREST_FORM = [
    {
        "field_type": "singleline",
        "required": True,
        "content": {"fi": {"label": "Nimi"}, "sv": {"label": "Namn"}, "en": {"label": "Name"}},
    },
    {
        "field_type": "singleline",
        "required": True,
        "content": {
            "fi": {
                "label": "Sähköposti tai puhelinnumero",
                "help_text": "Käytämme tätä vain ottaaksemme sinuun yhteyttä.",
            },
            "sv": {"label": "E-post eller telefonnummer", "help_text": "Vi använder det bara för att kontakta dig."},
            "en": {"label": "E-mail or phone number", "help_text": "We use it only to get in touch with you."},
        },
    },
    {
        "field_type": "checkboxes",
        "required": True,
        "content": {
            "fi": {
                "label": "Mitkä tavat kiinnostavat sinua?",
                "choices": [
                    "Vapaaehtoinen",
                    "Harjoittelija",
                    "Vertaisryhmän ohjaaja",
                    "Yhteiskehittämisen päivän osallistuja",
                ],
            },
            "sv": {
                "label": "Vilka sätt intresserar dig?",
                "choices": [
                    "Frivillig",
                    "Praktikant",
                    "Ledare för en kamratgrupp",
                    "Deltagare på en samutvecklingsdag",
                ],
            },
            "en": {
                "label": "Which ways interest you?",
                "choices": ["Volunteer", "Intern", "Peer group leader", "Co-development day participant"],
            },
        },
    },
    {
        "field_type": "multiline",
        "required": False,
        "content": {
            "fi": {
                "label": "Haluatko kertoa vielä jotain?",
                "help_text": "Esimerkiksi milloin sinulle sopii tai mitä kieliä puhut.",
            },
            "sv": {
                "label": "Vill du berätta något mer?",
                "help_text": "Till exempel när det passar dig eller vilka språk du talar.",
            },
            "en": {
                "label": "Anything else you would like to tell us?",
                "help_text": "For example when suits you or which languages you speak.",
            },
        },
    },
]

TAKE_PART_PAGE = {
    "slug": "osallistu",
    "show_in_menus": False,
    "content": {
        "fi": {
            "title": "Osallistu",
            "intro": (
                "Kohtaamispaikka on perheiden oma paikka, ja sitä tehdään yhdessä. Voit tulla mukaan "
                "vapaaehtoiseksi, harjoittelijaksi, vertaisryhmän ohjaajaksi tai yhteiskehittämisen päivään. "
                "Kerro lomakkeella, mikä kiinnostaa, niin koordinaattori ottaa sinuun yhteyttä."
            ),
            "body": [
                h2("Vapaaehtoinen"),
                p(
                    "Vapaaehtoisena voit esimerkiksi keittää kahvia perhekahvilassa, leikkiä lasten kanssa, lukea "
                    "satuja tai auttaa juhlien järjestämisessä. Osa vapaaehtoisista on vanhempia, jotka ovat itse "
                    "käyneet täällä lastensa kanssa, osa Kylän isovanhempia.",
                    "Et tarvitse erityistä koulutusta. Sovitaan yhdessä, kuinka usein ehdit: kerran viikossa tai "
                    "vain silloin tällöin. Jos toimit säännöllisesti lasten kanssa, pyydämme nähtäväksi "
                    "rikosrekisteriotteen, jonka saat vapaaehtoistyötä varten maksutta. Saat perehdytyksen, tukea "
                    "koordinaattorilta, mukavan porukan ja halutessasi todistuksen vapaaehtoistyöstä.",
                ),
                h2("Harjoittelija"),
                p(
                    "Kohtaamispaikassa voi suorittaa harjoittelun esimerkiksi sosionomi-, varhaiskasvatus- tai "
                    "lähihoitajaopinnoissa. Näet, miten kaupungin palvelut, järjestöt ja seurakunta tekevät työtä "
                    "saman katon alla, ja pääset kohtaamaan perheitä heidän arjessaan.",
                    "Harjoittelusta sovitaan oppilaitoksesi kanssa, ja sinulla on täällä oma ohjaaja. Ota yhteyttä "
                    "hyvissä ajoin, mieluiten edellisellä lukukaudella. Saat monipuolisen kokemuksen perhetyöstä ja "
                    "voit toteuttaa oman pienen projektin, vaikkapa toimintatuokion lapsille.",
                ),
                h2("Vertaisryhmän ohjaaja"),
                p(
                    "Vertaisryhmän ohjaaja on vanhempi, joka haluaa jakaa omaa kokemustaan ja koota yhteen muita "
                    "samassa tilanteessa olevia perheitä. Täällä kokoontuvat esimerkiksi isien ilta ja suomen kielen "
                    "keskusteluryhmä. Voit myös perustaa uuden ryhmän aiheesta, joka on sinulle tärkeä.",
                    "Ohjaat ryhmää yhdessä työntekijän tai toisen ohjaajan kanssa, yleensä kerran viikossa yhden "
                    "lukukauden ajan. Aiempaa kokemusta ei tarvita: saat maksuttoman ohjaajakoulutuksen ja "
                    "säännöllistä tukea. Ryhmässä puhutut asiat jäävät ryhmään.",
                ),
                h2("Yhteiskehittämisen päivän osallistuja"),
                p(
                    "Yhteiskehittämisen päiviä on 2–4 kertaa vuodessa. Perheet, vapaaehtoiset ja työntekijät "
                    "suunnittelevat yhdessä, mitä kohtaamispaikassa tehdään, ja työstävät ideoita, jotka saivat "
                    "äänestyksessä eniten kannatusta.",
                    "Kokemusta kokouksista ei tarvita: riittää, että tulet ja kerrot, mitä ajattelet. Päivän ajan "
                    "lapsille on hoito samoissa tiloissa, ja tarvittaessa mukana on tulkki. Ilmoittaudu päivään "
                    "tapahtumasivulla. Saat äänesi kuuluviin ja näet, miten ideoista tulee totta.",
                ),
            ],
            "form_fields": form_fields(TakePartField, INTEREST_FORM, "fi"),
            "thank_you_text": (
                "<p>Kiitos kiinnostuksestasi! Koordinaattori ottaa sinuun yhteyttä viikon kuluessa. Käytämme "
                "yhteystietojasi vain tähän yhteydenottoon.</p>"
            ),
        },
        "sv": {
            "title": "Delta",
            "intro": (
                "Mötesplatsen är familjernas egen plats, och vi bygger den tillsammans. Du kan vara med som "
                "frivillig, praktikant, ledare för en kamratgrupp eller på en samutvecklingsdag. Berätta i "
                "formuläret vad som intresserar dig, så kontaktar koordinatorn dig."
            ),
            "body": [
                h2("Frivillig"),
                p(
                    "Som frivillig kan du till exempel koka kaffe på familjekaféet, leka med barnen, läsa sagor "
                    "eller hjälpa till när vi ordnar fester. En del av de frivilliga är föräldrar som själva har "
                    "kommit hit med sina barn, andra är byns mor- och farföräldrar.",
                    "Du behöver ingen särskild utbildning. Vi kommer överens om hur ofta du har tid: en gång i "
                    "veckan eller bara då och då. Om du regelbundet arbetar med barn ber vi att få se ett "
                    "straffregisterutdrag, som är avgiftsfritt för frivilligt arbete. Du får introduktion, stöd av "
                    "koordinatorn, ett trevligt gäng och om du vill ett intyg över ditt frivilliga arbete.",
                ),
                h2("Praktikant"),
                p(
                    "På mötesplatsen kan du göra din praktik till exempel under studier till socionom, lärare "
                    "inom småbarnspedagogik eller närvårdare. Du ser hur stadens tjänster, organisationer och "
                    "församlingen arbetar under samma tak, och du får möta familjer i deras vardag.",
                    "Praktiken avtalas med din läroanstalt, och du har en egen handledare här. Kontakta oss i god "
                    "tid, helst terminen innan. Du får en mångsidig erfarenhet av familjearbete och kan genomföra "
                    "ett eget litet projekt, till exempel en aktivitetsstund för barnen.",
                ),
                h2("Ledare för en kamratgrupp"),
                p(
                    "En ledare för en kamratgrupp är en förälder som vill dela sina egna erfarenheter och samla "
                    "andra familjer i samma situation. Här träffas till exempel pappakvällen och samtalsgruppen i "
                    "finska. Du kan också starta en ny grupp kring ett ämne som är viktigt för dig.",
                    "Du leder gruppen tillsammans med en anställd eller en annan ledare, oftast en gång i veckan "
                    "under en termin. Du behöver ingen tidigare erfarenhet: du får en avgiftsfri ledarutbildning "
                    "och regelbundet stöd. Det som sägs i gruppen stannar i gruppen.",
                ),
                h2("Deltagare på en samutvecklingsdag"),
                p(
                    "Samutvecklingsdagar ordnas 2–4 gånger per år. Familjer, frivilliga och anställda planerar "
                    "tillsammans vad som ska hända på mötesplatsen och arbetar med de idéer som fick flest röster.",
                    "Du behöver ingen erfarenhet av möten: det räcker att du kommer och berättar vad du tycker. "
                    "Under dagen finns barnpassning i samma lokaler, och vid behov är en tolk med. Anmäl dig till "
                    "dagen på evenemangssidan. Din röst blir hörd, och du ser hur idéer blir verklighet.",
                ),
            ],
            "form_fields": form_fields(TakePartField, INTEREST_FORM, "sv"),
            "thank_you_text": (
                "<p>Tack för ditt intresse! Koordinatorn kontaktar dig inom en vecka. Vi använder dina "
                "kontaktuppgifter bara för den här kontakten.</p>"
            ),
        },
        "en": {
            "title": "Take part",
            "intro": (
                "The meeting place belongs to the families, and we build it together. You can join as a volunteer, "
                "an intern, a peer group leader or at a co-development day. Tell us on the form what interests "
                "you, and the coordinator will get in touch."
            ),
            "body": [
                h2("Volunteer"),
                p(
                    "As a volunteer you might make coffee at the family café, play with the children, read stories "
                    "or help when we hold a party. Some volunteers are parents who have come here with their own "
                    "children; others are the Village Grandparents.",
                    "You need no special training. We agree together how often you have time: once a week or just "
                    "now and then. If you work with children regularly, we ask to see an extract from the criminal "
                    "record, which is free of charge for volunteer work. You get an introduction, support from the "
                    "coordinator, a friendly team and, if you like, a certificate of your volunteering.",
                ),
                h2("Intern"),
                p(
                    "You can do your work placement here as a student of social services, early childhood "
                    "education or practical nursing, for example. You see how city services, non-profit "
                    "organisations and the parish work under one roof, and you meet families in their everyday "
                    "lives.",
                    "The placement is agreed with your school, and you have your own supervisor here. Contact us in "
                    "good time, preferably the term before. You gain a broad experience of family work and can run "
                    "a small project of your own, such as an activity session for the children.",
                ),
                h2("Peer group leader"),
                p(
                    "A peer group leader is a parent who wants to share their own experience and bring together "
                    "other families in the same situation. The dads' evening and the Finnish conversation group "
                    "meet here, for example. You can also start a new group on a subject that matters to you.",
                    "You lead the group with a member of staff or another leader, usually once a week for one term. "
                    "You need no earlier experience: you get free training for group leaders and regular support. "
                    "What is said in the group stays in the group.",
                ),
                h2("Co-development day participant"),
                p(
                    "Co-development days are held 2–4 times a year. Families, volunteers and staff plan together "
                    "what happens at the meeting place and work on the ideas that got the most votes.",
                    "You need no experience of meetings: it is enough to come and say what you think. During the "
                    "day there is childcare in the same rooms, and an interpreter when needed. Sign up for the day "
                    "on the events page. Your voice is heard, and you see ideas come true.",
                ),
            ],
            "form_fields": form_fields(TakePartField, INTEREST_FORM, "en"),
            "thank_you_text": (
                "<p>Thank you for your interest! The coordinator will contact you within a week. We use your contact "
                "details only for this.</p>"
            ),
        },
    },
}
