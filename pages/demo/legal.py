"""The demo accessibility statement and privacy notice, with the headings Finnish law expects."""

from .build import ensure_page, h2, p, ul

ACCESSIBILITY_PAGE = {
    "slug": "saavutettavuus",
    "content": {
        "fi": {
            "title": "Saavutettavuusseloste",
            "intro": (
                "Haluamme, että kaikki voivat käyttää Koivukylän kohtaamispaikan verkkosivustoa. Tämä seloste "
                "kertoo, miten saavutettava sivusto on ja miten voit antaa palautetta. Seloste on laadittu "
                "digitaalisten palvelujen tarjoamisesta annetun lain (306/2019) mukaisesti."
            ),
            "body": [
                h2("Saavutettavuuden tila"),
                p(
                    "Sivusto täyttää suurimmaksi osaksi WCAG 2.1 -ohjeiden AA-tason kriittiset "
                    "saavutettavuusvaatimukset. Sivustoa voi käyttää näppäimistöllä ja ruudunlukijalla, ja se "
                    "toimii myös ilman JavaScriptiä. Tunnetut puutteet kerromme alla."
                ),
                h2("Ei-saavutettava sisältö"),
                ul(
                    "Toimijoiden lisäämät PDF-liitteet eivät aina ole saavutettavia. Voit pyytää sisällön "
                    "meiltä toisessa muodossa.",
                    "Toimijoiden logojen tekstivastineet ovat sisällön ylläpitäjien vastuulla. Osa niistä voi "
                    "puuttua tai olla puutteellisia.",
                    "Jos jotakin sisältöä ei ole vielä käännetty, se näkyy suomeksi.",
                ),
                p("Korjaamme puutteita sitä mukaa kuin niitä löytyy, ja ohjeistamme sisällön ylläpitäjiä."),
                h2("Palaute ja yhteystiedot"),
                p(
                    "Huomasitko puutteen? Kerro siitä meille sähköpostilla: kohtaamo@example.fi. Voit myös "
                    "pyytää sisältöä, joka ei ole saavutettavassa muodossa. Vastaamme 14 päivän kuluessa."
                ),
                h2("Valvontaviranomainen"),
                p(
                    "Jos et ole tyytyväinen vastaukseemme tai et saa vastausta 14 päivän kuluessa, voit tehdä "
                    "ilmoituksen valvontaviranomaiselle.",
                    "Liikenne- ja viestintävirasto Traficom, digitaalisen esteettömyyden valvonta. "
                    "Verkkosivusto: www.saavutettavuusvaatimukset.fi",
                ),
                h2("Seloste laadittu"),
                p("Seloste on laadittu 28.11.2026. Sivuston saavutettavuus on arvioitu itse."),
            ],
        },
        "sv": {
            "title": "Tillgänglighetsutlåtande",
            "intro": (
                "Vi vill att alla ska kunna använda webbplatsen för mötesplatsen i Björkby. Det här utlåtandet "
                "berättar hur tillgänglig webbplatsen är och hur du kan ge respons. Utlåtandet följer lagen om "
                "tillhandahållande av digitala tjänster (306/2019)."
            ),
            "body": [
                h2("Tillgänglighetens status"),
                p(
                    "Webbplatsen uppfyller till största delen de kritiska tillgänglighetskraven på nivå AA i "
                    "WCAG 2.1. Du kan använda webbplatsen med tangentbord och skärmläsare, och den fungerar även "
                    "utan JavaScript. De brister vi känner till står nedan."
                ),
                h2("Innehåll som inte är tillgängligt"),
                ul(
                    "PDF-bilagor som aktörerna har lagt till är inte alltid tillgängliga. Du kan be oss om "
                    "innehållet i en annan form.",
                    "De alternativa texterna till aktörernas logotyper är innehållsredaktörernas ansvar. En del "
                    "av dem kan saknas eller vara bristfälliga.",
                    "Om något innehåll ännu inte har översatts, visas det på finska.",
                ),
                p("Vi rättar bristerna allteftersom vi hittar dem och ger instruktioner till redaktörerna."),
                h2("Respons och kontaktuppgifter"),
                p(
                    "Har du märkt en brist? Berätta det för oss per e-post: kohtaamo@example.fi. Du kan också be "
                    "om innehåll som inte finns i tillgänglig form. Vi svarar inom 14 dagar."
                ),
                h2("Tillsynsmyndighet"),
                p(
                    "Om du inte är nöjd med vårt svar eller inte får svar inom 14 dagar, kan du göra en anmälan "
                    "till tillsynsmyndigheten.",
                    "Transport- och kommunikationsverket Traficom, tillsynen över digital tillgänglighet. "
                    "Webbplats: www.saavutettavuusvaatimukset.fi",
                ),
                h2("Utlåtandet har utarbetats"),
                p("Utlåtandet har utarbetats 28.11.2026. Webbplatsens tillgänglighet har bedömts av oss själva."),
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "intro": (
                "We want everyone to be able to use the Koivukylä meeting place website. This statement tells "
                "you how accessible the website is and how you can give feedback. It follows the Act on the "
                "Provision of Digital Services (306/2019)."
            ),
            "body": [
                h2("Accessibility status"),
                p(
                    "The website mostly meets the critical accessibility requirements of WCAG 2.1 level AA. You "
                    "can use the website with a keyboard and a screen reader, and it also works without "
                    "JavaScript. The known gaps are listed below."
                ),
                h2("Content that is not accessible"),
                ul(
                    "PDF attachments added by the organisations are not always accessible. You can ask us for "
                    "the content in another format.",
                    "The text alternatives of the organisations' logos depend on the editors. Some may be "
                    "missing or incomplete.",
                    "If some content has not been translated yet, it is shown in Finnish.",
                ),
                p("We fix the gaps as we find them, and we give guidance to our editors."),
                h2("Feedback and contact details"),
                p(
                    "Have you noticed a problem? Tell us by e-mail: kohtaamo@example.fi. You can also ask for "
                    "content that is not available in an accessible format. We will answer within 14 days."
                ),
                h2("Supervisory authority"),
                p(
                    "If you are not happy with our answer, or you get no answer within 14 days, you can report "
                    "it to the supervisory authority.",
                    "Finnish Transport and Communications Agency Traficom, digital accessibility supervision. "
                    "Website: www.saavutettavuusvaatimukset.fi",
                ),
                h2("Date of this statement"),
                p("This statement was written on 28 November 2026. We assessed the website's accessibility ourselves."),
            ],
        },
    },
}

PRIVACY_PAGE = {
    "slug": "tietosuoja",
    "content": {
        "fi": {
            "title": "Tietosuojaseloste",
            "intro": (
                "Tässä kerromme, mitä henkilötietoja sivusto käsittelee, miksi ja kuinka kauan. Keräämme vain "
                "sen, mikä on välttämätöntä."
            ),
            "body": [
                h2("Rekisterinpitäjä ja yhteystiedot"),
                p(
                    "Rekisterinpitäjä on MLL Uudenmaan piiri ry (koordinoiva järjestö). Tietosuoja-asioissa "
                    "tavoitat meidät sähköpostilla: kohtaamo@example.fi."
                ),
                h2("Mitä tietoja käsittelemme ja miksi"),
                p("Perheille sivustolla ei ole käyttäjätunnuksia. Voit lukea sivustoa antamatta tietojasi."),
                ul(
                    "<strong>Ideat:</strong> kun ehdotat ideaa, voit halutessasi antaa sähköpostiosoitteesi. "
                    "Käytämme sitä vain, kun kerromme, mitä idealle on tapahtunut.",
                    "<strong>Ilmoittautuminen yhteiskehittämisen päivään:</strong> yhteystietosi sekä tieto "
                    "siitä, tarvitsetko lastenhoitoa tai tulkkausta. Tarvitsemme tiedot päivän järjestämiseen.",
                    "<strong>Äänestys:</strong> äänestät nimettömällä äänestyskoodilla. Äänestykseen ei liity "
                    "henkilötietoja.",
                    "<strong>Palvelimen lokit:</strong> palvelin tallentaa teknisiä tietoja, jotta sivusto "
                    "toimii ja pysyy turvallisena. IP-osoitteita ei säilytetä pidempään kuin on tarpeen.",
                ),
                h2("Käsittelyn peruste"),
                ul(
                    "Idean ehdottajan sähköpostiosoite: suostumuksesi. Voit perua sen milloin tahansa.",
                    "Ilmoittautumiset: oikeutettu etu järjestää toimintaa, johon ilmoittaudut.",
                    "Lokitiedot: oikeutettu etu pitää sivusto toimivana ja turvallisena.",
                ),
                h2("Tietojen luovutukset"),
                p(
                    "Emme luovuta tietoja kolmansille osapuolille. Ilmoittautumisia käsittelevät vain "
                    "kohtaamispaikan työntekijät, jotka järjestävät tapahtuman. Sivustolla ei ole kolmansien "
                    "osapuolten seurantaa eikä upotuksia muista palveluista."
                ),
                h2("Oikeutesi"),
                ul(
                    "Saat tietää, mitä tietoja sinusta on tallennettu.",
                    "Voit pyytää korjaamaan virheelliset tiedot.",
                    "Voit pyytää poistamaan tietosi.",
                    "Voit tehdä valituksen tietosuojavaltuutetun toimistolle, jos epäilet, että tietojasi "
                    "käsitellään väärin. Lisätietoa: www.tietosuoja.fi",
                ),
                h2("Yhteydenotto"),
                p(
                    "Kysy meiltä tai tee pyyntö sähköpostilla: kohtaamo@example.fi. Vastaamme viimeistään "
                    "kuukauden kuluessa."
                ),
            ],
        },
        "sv": {
            "title": "Dataskyddsbeskrivning",
            "intro": (
                "Här berättar vi vilka personuppgifter webbplatsen behandlar, varför och hur länge. Vi samlar "
                "bara in det som är nödvändigt."
            ),
            "body": [
                h2("Personuppgiftsansvarig och kontaktuppgifter"),
                p(
                    "Personuppgiftsansvarig är MLL Nylands distrikt rf (koordinerande organisation). I frågor "
                    "om dataskydd når du oss per e-post: kohtaamo@example.fi."
                ),
                h2("Vilka uppgifter vi behandlar och varför"),
                p("Familjer har inga användarkonton på webbplatsen. Du kan läsa webbplatsen utan att lämna uppgifter."),
                ul(
                    "<strong>Idéer:</strong> när du föreslår en idé kan du om du vill ge din e-postadress. Vi "
                    "använder den bara för att berätta vad som har hänt med idén.",
                    "<strong>Anmälan till en samutvecklingsdag:</strong> dina kontaktuppgifter och om du behöver "
                    "barnpassning eller tolkning. Vi behöver uppgifterna för att ordna dagen.",
                    "<strong>Röstning:</strong> du röstar med en anonym röstkod. Röstningen kräver inga "
                    "personuppgifter.",
                    "<strong>Serverloggar:</strong> servern sparar tekniska uppgifter så att webbplatsen fungerar "
                    "och är säker. IP-adresser sparas inte längre än nödvändigt.",
                ),
                h2("Grund för behandlingen"),
                ul(
                    "E-postadressen till den som föreslår en idé: ditt samtycke. Du kan återkalla det när som helst.",
                    "Anmälningar: berättigat intresse att ordna den verksamhet du anmäler dig till.",
                    "Loggar: berättigat intresse att hålla webbplatsen fungerande och säker.",
                ),
                h2("Utlämnande av uppgifter"),
                p(
                    "Vi lämnar inte ut uppgifter till tredje parter. Anmälningarna behandlas bara av de anställda "
                    "på mötesplatsen som ordnar evenemanget. Webbplatsen har ingen spårning från tredje parter "
                    "och inget inbäddat innehåll från andra tjänster."
                ),
                h2("Dina rättigheter"),
                ul(
                    "Du får veta vilka uppgifter om dig som har sparats.",
                    "Du kan be oss rätta felaktiga uppgifter.",
                    "Du kan be oss radera dina uppgifter.",
                    "Du kan lämna in ett klagomål till dataombudsmannens byrå om du misstänker att dina "
                    "uppgifter behandlas fel. Mer information: www.tietosuoja.fi",
                ),
                h2("Kontakt"),
                p("Fråga oss eller gör en begäran per e-post: kohtaamo@example.fi. Vi svarar senast inom en månad."),
            ],
        },
        "en": {
            "title": "Privacy notice",
            "intro": (
                "Here we tell you what personal data the website processes, why and for how long. We only "
                "collect what is necessary."
            ),
            "body": [
                h2("Controller and contact details"),
                p(
                    "The controller is MLL Uudenmaan piiri ry, the Uusimaa district of the Mannerheim League for "
                    "Child Welfare (the coordinating organisation). For data protection matters, e-mail us: "
                    "kohtaamo@example.fi."
                ),
                h2("What data we process and why"),
                p("Families do not have user accounts on the website. You can read it without giving any data."),
                ul(
                    "<strong>Ideas:</strong> when you propose an idea, you can give your e-mail address if you "
                    "like. We only use it to tell you what has happened to your idea.",
                    "<strong>Signing up for a co-development day:</strong> your contact details and whether you "
                    "need childcare or an interpreter. We need them to organise the day.",
                    "<strong>Voting:</strong> you vote with an anonymous voting code. Voting needs no personal data.",
                    "<strong>Server logs:</strong> the server records technical data to keep the website working "
                    "and safe. IP addresses are not kept longer than needed.",
                ),
                h2("Legal basis"),
                ul(
                    "The e-mail address of someone proposing an idea: your consent. You can withdraw it at any time.",
                    "Sign-ups: our legitimate interest in organising the activity you sign up for.",
                    "Logs: our legitimate interest in keeping the website working and safe.",
                ),
                h2("Disclosure of data"),
                p(
                    "We do not give data to third parties. Sign-ups are handled only by the meeting place staff "
                    "who organise the event. The website has no third-party tracking and no embedded content from "
                    "other services."
                ),
                h2("Your rights"),
                ul(
                    "You can find out what data about you has been stored.",
                    "You can ask us to correct wrong data.",
                    "You can ask us to delete your data.",
                    "You can complain to the Office of the Data Protection Ombudsman if you think your data is "
                    "handled wrongly. More information: www.tietosuoja.fi",
                ),
                h2("Contact us"),
                p(
                    "Ask us or make a request by e-mail: kohtaamo@example.fi. We will answer within one month at "
                    "the latest."
                ),
            ],
        },
    },
}


def load(homes) -> dict:
    return {
        "accessibility": ensure_page(homes, {**ACCESSIBILITY_PAGE, "show_in_menus": False}),
        "privacy": ensure_page(homes, {**PRIVACY_PAGE, "show_in_menus": False}),
    }
