"""The ideas page `/ideat/` under each home page: what ideas are for and how one goes from a proposal to
what happened. Like every demo page it keeps the Finnish slug in every language (`/sv/ideat/`)."""

from wagtail.rich_text import RichText

from pages.demo.build import h2, p


def ol(*items: str) -> tuple:
    return ("paragraph", RichText("<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"))


IDEAS_PAGE = {
    "slug": "ideat",
    "content": {
        "fi": {
            "title": "Ideat",
            "intro": (
                "Onko sinulla idea, joka tekisi kohtaamispaikasta paremman? Kerro se meille omin sanoin ja "
                "omalla kielelläsi. Tunnusta ei tarvita, ja lasten ideat ovat yhtä tervetulleita kuin aikuisten. "
                "Ennen jokaista yhteiskehittämisen päivää perheet äänestävät, mitä ideoita päivänä työstetään."
            ),
            "body": [
                h2("Näin idea etenee"),
                ol(
                    "<b>Ehdotat.</b> Kirjoita idea lomakkeelle. Voit liittää mukaan kuvan tai lapsen piirustuksen. "
                    "Nimeä ei tarvitse kertoa: silloin idean kohdalla lukee ”perhe”.",
                    "<b>Luemme sen viikon sisällä.</b> Työntekijä lukee jokaisen idean ennen kuin se näkyy "
                    "muille. Korjaamme tarvittaessa kirjoitusvirheitä, ja jos sama idea on jo listalla, "
                    "yhdistämme ne.",
                    "<b>Idea julkaistaan.</b> Se näkyy tällä sivulla kaikille, ja muut voivat lukea sen ja "
                    "kertoa siitä kohtaamispaikassa.",
                    "<b>Äänestetään.</b> Ennen yhteiskehittämisen päivää saat kohtaamispaikasta lapun, jossa on "
                    "äänestyskoodi. Koodilla voit äänestää yleensä kolmea ideaa, puhelimella tai paperilla.",
                    "<b>Työstetään yhdessä.</b> Eniten ääniä saaneita ideoita suunnitellaan yhteiskehittämisen "
                    "päivänä, ja sovimme, kuka tekee mitäkin.",
                    "<b>Kerromme, mitä tapahtui.</b> Jokaisen idean sivulla näkyy, missä vaiheessa se on. Jos "
                    "ideaa ei voida viedä eteenpäin, kerromme rehellisesti miksi.",
                ),
                p(
                    "Jos jätät sähköpostiosoitteesi, lähetämme viestin aina, kun ideasi tilanne muuttuu. "
                    "Osoitetta ei näytetä kenellekään, ja voit pyytää poistamaan sen milloin tahansa."
                ),
            ],
        },
        "sv": {
            "title": "Idéer",
            "intro": (
                "Har du en idé som skulle göra mötesplatsen bättre? Berätta den för oss med egna ord och på ditt "
                "eget språk. Du behöver inget konto, och barnens idéer är lika välkomna som de vuxnas. Före varje "
                "samutvecklingsdag röstar familjerna om vilka idéer vi arbetar med under dagen."
            ),
            "body": [
                h2("Så går det till"),
                ol(
                    "<b>Du föreslår.</b> Skriv din idé i formuläret. Du kan bifoga ett foto eller en teckning som "
                    "ditt barn har gjort. Du behöver inte uppge ditt namn: då står det ”en familj” vid idén.",
                    "<b>Vi läser den inom en vecka.</b> En anställd läser varje idé innan andra kan se den. Vi "
                    "rättar stavfel vid behov, och om samma idé redan finns slår vi ihop dem.",
                    "<b>Idén publiceras.</b> Den syns för alla på den här sidan, och andra kan läsa den och prata "
                    "om den på mötesplatsen.",
                    "<b>Vi röstar.</b> Före samutvecklingsdagen får du en lapp med en röstkod på mötesplatsen. Med "
                    "koden kan du oftast rösta på tre idéer, med telefonen eller på papper.",
                    "<b>Vi arbetar tillsammans.</b> De idéer som fått flest röster planeras under "
                    "samutvecklingsdagen, och vi kommer överens om vem som gör vad.",
                    "<b>Vi berättar vad som hände.</b> På varje idés sida ser du hur långt den har kommit. Om en "
                    "idé inte kan förverkligas berättar vi ärligt varför.",
                ),
                p(
                    "Om du lämnar din e-postadress skickar vi ett meddelande varje gång din idé kommer vidare. "
                    "Adressen visas inte för någon, och du kan när som helst be oss radera den."
                ),
            ],
        },
        "en": {
            "title": "Ideas",
            "intro": (
                "Do you have an idea that would make the meeting place better? Tell us in your own words and in "
                "your own language. You need no account, and children's ideas are just as welcome as adults'. "
                "Before every co-development day families vote on which ideas we work on during the day."
            ),
            "body": [
                h2("How an idea moves forward"),
                ol(
                    "<b>You propose it.</b> Write your idea on the form. You can add a photo or your child's "
                    "drawing. You do not have to give your name: then the idea says “a family”.",
                    "<b>We read it within a week.</b> A member of staff reads every idea before others can see it. "
                    "We fix typing mistakes if needed, and if the same idea is already on the list, we join them.",
                    "<b>The idea is published.</b> Everyone can see it on this page, read it and talk about it at "
                    "the meeting place.",
                    "<b>We vote.</b> Before the co-development day you get a slip with a voting code at the meeting "
                    "place. With the code you can usually vote for three ideas, on your phone or on paper.",
                    "<b>We work on it together.</b> The ideas with the most votes are planned together on the "
                    "co-development day, and we agree who does what.",
                    "<b>We tell you what happened.</b> Each idea's page shows how far it has got. If an idea cannot "
                    "go ahead, we tell you honestly why.",
                ),
                p(
                    "If you leave your e-mail address, we send you a message whenever your idea moves on. Nobody "
                    "else sees the address, and you can ask us to delete it at any time."
                ),
            ],
        },
    },
}
