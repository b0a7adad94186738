"""Demo partners from civil society: non-profit organisations, the parish and volunteers.

Invented names of groups, numbers and addresses (example.fi). When each partner is on site belongs to
the weekly programme, not to these texts.
"""

COMMUNITY_PARTNERS = [
    {
        "slug": "mll-uusimaa",
        "sector": "ngo",
        "support": ["vertaistuki", "emotionaalinen", "toiminnallinen"],
        "phone": "09 123 4506",
        "email": "mll-uusimaa@example.fi",
        "website": "https://example.fi/mll-uusimaa",
        "in_steering_group": True,
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
                "responsibility": "Ruoka-apu, diakoniatyön avustukset ja perhekerho",
            },
            "sv": {
                "name": "Björkby församling",
                "description": (
                    "Församlingens familjearbetare håller familjeklubb på mötesplatsen och är med i den öppna "
                    "verksamheten. Med dem kan du prata i förtroende om vardagens glädje och bekymmer, också "
                    "om tro och livets mening. Församlingen delar ut mathjälp och kan ge ett litet bidrag till "
                    "en familj som har det svårt. Alla är välkomna oberoende av övertygelse."
                ),
                "responsibility": "Mathjälp, diakonins bidrag och familjeklubb",
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
                "responsibility": "Food aid, small grants from the parish and a family club",
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
