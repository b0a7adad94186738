"""Demo data of the pages app: support types, partners and the help, visiting and legal pages, in fi, sv and en.

Pure data. The facts about the place follow the Koivukylä model's own description; the names of people and
groups, phone numbers, e-mail addresses and websites are invented (example.fi).
"""

from .demo_blocks import faq, h2, p, ul

SUPPORT_TYPES = [
    {
        "slug": "vertaistuki",
        "category": "peer",
        "icon": "people",
        "sort_order": 1,
        "content": {
            "fi": {
                "name": "Vertaistuki",
                "explanation": (
                    "Tukea muilta vanhemmilta, jotka elävät samanlaista arkea. Voit jutella, jakaa kokemuksia "
                    "ja huomata, ettet ole yksin. Näin syntyy yhteisö, johon kuulua."
                ),
            },
            "sv": {
                "name": "Kamratstöd",
                "explanation": (
                    "Stöd från andra föräldrar som lever en liknande vardag. Du kan prata, dela erfarenheter "
                    "och märka att du inte är ensam. Så växer en gemenskap där du hör hemma."
                ),
            },
            "en": {
                "name": "Peer support",
                "explanation": (
                    "Support from other parents whose everyday life is a lot like yours. You can talk, share "
                    "experiences and see that you are not alone. Together you become a community."
                ),
            },
        },
    },
    {
        "slug": "emotionaalinen",
        "category": "psychosocial",
        "icon": "heart",
        "sort_order": 2,
        "content": {
            "fi": {
                "name": "Emotionaalinen tuki",
                "explanation": (
                    "Joku kuuntelee sinua, rohkaisee ja ymmärtää. Saat kertoa, miltä sinusta tuntuu. "
                    "Sinun ei tarvitse pärjätä yksin."
                ),
            },
            "sv": {
                "name": "Emotionellt stöd",
                "explanation": (
                    "Någon lyssnar på dig, uppmuntrar dig och förstår. Du får berätta hur du mår. "
                    "Du behöver inte klara allt ensam."
                ),
            },
            "en": {
                "name": "Emotional support",
                "explanation": (
                    "Someone listens to you, encourages you and understands. You can say how you feel. "
                    "You do not have to cope on your own."
                ),
            },
        },
    },
    {
        "slug": "tiedollinen",
        "category": "psychosocial",
        "icon": "info",
        "sort_order": 3,
        "content": {
            "fi": {
                "name": "Tiedollinen tuki",
                "explanation": (
                    "Tietoa ja neuvoja, jotka sopivat juuri sinun tilanteeseesi. Ammattilaiset kertovat "
                    "tutkittua tietoa, ja muut vanhemmat jakavat omaa kokemustaan."
                ),
            },
            "sv": {
                "name": "Information och råd",
                "explanation": (
                    "Information och råd som passar just din situation. Yrkesfolk delar kunskap som bygger på "
                    "forskning, och andra föräldrar delar sina egna erfarenheter."
                ),
            },
            "en": {
                "name": "Information and advice",
                "explanation": (
                    "Information and advice that fit your situation. Professionals share what research tells "
                    "us, and other parents share what they have learnt from their own lives."
                ),
            },
        },
    },
    {
        "slug": "henkinen",
        "category": "psychosocial",
        "icon": "light",
        "sort_order": 4,
        "content": {
            "fi": {
                "name": "Henkinen tuki",
                "explanation": (
                    "Voit puhua siitä, mikä elämässä on tärkeää ja merkityksellistä. Voit jakaa arvoja, "
                    "ajatuksia, uskoa tai elämänkatsomusta omalla tavallasi."
                ),
            },
            "sv": {
                "name": "Andligt stöd",
                "explanation": (
                    "Du kan prata om det som är viktigt och meningsfullt i livet. Du kan dela värderingar, "
                    "tankar, tro eller livsåskådning på ditt eget sätt."
                ),
            },
            "en": {
                "name": "Spiritual support",
                "explanation": (
                    "You can talk about what gives your life meaning. You can share values, thoughts, faith "
                    "or your view of life, in your own way."
                ),
            },
        },
    },
    {
        "slug": "toiminnallinen",
        "category": "instrumental",
        "icon": "hands",
        "sort_order": 5,
        "content": {
            "fi": {
                "name": "Toiminnallinen tuki",
                "explanation": (
                    "Käytännön apua arkeen. Esimerkiksi joku hoitaa lastasi hetken, kun sinä hoidat asioita, "
                    "käyt neuvonnassa tai lepäät."
                ),
            },
            "sv": {
                "name": "Hjälp i vardagen",
                "explanation": (
                    "Praktisk hjälp i vardagen. Till exempel tar någon hand om ditt barn en stund medan du "
                    "sköter ärenden, går på rådgivning eller vilar."
                ),
            },
            "en": {
                "name": "Everyday help",
                "explanation": (
                    "Practical help with daily life. For example, someone looks after your child for a while "
                    "so you can run errands, see a counsellor or rest."
                ),
            },
        },
    },
    {
        "slug": "aineellinen",
        "category": "instrumental",
        "icon": "basket",
        "sort_order": 6,
        "content": {
            "fi": {
                "name": "Aineellinen tuki",
                "explanation": (
                    "Ruokaa, vaatteita, tavaraa tai rahallista avustusta silloin, kun rahat eivät riitä. "
                    "Työntekijä auttaa tarvittaessa myös avustuksen hakemisessa."
                ),
            },
            "sv": {
                "name": "Materiell hjälp",
                "explanation": (
                    "Mat, kläder, saker eller ekonomiskt bidrag när pengarna inte räcker. Personalen hjälper "
                    "dig också att söka bidrag om du behöver."
                ),
            },
            "en": {
                "name": "Material help",
                "explanation": (
                    "Food, clothes, other things or a grant when money is tight. Staff can also help you "
                    "apply for financial support."
                ),
            },
        },
    },
]

PARTNERS = [
    {
        "slug": "perheneuvola",
        "sector": "county",
        "support": ["emotionaalinen", "tiedollinen"],
        "phone": "09 123 4501",
        "email": "perheneuvola@example.fi",
        "website": "https://example.fi/perheneuvola",
        "in_steering_group": True,
        "is_chair": False,
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
                "responsibility": "Perheiden neuvonta-aika tiistaisin",
            },
            "sv": {
                "name": "Vanda familjerådgivning",
                "description": (
                    "Familjerådgivningen hjälper när du är orolig för barnets utveckling, beteende eller "
                    "familjens vardag. På mötesplatsen kan du träffa familjerådgivningen utan tidsbokning. "
                    "Du får fråga också om små saker, och tillsammans funderar ni på vad som kan hjälpa. "
                    "Familjerådgivningen hör till Vanda och Kervo välfärdsområde."
                ),
                "responsibility": "Rådgivning för familjer på tisdagar",
            },
            "en": {
                "name": "Family counselling in Vantaa",
                "description": (
                    "Family counselling helps when you worry about your child's development or behaviour, or "
                    "about everyday life at home. At the meeting place you can see a family counsellor "
                    "without an appointment. No question is too small, and together you think about what "
                    "could help. Family counselling is part of the Vantaa and Kerava wellbeing services county."
                ),
                "responsibility": "Drop-in counselling for families on Tuesdays",
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
        "is_chair": False,
        "sort_order": 2,
        "content": {
            "fi": {
                "name": "Koivukylän lastenneuvola",
                "description": (
                    "Neuvolan terveydenhoitaja käy kohtaamispaikassa säännöllisesti. Voit kysyä esimerkiksi "
                    "imetyksestä, unesta, ruokailusta tai lapsen kasvusta. Vauvan voi punnita paikan päällä. "
                    "Terveydenhoitaja tuntee alueen muut palvelut ja auttaa löytämään oikean avun."
                ),
                "responsibility": "Terveydenhoitajan neuvonta-aika ja vauvapunnitus keskiviikkoisin",
            },
            "sv": {
                "name": "Björkby barnrådgivning",
                "description": (
                    "En hälsovårdare från barnrådgivningen kommer regelbundet till mötesplatsen. Du kan till "
                    "exempel fråga om amning, sömn, mat eller barnets tillväxt. Du kan också väga din bebis "
                    "på plats. Hälsovårdaren känner till andra tjänster i området och hjälper dig att hitta "
                    "rätt hjälp."
                ),
                "responsibility": "Hälsovårdarens rådgivning och vägning av bebisar på onsdagar",
            },
            "en": {
                "name": "Koivukylä child health clinic",
                "description": (
                    "A public health nurse from the child health clinic (neuvola) visits the meeting place "
                    "regularly. You can ask about breastfeeding, sleep, food or your child's growth, for "
                    "example. You can also have your baby weighed. The nurse knows the other services in the "
                    "area and helps you find the right help."
                ),
                "responsibility": "Nurse's drop-in hour and baby weighing on Wednesdays",
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
        "is_chair": False,
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
                "responsibility": "Sosiaaliohjauksen neuvonta-aika maanantaisin",
            },
            "sv": {
                "name": "Socialhandledning för barnfamiljer",
                "description": (
                    "Socialhandledaren hjälper när vardagen känns tung eller pengarna inte räcker. Hen "
                    "berättar vilket stöd familjen kan få, till exempel hemservice för barnfamiljer eller "
                    "ekonomiskt stöd, och hjälper till med ansökningar. På mötesplatsen kan du prata med "
                    "socialhandledaren utan tidsbokning. Du behöver inte vara klient först."
                ),
                "responsibility": "Socialhandledning utan tidsbokning på måndagar",
            },
            "en": {
                "name": "Social guidance for families with children",
                "description": (
                    "A social care worker helps when everyday life feels heavy or money is tight. They tell "
                    "you what support your family can get, such as home help for families or financial "
                    "support, and help you with the applications. At the meeting place you can talk to them "
                    "without an appointment. You do not have to be a client first."
                ),
                "responsibility": "Drop-in social guidance on Mondays",
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
        "is_chair": True,
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
        "is_chair": False,
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
    {
        "slug": "mll-uusimaa",
        "sector": "ngo",
        "support": ["vertaistuki", "emotionaalinen", "toiminnallinen"],
        "phone": "09 123 4506",
        "email": "mll-uusimaa@example.fi",
        "website": "https://example.fi/mll-uusimaa",
        "in_steering_group": True,
        "is_chair": False,
        "sort_order": 6,
        "content": {
            "fi": {
                "name": "MLL Uudenmaan piiri",
                "description": (
                    "MLL Uudenmaan piiri koordinoi kohtaamispaikan toimintaa. Koordinaattorit suunnittelevat "
                    "avointa toimintaa, kokoavat eri toimijat yhteen ja tuntevat kävijäperheet. He ohjaavat "
                    "vapaaehtoisia ja vertaisryhmiä. Koordinaattorin kanssa voit jutella mistä vain, ja hän "
                    "auttaa löytämään oikean avun. MLL:ltä voit kysyä myös lastenhoitoapua."
                ),
                "responsibility": "Kohtaamispaikan koordinointi, vapaaehtoistoiminta ja viestintä",
            },
            "sv": {
                "name": "MLL Nylands distrikt",
                "description": (
                    "MLL Nylands distrikt koordinerar verksamheten på mötesplatsen. Koordinatorerna planerar "
                    "den öppna verksamheten, för samman de olika aktörerna och känner familjerna som kommer "
                    "hit. De leder frivilliga och kamratgrupper. Du kan prata med koordinatorn om vad som "
                    "helst, och hen hjälper dig att hitta rätt hjälp. Du kan också fråga MLL om barnpassning."
                ),
                "responsibility": "Koordinering av mötesplatsen, frivilligverksamhet och kommunikation",
            },
            "en": {
                "name": "Mannerheim League for Child Welfare, Uusimaa district",
                "description": (
                    "The Mannerheim League for Child Welfare (MLL), Uusimaa district, coordinates the meeting "
                    "place. The coordinators plan the open activities, bring the organisations together and "
                    "know the visiting families. They guide volunteers and peer groups. You can talk to a "
                    "coordinator about anything, and they help you find the right help. You can also ask MLL "
                    "about childcare help."
                ),
                "responsibility": "Coordinating the place, volunteering and communication",
            },
        },
    },
    {
        "slug": "kotisilta",
        "sector": "ngo",
        "support": ["vertaistuki", "tiedollinen", "henkinen"],
        "phone": "040 123 4507",
        "email": "kotisilta@example.fi",
        "website": "https://example.fi/kotisilta",
        "in_steering_group": True,
        "is_chair": False,
        "sort_order": 7,
        "content": {
            "fi": {
                "name": "Monikulttuuristen perheiden yhdistys Kotisilta ry",
                "description": (
                    "Kotisilta tukee perheitä, jotka ovat muuttaneet Suomeen tai joissa puhutaan monia kieliä. "
                    "Kohtaamispaikassa yhdistys pitää vertaisryhmiä ja kielikahvilaa, jossa harjoitellaan "
                    "suomea rennosti. Työntekijät auttavat ymmärtämään palveluja omalla kielellä. Ryhmissä voi "
                    "jakaa ajatuksia arvoista, kulttuurista ja uskosta, kun perhe elää kahden kulttuurin "
                    "keskellä."
                ),
                "responsibility": "Vertaisryhmät ja kielikahvila monikielisille perheille",
            },
            "sv": {
                "name": "Föreningen för mångkulturella familjer Kotisilta rf",
                "description": (
                    "Kotisilta stöder familjer som har flyttat till Finland eller där man talar flera språk. "
                    "På mötesplatsen håller föreningen kamratgrupper och ett språkkafé där man övar finska i "
                    "lugn och ro. Personalen hjälper dig att förstå tjänsterna på ditt eget språk. I grupperna "
                    "kan du dela tankar om värderingar, kultur och tro när familjen lever mellan två kulturer."
                ),
                "responsibility": "Kamratgrupper och språkkafé för flerspråkiga familjer",
            },
            "en": {
                "name": "Kotisilta Association of Multicultural Families",
                "description": (
                    "Kotisilta supports families who have moved to Finland or who speak several languages at "
                    "home. At the meeting place the association runs peer groups and a language café where "
                    "you can practise Finnish in a relaxed way. Staff help you understand services in your "
                    "own language. In the groups you can share thoughts about values, culture and faith when "
                    "your family lives between two cultures."
                ),
                "responsibility": "Peer groups and a language café for multilingual families",
            },
        },
    },
    {
        "slug": "kiertokori",
        "sector": "ngo",
        "support": ["aineellinen", "vertaistuki"],
        "phone": "040 123 4508",
        "email": "kiertokori@example.fi",
        "website": "https://example.fi/kiertokori",
        "in_steering_group": False,
        "is_chair": False,
        "sort_order": 8,
        "content": {
            "fi": {
                "name": "Kierrätysyhdistys Kiertokori ry",
                "description": (
                    "Kiertokori kerää lahjoituksina lastenvaatteita, leluja ja lastentarvikkeita ja jakaa ne "
                    "perheille maksutta. Kohtaamispaikassa on vaatehuone, josta voit ottaa sen, mitä "
                    "tarvitset. Vapaaehtoiset järjestävät myös vaihtotoreja, joissa vanhemmat tapaavat "
                    "toisiaan ja vaihtavat tavaroita."
                ),
                "responsibility": "Vaate- ja tavaralahjoitukset sekä vaihtotorit",
            },
            "sv": {
                "name": "Återvinningsföreningen Kiertokori rf",
                "description": (
                    "Kiertokori samlar in donerade barnkläder, leksaker och barnartiklar och delar ut dem "
                    "gratis till familjer. På mötesplatsen finns ett klädrum där du kan ta det du behöver. "
                    "Frivilliga ordnar också bytesdagar, där föräldrar träffas och byter saker med varandra."
                ),
                "responsibility": "Donationer av kläder och saker samt bytesdagar",
            },
            "en": {
                "name": "Kiertokori Recycling Association",
                "description": (
                    "Kiertokori collects donated children's clothes, toys and baby equipment and gives them "
                    "to families for free. The meeting place has a clothes room where you can take what you "
                    "need. Volunteers also hold swap days, where parents meet and swap things with each other."
                ),
                "responsibility": "Donated clothes and goods, and swap days",
            },
        },
    },
    {
        "slug": "seurakunta",
        "sector": "parish",
        "support": ["aineellinen", "henkinen", "emotionaalinen", "vertaistuki"],
        "phone": "09 123 4509",
        "email": "seurakunta@example.fi",
        "website": "https://example.fi/seurakunta",
        "in_steering_group": False,
        "is_chair": False,
        "sort_order": 9,
        "content": {
            "fi": {
                "name": "Koivukylän seurakunta",
                "description": (
                    "Seurakunnan perhetyöntekijät pitävät kohtaamispaikassa perhekerhoa ja ovat mukana "
                    "avoimessa toiminnassa. Heidän kanssaan voi puhua luottamuksellisesti arjen iloista ja "
                    "huolista, myös uskosta ja elämän tarkoituksesta. Seurakunta jakaa ruoka-apua ja voi "
                    "myöntää pienen avustuksen perheelle, jolla on vaikeaa. Kaikki ovat tervetulleita "
                    "vakaumuksesta riippumatta."
                ),
                "responsibility": "Ruoka-apu torstaisin, diakoniatyön avustukset ja perhekerho",
            },
            "sv": {
                "name": "Björkby församling",
                "description": (
                    "Församlingens familjearbetare håller familjeklubb på mötesplatsen och är med i den öppna "
                    "verksamheten. Med dem kan du prata i förtroende om vardagens glädje och bekymmer, också "
                    "om tro och livets mening. Församlingen delar ut mathjälp och kan ge ett litet bidrag till "
                    "en familj som har det svårt. Alla är välkomna oberoende av övertygelse."
                ),
                "responsibility": "Mathjälp på torsdagar, diakonins bidrag och familjeklubb",
            },
            "en": {
                "name": "Koivukylä parish",
                "description": (
                    "The parish's family workers run a family club at the meeting place and take part in the "
                    "open activities. You can talk with them in confidence about the joys and worries of "
                    "everyday life, and about faith and the meaning of life, too. The parish hands out food "
                    "aid and can give a small grant to a family going through a hard time. Everyone is "
                    "welcome, whatever their beliefs."
                ),
                "responsibility": "Food aid on Thursdays, small grants from the parish and a family club",
            },
        },
    },
    {
        "slug": "kylan-isovanhemmat",
        "sector": "other",
        "support": ["toiminnallinen", "emotionaalinen"],
        "phone": "040 123 4510",
        "email": "isovanhemmat@example.fi",
        "website": "https://example.fi/kylan-isovanhemmat",
        "in_steering_group": False,
        "is_chair": False,
        "sort_order": 10,
        "content": {
            "fi": {
                "name": "Kylän isovanhemmat -vapaaehtoisryhmä",
                "description": (
                    "Kylän isovanhemmat ovat alueen eläkeläisiä, jotka toimivat kohtaamispaikassa "
                    "vapaaehtoisina. He leikkivät lasten kanssa, lukevat ääneen ja katsovat lapsen perään "
                    "hetken, kun vanhempi tarvitsee tauon tai käy neuvonnassa. Heillä on aikaa kuunnella ja "
                    "jutella. Ryhmään voi liittyä mukaan, jos haluat itse auttaa."
                ),
                "responsibility": "Lastenhoitoapu avoimen toiminnan aikana",
            },
            "sv": {
                "name": "Byns mor- och farföräldrar (frivilliggrupp)",
                "description": (
                    "Byns mor- och farföräldrar är pensionärer från området som är frivilliga på mötesplatsen. "
                    "De leker med barnen, läser högt och ser efter barnet en stund när föräldern behöver en "
                    "paus eller går på rådgivning. De har tid att lyssna och prata. Du kan gå med i gruppen "
                    "om du själv vill hjälpa till."
                ),
                "responsibility": "Barnpassning under den öppna verksamheten",
            },
            "en": {
                "name": "Village Grandparents volunteer group",
                "description": (
                    "The Village Grandparents are retired people from the area who volunteer at the meeting "
                    "place. They play with the children, read aloud and look after your child for a moment "
                    "when you need a break or are seeing a counsellor. They have time to listen and chat. You "
                    "can join the group if you would like to help, too."
                ),
                "responsibility": "Childcare help during the open activities",
            },
        },
    },
]

PARTNERS_PAGE = {
    "slug": "toimijat",
    "content": {
        "fi": {
            "title": "Toimijat",
            "intro": (
                "Kohtaamispaikassa hyvinvointialue, kaupunki, järjestöt, seurakunta ja vapaaehtoiset tekevät "
                "työtä saman katon alla. Täältä näet, kuka on paikalla ja millaista tukea kukin antaa. Kysy "
                "rohkeasti keneltä tahansa: autamme sinut oikean avun luo."
            ),
        },
        "sv": {
            "title": "Aktörer",
            "intro": (
                "På mötesplatsen arbetar välfärdsområdet, staden, organisationer, församlingen och frivilliga "
                "under samma tak. Här ser du vem som finns på plats och vilket stöd var och en ger. Fråga vem "
                "som helst av oss: vi hjälper dig till rätt hjälp."
            ),
        },
        "en": {
            "title": "Organisations",
            "intro": (
                "At the meeting place the wellbeing services county, the city, non-profit organisations, the "
                "parish and volunteers work under one roof. Here you can see who is there and what kind of "
                "support each one gives. Feel free to ask any of us: we will help you find the right help."
            ),
        },
    },
}

HELP_PAGE = {
    "slug": "apua",
    "content": {
        "fi": {
            "title": "Mistä saan apua?",
            "intro": (
                "Valitse tilanne, joka kuulostaa tutulta. Näet, millaista tukea kohtaamispaikasta saa ja kuka "
                "sitä antaa. Voit aina myös kysyä paikan päällä. Autamme löytämään oikean avun."
            ),
        },
        "sv": {
            "title": "Var får jag hjälp?",
            "intro": (
                "Välj en situation som känns bekant. Du ser vilket stöd du kan få på mötesplatsen och vem som "
                "ger det. Du kan alltid också fråga på plats. Vi hjälper dig att hitta rätt hjälp."
            ),
        },
        "en": {
            "title": "Where can I get help?",
            "intro": (
                "Choose a situation that sounds familiar. You will see what support the meeting place offers "
                "and who gives it. You can always ask in person, too. We will help you find the right help."
            ),
        },
    },
    "situations": [
        {
            "slug": "puhuminen",
            "support": ["emotionaalinen", "vertaistuki"],
            "content": {
                "fi": {
                    "label": "Tarvitsen jonkun, jolle puhua",
                    "explanation": (
                        "Tule juttelemaan aukioloaikoina, ajanvarausta ei tarvita. Työntekijät ja muut "
                        "vanhemmat kuuntelevat. Jos tarvitset enemmän apua, autamme sinut oikean ammattilaisen "
                        "luo."
                    ),
                },
                "sv": {
                    "label": "Jag behöver någon att prata med",
                    "explanation": (
                        "Kom och prata under öppettiderna, du behöver inte boka tid. Personalen och andra "
                        "föräldrar lyssnar. Om du behöver mer hjälp, hjälper vi dig till rätt yrkesperson."
                    ),
                },
                "en": {
                    "label": "I need someone to talk to",
                    "explanation": (
                        "Come in for a chat during opening hours, no appointment needed. Staff and other "
                        "parents will listen. If you need more help, we will take you to the right professional."
                    ),
                },
            },
        },
        {
            "slug": "ruoka-ja-tavarat",
            "support": ["aineellinen"],
            "content": {
                "fi": {
                    "label": "Tarvitsemme ruokaa tai tavaraa",
                    "explanation": (
                        "Kohtaamispaikasta saa ruoka-apua sekä lastenvaatteita ja tavaroita. Sinun ei tarvitse "
                        "selittää tilannettasi pitkästi. Kysy rohkeasti työntekijältä, niin katsotaan yhdessä, "
                        "mitä apua on tarjolla."
                    ),
                },
                "sv": {
                    "label": "Vi behöver mat eller saker",
                    "explanation": (
                        "På mötesplatsen kan du få mathjälp, barnkläder och saker. Du behöver inte förklara din "
                        "situation i detalj. Fråga personalen, så tittar vi tillsammans på vilken hjälp som finns."
                    ),
                },
                "en": {
                    "label": "We need food or things",
                    "explanation": (
                        "At the meeting place you can get food aid, children's clothes and other things. You do "
                        "not need to explain your situation at length. Just ask the staff, and we will see "
                        "together what help there is."
                    ),
                },
            },
        },
        {
            "slug": "lastenhoito",
            "support": ["toiminnallinen"],
            "content": {
                "fi": {
                    "label": "Tarvitsen apua lastenhoitoon",
                    "explanation": (
                        "Joskus tarvitset hetken omaa aikaa tai rauhan hoitaa asioita. Kysy kohtaamispaikassa "
                        "lastenhoitoavusta. Voimme myös kertoa, mistä saat apua pidemmäksi aikaa."
                    ),
                },
                "sv": {
                    "label": "Jag behöver hjälp med barnpassning",
                    "explanation": (
                        "Ibland behöver du en stund för dig själv eller lugn och ro att sköta ärenden. Fråga om "
                        "barnpassning på mötesplatsen. Vi kan också berätta var du får hjälp för en längre tid."
                    ),
                },
                "en": {
                    "label": "I need help with childcare",
                    "explanation": (
                        "Sometimes you need a moment for yourself or some peace to get things done. Ask about "
                        "childcare help at the meeting place. We can also tell you where to get help for longer."
                    ),
                },
            },
        },
        {
            "slug": "neuvoja",
            "support": ["tiedollinen"],
            "content": {
                "fi": {
                    "label": "Haluan neuvoja arjen asioihin",
                    "explanation": (
                        "Unet, ruoka, raha-asiat, päiväkoti tai lomakkeet mietityttävät? Tule neuvonta-aikaan "
                        "ilman ajanvarausta. Eri alojen ammattilaiset ja muut vanhemmat auttavat sinua."
                    ),
                },
                "sv": {
                    "label": "Jag vill ha råd om vardagen",
                    "explanation": (
                        "Funderar du på sömn, mat, pengar, daghem eller blanketter? Kom till rådgivningen utan "
                        "tidsbokning. Yrkesfolk från olika områden och andra föräldrar hjälper dig."
                    ),
                },
                "en": {
                    "label": "I want advice on everyday matters",
                    "explanation": (
                        "Wondering about sleep, food, money, day care or forms? Come to a drop-in hour, no "
                        "appointment needed. Professionals from different fields and other parents will help."
                    ),
                },
            },
        },
        {
            "slug": "muut-vanhemmat",
            "support": ["vertaistuki"],
            "content": {
                "fi": {
                    "label": "Haluan tavata muita vanhempia",
                    "explanation": (
                        "Tule avoimeen toimintaan tai vertaisryhmään. Voit tulla ja lähteä milloin haluat. "
                        "Kahvikupin ääressä on helppo tutustua, ja lapset leikkivät samalla."
                    ),
                },
                "sv": {
                    "label": "Jag vill träffa andra föräldrar",
                    "explanation": (
                        "Kom till den öppna verksamheten eller en kamratgrupp. Du kan komma och gå som du vill. "
                        "Över en kopp kaffe är det lätt att lära känna andra medan barnen leker."
                    ),
                },
                "en": {
                    "label": "I want to meet other parents",
                    "explanation": (
                        "Join the open activities or a peer group. You can come and go as you like. It is easy "
                        "to get to know people over a cup of coffee while the children play."
                    ),
                },
            },
        },
        {
            "slug": "elama-ja-usko",
            "support": ["henkinen", "emotionaalinen"],
            "content": {
                "fi": {
                    "label": "Mietin elämän tarkoitusta tai uskoa",
                    "explanation": (
                        "Suuret kysymykset nousevat usein esiin, kun elämä muuttuu. Voit puhua arvoista, "
                        "uskosta tai elämänkatsomuksesta. Sinua kuunnellaan vakaumuksestasi riippumatta."
                    ),
                },
                "sv": {
                    "label": "Jag funderar på livets mening eller tro",
                    "explanation": (
                        "De stora frågorna dyker ofta upp när livet förändras. Du kan prata om värderingar, tro "
                        "eller livsåskådning. Vi lyssnar på dig oberoende av din övertygelse."
                    ),
                },
                "en": {
                    "label": "I have questions about meaning or faith",
                    "explanation": (
                        "Big questions often come up when life changes. You can talk about values, faith or "
                        "your view of life. We will listen to you, whatever your beliefs."
                    ),
                },
            },
        },
    ],
}

VISIT_PAGE = {
    "slug": "tule-kaymaan",
    "content": {
        "fi": {
            "title": "Tule käymään",
            "intro": (
                "Kohtaamispaikkaan voit tulla arkisin ilman ilmoittautumista. Kaikki avoin toiminta on "
                "maksutonta. Olet tervetullut kaikenikäisten lasten kanssa, vauvasta kouluikäiseen."
            ),
            "entrance": (
                "Sisäänkäynti on pihan puolella. Ovelle pääsee ilman portaita, ja ovi aukeaa automaattisesti."
            ),
            "pram_parking": "Lastenvaunut voi jättää sisälle aulan vaunuparkkiin.",
            "changing_table": (
                "Vessassa on hoitopöytä ja lasten kokoinen wc-istuin. Esteetön wc on ensimmäisessä kerroksessa."
            ),
            "lift": "Tilat ovat kahdessa kerroksessa. Toiseen kerrokseen pääsee hissillä, johon mahtuvat myös vaunut.",
            "staff_languages": "suomi, ruotsi, englanti, arabia, somali, venäjä",
            "body": [
                h2("Näin löydät perille"),
                p(
                    "Kohtaamispaikka on lyhyen kävelymatkan päässä Koivukylän rautatieasemalta. Lähelle pääsee "
                    "myös bussilla. Katso sopiva yhteys HSL:n reittioppaasta.",
                    "Jos tulet autolla tai pyörällä, pysäköinti onnistuu pihalla.",
                ),
                h2("Mitä ottaa mukaan?"),
                ul(
                    "Vaipat ja vaihtovaatteet lapselle",
                    "Sisäkengät tai villasukat, jos haluat",
                    "Omat eväät, jos haluat. Kahvia ja teetä on yleensä tarjolla.",
                ),
                p("Muuta et tarvitse. Tule sellaisena kuin olet."),
                h2("Tule ja mene vapaasti"),
                p(
                    "Voit tulla ja lähteä milloin haluat aukioloaikojen sisällä. Voit jäädä hetkeksi tai koko "
                    "päiväksi. Saat olla omassa rauhassa tai tutustua muihin."
                ),
                h2("Usein kysyttyä"),
                faq("Maksaako käynti jotain?", "Ei maksa. Kaikki avoin toiminta on maksutonta."),
                faq(
                    "Pitääkö ilmoittautua etukäteen?",
                    "Ei tarvitse. Avoimeen toimintaan ja neuvonta-aikoihin voi tulla ilman ajanvarausta. "
                    "Joihinkin tapahtumiin ilmoittaudutaan, ja siitä kerrotaan tapahtuman tiedoissa.",
                ),
                faq(
                    "Puhun vain vähän suomea. Voinko tulla?",
                    "Voit. Työntekijät puhuvat monia kieliä, ja yhdessä löydämme tavan ymmärtää toisiamme.",
                ),
                faq(
                    "Voinko tulla ilman lasta?",
                    "Voit, jos haluat tutustua paikkaan tai toimia vapaaehtoisena. Kysy lisää työntekijöiltä.",
                ),
            ],
        },
        "sv": {
            "title": "Kom på besök",
            "intro": (
                "Du kan komma till mötesplatsen på vardagar utan att anmäla dig. All öppen verksamhet är "
                "avgiftsfri. Du är välkommen med barn i alla åldrar, från bebis till skolbarn."
            ),
            "entrance": (
                "Ingången finns på gårdssidan. Det finns inga trappor till dörren, och dörren öppnas automatiskt."
            ),
            "pram_parking": "Du kan lämna barnvagnen inomhus på vagnparkeringen i entréhallen.",
            "changing_table": (
                "På toaletten finns ett skötbord och en toalettstol i barnstorlek. Tillgänglig toalett finns "
                "på första våningen."
            ),
            "lift": (
                "Lokalerna ligger på två våningar. Till andra våningen kommer du med hiss, där också barnvagnar ryms."
            ),
            "staff_languages": "finska, svenska, engelska, arabiska, somaliska, ryska",
            "body": [
                h2("Så hittar du hit"),
                p(
                    "Mötesplatsen ligger en kort promenad från Björkby järnvägsstation. Du kan också ta bussen "
                    "hit. Sök en passande förbindelse i HRT:s reseplanerare.",
                    "Om du kommer med bil eller cykel kan du parkera på gården.",
                ),
                h2("Vad ska jag ta med?"),
                ul(
                    "Blöjor och extra kläder till barnet",
                    "Inneskor eller yllesockor om du vill",
                    "Egen matsäck om du vill. Det finns oftast kaffe och te.",
                ),
                p("Mer behöver du inte. Kom som du är."),
                h2("Kom och gå som du vill"),
                p(
                    "Du kan komma och gå när du vill under öppettiderna. Du kan stanna en stund eller hela "
                    "dagen. Du får vara i fred eller lära känna andra."
                ),
                h2("Vanliga frågor"),
                faq("Kostar det något?", "Nej. All öppen verksamhet är avgiftsfri."),
                faq(
                    "Måste jag anmäla mig i förväg?",
                    "Nej. Du kan komma till den öppna verksamheten och rådgivningen utan tidsbokning. Till "
                    "vissa evenemang anmäler man sig, och det står i informationen om evenemanget.",
                ),
                faq(
                    "Jag talar bara lite finska eller svenska. Kan jag komma?",
                    "Ja. Personalen talar många språk, och tillsammans hittar vi ett sätt att förstå varandra.",
                ),
                faq(
                    "Kan jag komma utan barn?",
                    "Ja, om du vill bekanta dig med stället eller bli frivillig. Fråga personalen mer.",
                ),
            ],
        },
        "en": {
            "title": "Come and visit",
            "intro": (
                "You can come to the meeting place on weekdays without signing up. All open activities are "
                "free. You are welcome with children of all ages, from babies to school-age children."
            ),
            "entrance": (
                "The entrance is on the yard side. There are no steps to the door, and the door opens by itself."
            ),
            "pram_parking": "You can leave your pram indoors in the pram parking in the entrance hall.",
            "changing_table": (
                "The toilet has a changing table and a child-size toilet seat. There is an accessible toilet "
                "on the first floor."
            ),
            "lift": "The place is on two floors. A lift takes you to the second floor, and there is room for a pram.",
            "staff_languages": "Finnish, Swedish, English, Arabic, Somali, Russian",
            "body": [
                h2("How to get here"),
                p(
                    "The meeting place is a short walk from Koivukylä railway station. You can also come by bus. "
                    "Find a good connection in the HSL Journey Planner.",
                    "If you come by car or bike, you can park in the yard.",
                ),
                h2("What to bring"),
                ul(
                    "Nappies and a change of clothes for your child",
                    "Indoor shoes or warm socks, if you like",
                    "Your own snacks, if you like. There is usually coffee and tea.",
                ),
                p("You do not need anything else. Come as you are."),
                h2("Come and go as you like"),
                p(
                    "You can come and leave whenever you like during opening hours. Stay for a moment or for "
                    "the whole day. You can keep to yourself or get to know others."
                ),
                h2("Frequently asked questions"),
                faq("Does it cost anything?", "No. All open activities are free."),
                faq(
                    "Do I need to sign up in advance?",
                    "No. You can come to the open activities and drop-in hours without an appointment. Some "
                    "events need signing up, and the event's details tell you so.",
                ),
                faq(
                    "I speak only a little Finnish. Can I come?",
                    "Yes. The staff speak many languages, and together we will find a way to understand each other.",
                ),
                faq(
                    "Can I come without a child?",
                    "Yes, if you would like to see the place or volunteer. Ask the staff for more.",
                ),
            ],
        },
    },
}

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
                h2("Säilytysaika"),
                ul(
                    "Ilmoittautumiset poistetaan 30 päivän kuluttua tapahtumasta.",
                    "Idean ehdottajan sähköpostiosoite poistetaan, kun idean käsittely päättyy, kuitenkin "
                    "viimeistään 12 kuukauden kuluttua.",
                    "Lokitiedot poistetaan, kun niitä ei enää tarvita.",
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
                h2("Lagringstid"),
                ul(
                    "Anmälningar raderas 30 dagar efter evenemanget.",
                    "E-postadressen till den som föreslår en idé raderas när behandlingen av idén är avslutad, "
                    "dock senast efter 12 månader.",
                    "Loggar raderas när de inte längre behövs.",
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
                h2("How long we keep data"),
                ul(
                    "Sign-ups are deleted 30 days after the event.",
                    "The e-mail address of someone proposing an idea is deleted when the idea is closed, and at "
                    "the latest after 12 months.",
                    "Logs are deleted when they are no longer needed.",
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
