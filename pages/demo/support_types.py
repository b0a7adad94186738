"""Demo support types: the seed's six kinds of support, explained in plain words."""

from ..models import SupportType
from .build import ensure_translatable

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


COMMON_FIELDS = ("category", "icon", "sort_order")


def load() -> dict[str, dict[str, SupportType]]:
    """The support types by short name, each by language."""
    return {
        spec["slug"]: ensure_translatable(SupportType, spec, {key: spec[key] for key in COMMON_FIELDS})
        for spec in SUPPORT_TYPES
    }
