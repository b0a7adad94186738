"""The meetings the demo has already held, with their record, and the staff's house meetings.

The last co-development day (its programme, participants, minutes and the outcome of its three workshops)
and the last community meeting are in Finnish, Swedish and English like every public page. The house
meetings, the last one with its minutes and the next one, are for staff only and in Finnish, the language
staff work in: saving one puts Wagtail's login restriction on it, so families never see it.

The ideas demo puts the agendas and decisions on these meetings (`ideas.demo.meetings`).
"""

import datetime

from pages.demo.build import h2, p, ul

from ..models import EventKind
from .days import HOUSE_MEETING, at

CO_DEVELOPMENT_DAY_HELD = 56
"""Days ago (then back to a weekday): after the closed vote chose its ideas, before they moved on."""
COMMUNITY_MEETING_HELD = 30
"""Days ago (then back to a weekday)."""

PAST_CO_DEVELOPMENT_DAY = "edellinen-yhteiskehittamisen-paiva"
PAST_COMMUNITY_MEETING = "edellinen-yhteisokokous"
LAST_HOUSE_MEETING = "edellinen-talokokous"
NEXT_HOUSE_MEETING = "seuraava-talokokous"
"""The keys of the meetings in the events demo's result."""


def minutes(*parts: str) -> str:
    """Minutes as simple rich text: a paragraph for each string, a bulleted list for each tuple."""
    return "".join(
        f"<ul>{''.join(f'<li>{item}</li>' for item in part)}</ul>" if isinstance(part, tuple) else f"<p>{part}</p>"
        for part in parts
    )


def workshop(theme: str, worked_on: str, next_steps: str) -> tuple:
    return ("workshop", {"theme": theme, "worked_on": worked_on, "next_steps": next_steps})


def past_co_development_day(day: datetime.date) -> dict:
    return {
        "slug": "kehittamispaiva",
        "key": PAST_CO_DEVELOPMENT_DAY,
        "upcoming": False,
        "facts": {
            "kind": EventKind.CO_DEVELOPMENT_DAY,
            "start": at(day, 10),
            "end": at(day, 14),
            "registration_enabled": False,
            "childcare_offered": True,
            "interpreting_offered": True,
            "adults": 23,
            "children": 17,
        },
        "organiser": "mll-uusimaa",
        "partners_present": ["mll-uusimaa", "seurakunta", "kirjasto", "kotisilta", "varhaiskasvatus"],
        "content": {
            "fi": {
                "title": "Yhteiskehittämisen päivä: piha, keitto ja kirjat",
                "intro": (
                    "Kiitos kaikille, jotka tulitte! Työstimme yhdessä kolmea ideaa, jotka perheet valitsivat "
                    "äänestyksessä, ja sovimme, kuka tekee mitäkin ja mihin mennessä."
                ),
                "body": [
                    h2("Päivän ohjelma"),
                    ul(
                        "Klo 10 Tervetuloa ja aamupala",
                        "Klo 10.30 Mitä edellisen päivän ideoille on tapahtunut",
                        "Klo 11 Kolme työpajaa: hiekkalaatikon kansi, perjantain keittolounas ja lukunurkka",
                        "Klo 12.15 Yhteinen lounas",
                        "Klo 13 Työpajojen tulokset ja päätökset",
                    ),
                    p("Lapsille oli hoito viereisessä huoneessa, ja tulkit auttoivat arabiaksi ja somaliksi."),
                ],
                "minutes": minutes(
                    "Paikalla oli 23 aikuista ja 17 lasta sekä viiden toimijan työntekijöitä. Koordinaattori "
                    "kertoi, mitä edellisen päivän ideoille on tapahtunut.",
                    "Äänestyksessä valittiin kolme ideaa. Jokaista työstettiin omassa työpajassaan, ja lopuksi "
                    "työpajat kertoivat tuloksensa kaikille. Päätimme:",
                    (
                        "Hiekkalaatikkoon tehdään kansi pihatalkoissa.",
                        "Perjantaisin kokeillaan yhteistä keittolounasta.",
                        "Aulaan tehdään lukunurkka, johon kirjasto tuo kirjoja monella kielellä.",
                    ),
                    "Sunnuntaiaukioloa ei voida kokeilla, koska sunnuntaisin ei ole työntekijöitä eikä "
                    "vapaaehtoisia. Moni toivoi iltoja, joten pidempi torstai-ilta on mukana seuraavassa "
                    "äänestyksessä.",
                ),
                "workshops": [
                    workshop(
                        "Hiekkalaatikon kansi",
                        "Isät ja lapset mittasivat hiekkalaatikon ja piirsivät kannen, joka pysyy kiinni tuulella "
                        "mutta jonka aikuinen saa helposti auki. Eeli näytti oman piirustuksensa.",
                        "Taloyhtiö maksaa puutavaran. Kansi rakennetaan pihatalkoissa, ja se maalataan vihreäksi.",
                    ),
                    workshop(
                        "Perjantain keittolounas",
                        "Mietimme, millaista keittoa pienessä keittiössä voi tehdä, kuka tuo mitäkin ja miten "
                        "lapset voivat auttaa. Otimme huomioon allergiat ja sen, että kaikki eivät syö sianlihaa.",
                        "Ensimmäinen keittolounas pidetään parin viikon päästä. Seurakunnan diakoniatyö hankkii "
                        "raaka-aineet, ja vapaaehtoiset keittävät vuorotellen.",
                    ),
                    workshop(
                        "Lukunurkka monella kielellä",
                        "Valitsimme aulasta rauhallisen nurkan ja listasimme kielet, joita perheet puhuvat kotona: "
                        "ainakin suomi, ruotsi, ukraina, arabia, somali, venäjä, englanti ja vietnam.",
                        "Kirjasto kokoaa kuvakirjoista laatikon, joka vaihtuu joka kuukausi. Nurkkaan tarvitaan "
                        "hylly ja tyynyjä.",
                    ),
                ],
            },
            "sv": {
                "title": "Samutvecklingsdag: gården, soppan och böckerna",
                "intro": (
                    "Tack till alla som kom! Tillsammans arbetade vi med tre idéer som familjerna valde i "
                    "omröstningen, och vi kom överens om vem som gör vad och när."
                ),
                "body": [
                    h2("Dagens program"),
                    ul(
                        "Kl. 10 Välkommen och frukost",
                        "Kl. 10.30 Vad som har hänt med idéerna sedan förra dagen",
                        "Kl. 11 Tre verkstäder: ett lock till sandlådan, fredagens sopplunch och läshörnan",
                        "Kl. 12.15 Gemensam lunch",
                        "Kl. 13 Verkstädernas resultat och besluten",
                    ),
                    p("Barnen hade barnpassning i rummet bredvid, och tolkar hjälpte till på arabiska och somaliska."),
                ],
                "minutes": minutes(
                    "Vi var 23 vuxna och 17 barn, och anställda från fem aktörer. Koordinatorn berättade vad "
                    "som har hänt med idéerna från förra dagen.",
                    "I omröstningen valdes tre idéer. Var och en behandlades i en egen verkstad, och till sist "
                    "berättade verkstäderna om sina resultat för alla. Vi beslöt:",
                    (
                        "Sandlådan får ett lock, som byggs på en talkodag på gården.",
                        "På fredagar prövar vi en gemensam sopplunch.",
                        "I entréhallen görs en läshörna, dit biblioteket tar med böcker på många språk.",
                    ),
                    "Vi kan inte pröva att ha öppet på söndagar, eftersom det inte finns anställda eller "
                    "frivilliga då. Många önskade kvällar, så en längre torsdagskväll är med i nästa omröstning.",
                ),
                "workshops": [
                    workshop(
                        "Ett lock till sandlådan",
                        "Pappor och barn mätte sandlådan och ritade ett lock som hålls stängt när det blåser men "
                        "som en vuxen lätt kan öppna. Eeli visade sin egen teckning.",
                        "Fastighetsbolaget betalar virket. Locket byggs på en talkodag på gården och målas grönt.",
                    ),
                    workshop(
                        "Fredagens sopplunch",
                        "Vi funderade på vilken soppa man kan laga i det lilla köket, vem som tar med vad och hur "
                        "barnen kan hjälpa till. Vi tänkte på allergier och på att alla inte äter fläskkött.",
                        "Den första sopplunchen ordnas om ett par veckor. Församlingens diakoni skaffar råvarorna, "
                        "och frivilliga lagar soppan i tur och ordning.",
                    ),
                    workshop(
                        "En läshörna på många språk",
                        "Vi valde ett lugnt hörn i entréhallen och skrev upp de språk som familjerna talar "
                        "hemma: åtminstone finska, svenska, ukrainska, arabiska, somaliska, ryska, engelska och "
                        "vietnamesiska.",
                        "Biblioteket sätter ihop en låda bilderböcker som byts varje månad. Hörnet behöver en "
                        "hylla och kuddar.",
                    ),
                ],
            },
            "en": {
                "title": "Co-development day: the yard, soup and books",
                "intro": (
                    "Thank you to everyone who came! Together we worked on three ideas that families chose in "
                    "the vote, and agreed who does what and by when."
                ),
                "body": [
                    h2("The day's programme"),
                    ul(
                        "10.00 Welcome and breakfast",
                        "10.30 What has happened to the ideas since the last day",
                        "11.00 Three workshops: a lid for the sandpit, the Friday soup lunch and the reading corner",
                        "12.15 Lunch together",
                        "13.00 What the workshops came up with, and the decisions",
                    ),
                    p("There was childcare in the next room, and interpreters helped in Arabic and Somali."),
                ],
                "minutes": minutes(
                    "There were 23 adults and 17 children, and staff from five organisations. The coordinator "
                    "told us what has happened to the ideas from the last day.",
                    "The vote chose three ideas. Each had a workshop of its own, and at the end the workshops "
                    "told everyone what they had come up with. We decided:",
                    (
                        "The sandpit gets a lid, built at a work party in the yard.",
                        "On Fridays we try a shared soup lunch.",
                        "The entrance hall gets a reading corner, where the library brings books in many languages.",
                    ),
                    "We cannot try opening on Sundays, because there are no staff or volunteers then. Many "
                    "wished for evenings, so a longer Thursday evening is in the next vote.",
                ),
                "workshops": [
                    workshop(
                        "A lid for the sandpit",
                        "Fathers and children measured the sandpit and drew a lid that stays shut in the wind but "
                        "that an adult can open easily. Eeli showed his own drawing.",
                        "The housing company pays for the wood. The lid is built at a work party in the yard and "
                        "painted green.",
                    ),
                    workshop(
                        "The Friday soup lunch",
                        "We thought about what soup can be made in the small kitchen, who brings what and how "
                        "children can help. We kept allergies in mind, and that not everyone eats pork.",
                        "The first soup lunch is in a couple of weeks. The parish's social work buys the "
                        "ingredients, and volunteers take turns cooking.",
                    ),
                    workshop(
                        "A reading corner in many languages",
                        "We chose a quiet corner in the entrance hall and listed the languages families speak at "
                        "home: at least Finnish, Swedish, Ukrainian, Arabic, Somali, Russian, English and Vietnamese.",
                        "The library puts together a box of picture books that changes every month. The corner "
                        "needs a shelf and cushions.",
                    ),
                ],
            },
        },
    }


def past_community_meeting(day: datetime.date) -> dict:
    return {
        "slug": "yhteisokokous",
        "key": PAST_COMMUNITY_MEETING,
        "upcoming": False,
        "facts": {
            "kind": EventKind.COMMUNITY_MEETING,
            "start": at(day, 17),
            "end": at(day, 18, 30),
            "registration_enabled": False,
            "childcare_offered": True,
            "interpreting_offered": False,
            "adults": 12,
            "children": 9,
        },
        "organiser": "mll-uusimaa",
        "partners_present": ["mll-uusimaa", "kotisilta", "kiertokori", "seurakunta"],
        "content": {
            "fi": {
                "title": "Yhteisökokous",
                "intro": "Kiitos kaikille kokoukseen tulleille! Täältä näet, mistä puhuimme ja mitä päätimme.",
                "body": [
                    p(
                        "Kerroimme kuulumiset ja puhuimme perjantain keittolounaasta ja vaunuparkin katoksesta. "
                        "Tarjolla oli iltapalaa, ja lapsille oli hoito samoissa tiloissa."
                    )
                ],
                "minutes": minutes(
                    "Paikalla oli 12 aikuista ja 9 lasta sekä neljän toimijan työntekijöitä.",
                    (
                        "Perjantain keittolounaalla on käynyt joka kerta yli kymmenen perhettä. Lounas jatkuu "
                        "joka viikko, ja vapaaehtoiset vetävät sen vuorotellen.",
                        "Sateella vaunut kastuvat pihalla. Koordinaattori pyytää taloyhtiöltä katosta vaunuparkin "
                        "päälle.",
                        "Kiertokorin vaatehuoneeseen kaivataan lastenkenkiä kokoihin 24–30.",
                    ),
                ),
            },
            "sv": {
                "title": "Gemenskapsmöte",
                "intro": "Tack till alla som kom till mötet! Här ser du vad vi pratade om och vad vi bestämde.",
                "body": [
                    p(
                        "Vi berättade vad som är på gång och pratade om fredagens sopplunch och ett tak över "
                        "barnvagnsparkeringen. Det bjöds på kvällsmål, och barnen hade barnpassning i samma lokaler."
                    )
                ],
                "minutes": minutes(
                    "Vi var 12 vuxna och 9 barn, och anställda från fyra aktörer.",
                    (
                        "Över tio familjer har kommit till fredagens sopplunch varje gång. Lunchen fortsätter "
                        "varje vecka, och frivilliga leder den i tur och ordning.",
                        "När det regnar blir barnvagnarna blöta på gården. Koordinatorn ber fastighetsbolaget "
                        "om ett tak över barnvagnsparkeringen.",
                        "Kiertokoris klädrum behöver barnskor i storlekarna 24–30.",
                    ),
                ),
            },
            "en": {
                "title": "Community meeting",
                "intro": (
                    "Thank you to everyone who came to the meeting! Here you can see what we talked about and what "
                    "we decided."
                ),
                "body": [
                    p(
                        "We shared our news and talked about the Friday soup lunch and a roof over the pram "
                        "parking. There was an evening snack, and childcare for the children in the same rooms."
                    )
                ],
                "minutes": minutes(
                    "There were 12 adults and 9 children, and staff from four organisations.",
                    (
                        "More than ten families have come to the Friday soup lunch every time. The lunch goes "
                        "on every week, and volunteers take turns running it.",
                        "When it rains, the prams get wet in the yard. The coordinator asks the housing company "
                        "for a roof over the pram parking.",
                        "Kiertokori's clothes room needs children's shoes in sizes 24–30.",
                    ),
                ),
            },
        },
    }


HOUSE_MEETING_INTRO = (
    "Kaikkien kohtaamispaikassa työskentelevien yhteinen kokous joka toinen perjantai. Johtoryhmän jäsen on "
    "mukana vuorollaan. Vain henkilökunnalle."
)


def house_meeting(day: datetime.date, *, upcoming: bool) -> dict:
    start, end = HOUSE_MEETING["start_time"], HOUSE_MEETING["end_time"]
    return {
        "slug": "talokokous",
        "upcoming": upcoming,
        "facts": {
            "kind": EventKind.HOUSE_MEETING,
            "start": at(day, start.hour, start.minute),
            "end": at(day, end.hour, end.minute),
            "location": "Neuvotteluhuone",
            "registration_enabled": False,
            "childcare_offered": False,
            "interpreting_offered": False,
        },
        "organiser": "mll-uusimaa",
    }


def past_house_meeting(day: datetime.date) -> dict:
    return house_meeting(day, upcoming=False) | {
        "key": LAST_HOUSE_MEETING,
        "partners_present": ["mll-uusimaa", "neuvola", "perheneuvola", "varhaiskasvatus", "seurakunta"],
        "content": {
            "fi": {
                "title": "Talokokous",
                "intro": HOUSE_MEETING_INTRO,
                "body": [
                    p("Käymme läpi menneet kaksi viikkoa ja perheiden palautteen ja sovimme tulevista vuoroista.")
                ],
                "minutes": minutes(
                    "Paikalla oli 9 työntekijää viidestä toimijasta.",
                    (
                        "Menneet viikot: perhekahvilassa on käynyt keskimäärin 25 perhettä aamussa. "
                        "Vauvaperheitä on tullut aiempaa enemmän.",
                        "Lukunurkka: kirjasto tuo ensimmäisen kirjalaatikon, kun hylly on paikallaan. "
                        "Kiertokorilta kysytään hyllyä.",
                        "Ideat: jokainen toimija kertoo omissa ryhmissään seuraavan yhteiskehittämisen päivän "
                        "äänestyksestä ja jakaa äänestyskoodeja.",
                        "Vuorot: perjantain keittolounaan vuorolistaan tarvitaan vielä kaksi vapaaehtoista.",
                    ),
                ),
            }
        },
    }


def next_house_meeting(day: datetime.date) -> dict:
    return house_meeting(day, upcoming=True) | {
        "key": NEXT_HOUSE_MEETING,
        "content": {
            "fi": {
                "title": "Talokokous",
                "intro": HOUSE_MEETING_INTRO,
                "body": [
                    h2("Asialista"),
                    ul(
                        "Menneet kaksi viikkoa ja perheiden palaute",
                        "Äänestyksen tilanne ja yhteiskehittämisen päivän valmistelu",
                        "Tulevat vuorot",
                    ),
                    p("Lisää asioita voi ehdottaa koordinaattorille."),
                ],
            }
        },
    }
