"""Demo partners from the public sector: the wellbeing services county and the city.

Invented names of units, numbers and addresses (example.fi). When each partner is on site belongs to
the weekly programme, not to these texts.
"""

PUBLIC_PARTNERS = [
    {
        "slug": "perheneuvola",
        "sector": "county",
        "support": ["emotionaalinen", "tiedollinen"],
        "phone": "09 123 4501",
        "email": "perheneuvola@example.fi",
        "website": "https://example.fi/perheneuvola",
        "in_steering_group": True,
        "sort_order": 1,
        "content": {
            "fi": {
                "name": "Vantaan perheneuvola",
                "description": (
                    "Perheneuvola auttaa, kun lapsen kehitys, käytös tai perheen arki huolettaa. "
                    "Kohtaamispaikassa perheneuvolan työntekijän voi tavata ilman ajanvarausta. Voit kysyä "
                    "pienestäkin asiasta, ja yhdessä mietitään, mikä auttaisi. Perheneuvola kuuluu Vantaan ja "
                    "Keravan hyvinvointialueeseen."
                ),
                "responsibility": "Perheiden neuvonta-aika ilman ajanvarausta",
            },
            "sv": {
                "name": "Vanda familjerådgivning",
                "description": (
                    "Familjerådgivningen hjälper när du är orolig för barnets utveckling, beteende eller "
                    "familjens vardag. På mötesplatsen kan du träffa familjerådgivningen utan tidsbokning. "
                    "Du får fråga också om små saker, och tillsammans funderar ni på vad som kan hjälpa. "
                    "Familjerådgivningen hör till Vanda och Kervo välfärdsområde."
                ),
                "responsibility": "Rådgivning för familjer utan tidsbokning",
            },
            "en": {
                "name": "Family counselling in Vantaa",
                "description": (
                    "Family counselling helps when you worry about your child's development or behaviour, or "
                    "about everyday life at home. At the meeting place you can see a family counsellor "
                    "without an appointment. No question is too small, and together you think about what "
                    "could help. Family counselling is part of the Vantaa and Kerava wellbeing services county."
                ),
                "responsibility": "Drop-in counselling for families",
            },
        },
    },
    {
        "slug": "neuvola",
        "sector": "county",
        "support": ["tiedollinen", "emotionaalinen"],
        "phone": "09 123 4502",
        "email": "neuvola@example.fi",
        "website": "https://example.fi/neuvola",
        "in_steering_group": False,
        "sort_order": 2,
        "content": {
            "fi": {
                "name": "Koivukylän lastenneuvola",
                "description": (
                    "Neuvolan terveydenhoitaja käy kohtaamispaikassa säännöllisesti. Voit kysyä esimerkiksi "
                    "imetyksestä, unesta, ruokailusta tai lapsen kasvusta. Vauvan voi punnita paikan päällä. "
                    "Terveydenhoitaja tuntee alueen muut palvelut ja auttaa löytämään oikean avun."
                ),
                "responsibility": "Terveydenhoitajan neuvonta-aika ja vauvapunnitus",
            },
            "sv": {
                "name": "Björkby barnrådgivning",
                "description": (
                    "En hälsovårdare från barnrådgivningen kommer regelbundet till mötesplatsen. Du kan till "
                    "exempel fråga om amning, sömn, mat eller barnets tillväxt. Du kan också väga din bebis "
                    "på plats. Hälsovårdaren känner till andra tjänster i området och hjälper dig att hitta "
                    "rätt hjälp."
                ),
                "responsibility": "Hälsovårdarens rådgivning och vägning av bebisar",
            },
            "en": {
                "name": "Koivukylä child health clinic",
                "description": (
                    "A public health nurse from the child health clinic (neuvola) visits the meeting place "
                    "regularly. You can ask about breastfeeding, sleep, food or your child's growth, for "
                    "example. You can also have your baby weighed. The nurse knows the other services in the "
                    "area and helps you find the right help."
                ),
                "responsibility": "Nurse's drop-in hour and baby weighing",
            },
        },
    },
    {
        "slug": "perhesosiaalityo",
        "sector": "county",
        "support": ["tiedollinen", "toiminnallinen", "aineellinen"],
        "phone": "09 123 4503",
        "email": "sosiaaliohjaus@example.fi",
        "website": "https://example.fi/sosiaaliohjaus",
        "in_steering_group": True,
        "sort_order": 3,
        "content": {
            "fi": {
                "name": "Lapsiperheiden sosiaaliohjaus",
                "description": (
                    "Sosiaaliohjaaja auttaa, kun arki on raskasta tai rahat eivät riitä. Hän kertoo, millaista "
                    "tukea perhe voi saada, esimerkiksi lapsiperheiden kotipalvelua tai taloudellista tukea, "
                    "ja auttaa hakemusten kanssa. Kohtaamispaikassa voit jutella sosiaaliohjaajan kanssa ilman "
                    "ajanvarausta. Sinun ei tarvitse olla ensin asiakas."
                ),
                "responsibility": "Sosiaaliohjauksen neuvonta-aika",
            },
            "sv": {
                "name": "Socialhandledning för barnfamiljer",
                "description": (
                    "Socialhandledaren hjälper när vardagen känns tung eller pengarna inte räcker. Hen "
                    "berättar vilket stöd familjen kan få, till exempel hemservice för barnfamiljer eller "
                    "ekonomiskt stöd, och hjälper till med ansökningar. På mötesplatsen kan du prata med "
                    "socialhandledaren utan tidsbokning. Du behöver inte vara klient först."
                ),
                "responsibility": "Socialhandledning utan tidsbokning",
            },
            "en": {
                "name": "Social guidance for families with children",
                "description": (
                    "A social care worker helps when everyday life feels heavy or money is tight. They tell "
                    "you what support your family can get, such as home help for families or financial "
                    "support, and help you with the applications. At the meeting place you can talk to them "
                    "without an appointment. You do not have to be a client first."
                ),
                "responsibility": "Drop-in social guidance",
            },
        },
    },
    {
        "slug": "varhaiskasvatus",
        "sector": "city",
        "support": ["tiedollinen", "toiminnallinen"],
        "phone": "09 123 4504",
        "email": "varhaiskasvatus@example.fi",
        "website": "https://example.fi/varhaiskasvatus",
        "in_steering_group": True,
        "sort_order": 4,
        "content": {
            "fi": {
                "name": "Vantaan varhaiskasvatus",
                "description": (
                    "Varhaiskasvatuksen työntekijät ohjaavat kohtaamispaikassa leikkiä, laulua ja liikuntaa "
                    "lapsille ja vanhemmille. Samalla voit kysyä päiväkodista, kerhoista ja "
                    "varhaiskasvatuspaikan hakemisesta. He auttavat myös löytämään lapselle hoitopaikan. "
                    "Avoin toiminta on hyvä tapa tutustua ryhmään ennen päiväkotia."
                ),
                "responsibility": "Avoin leikki- ja muskaritoiminta sekä neuvonta varhaiskasvatuksesta",
            },
            "sv": {
                "name": "Vanda småbarnspedagogik",
                "description": (
                    "Personalen inom småbarnspedagogiken leder lek, sång och rörelse för barn och föräldrar "
                    "på mötesplatsen. Samtidigt kan du fråga om daghem, klubbar och hur du söker en plats "
                    "inom småbarnspedagogiken. De hjälper dig också att hitta en vårdplats för barnet. Den "
                    "öppna verksamheten är ett bra sätt att vänja sig vid en grupp före daghemmet."
                ),
                "responsibility": "Öppen lek och musiklek samt rådgivning om småbarnspedagogik",
            },
            "en": {
                "name": "Early childhood education in Vantaa",
                "description": (
                    "Early childhood educators lead play, singing and movement for children and parents at "
                    "the meeting place. You can also ask them about day care, clubs and how to apply for a "
                    "place. They help you find childcare for your child, too. The open activities are a good "
                    "way to get used to being in a group before day care starts."
                ),
                "responsibility": "Open play and music play, and advice on early childhood education",
            },
        },
    },
    {
        "slug": "kirjasto",
        "sector": "city",
        "support": ["tiedollinen", "vertaistuki"],
        "phone": "09 123 4505",
        "email": "kirjasto@example.fi",
        "website": "https://example.fi/kirjasto",
        "in_steering_group": False,
        "sort_order": 5,
        "content": {
            "fi": {
                "name": "Vantaan kaupunginkirjasto",
                "description": (
                    "Kirjaston työntekijät pitävät kohtaamispaikassa satutunteja ja tuovat mukanaan "
                    "lastenkirjoja monilla kielillä. Voit kysyä vinkkejä lukemiseen ja apua esimerkiksi "
                    "sähköisten palvelujen käyttöön. Satutunnin jälkeen on hyvä hetki jäädä juttelemaan "
                    "muiden vanhempien kanssa."
                ),
                "responsibility": "Satutunnit ja lukemisen tukeminen",
            },
            "sv": {
                "name": "Vanda stadsbibliotek",
                "description": (
                    "Bibliotekets personal håller sagostunder på mötesplatsen och tar med barnböcker på många "
                    "språk. Du kan fråga efter lästips och få hjälp till exempel med digitala tjänster. Efter "
                    "sagostunden är det ett bra tillfälle att stanna och prata med andra föräldrar."
                ),
                "responsibility": "Sagostunder och stöd för läsandet",
            },
            "en": {
                "name": "Vantaa City Library",
                "description": (
                    "Library staff hold story times at the meeting place and bring children's books in many "
                    "languages. You can ask for reading tips and get help with online services, for example. "
                    "After story time it is a good moment to stay and chat with other parents."
                ),
                "responsibility": "Story times and support for reading",
            },
        },
    },
]
