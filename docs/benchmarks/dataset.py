"""The benchmark's data set: activities, ideas, voting rounds, codes and votes on top of the demo site.

    .venv/bin/python docs/benchmarks/dataset.py --size S [--ballot-codes 1100]

Runs in the database of the environment (DATABASE_URL, KOHTAAMO_VAR_DIR) after `manage.py load_demo`, and
prints what it made as JSON on its last line. Everything goes in with `bulk_create` in one transaction, which
is why it is fast: activities, ideas and votes are plain models (snippets), not pages, so no page tree is
touched. What bulk inserts skip, and the benchmark does without: the search index of the new activities and
ideas (only the site search reads it), and the signals of single saves (the content version is bumped once
at the end instead).

The rows are drawn from a seeded random generator, so a size gives the same data set every time: the
activities of the week's programme (a third of them ended, most every week, some every other or fourth
week); ideas in every status over three years, with themes and the status entry of their public timeline;
voting rounds every couple of months, the newest one open now, each with a dozen ideas, codes of which
about three in four were used, and votes that favour some ideas over others, so tallies have leaders,
ties and tails. The open round keeps at least `ballot_codes` unused codes for the voting benchmark.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
import uuid
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Size:
    activities: int
    ideas: int
    votes: int
    rounds: int


SIZES = {
    "XS": Size(activities=30, ideas=200, votes=2_000, rounds=4),
    "S": Size(activities=300, ideas=2_000, votes=20_000, rounds=10),
    "L": Size(activities=1_000, ideas=100_000, votes=1_000_000, rounds=50),
}
IDEAS_PER_ROUND = 12
VOTES_PER_CODE = 3
TURNOUT = 0.75
SEED = 13

ACTIVITY_NAMES = [
    "Perhekahvila",
    "Vauvaryhmä",
    "Isä-lapsi-kerho",
    "Neuvonta-aika",
    "Ruoka-apu",
    "Satutuokio",
    "Liikuntakerho",
    "Vertaisryhmä",
    "Kielikahvila",
    "Askartelupaja",
    "Lukupiiri",
    "Vaatekierto",
]
IDEA_STARTS = ["Lisää", "Toivoisimme", "Voisiko olla", "Kokeillaan", "Yhteinen", "Uusi"]
IDEA_THINGS = [
    "retkiä lähimetsään",
    "iltapäiväkerho koululaisille",
    "kirpputori kerran kuussa",
    "satutuokio omalla kielellä",
    "keittolounas perjantaisin",
    "pyöräkorjaamo pihalle",
    "isien ilta",
    "lukunurkka vauvoille",
    "aukiolo lauantaisin",
    "liikuntavuoro koko perheelle",
]
DESCRIPTION = (
    "Moni perhe on toivonut tätä kahvilassa. Se toisi uusia perheitä mukaan ja olisi helppo järjestää yhdessä "
    "vapaaehtoisten kanssa. Voimme auttaa suunnittelussa ja tiedottaa muille perheille."
)
# Public statuses most of all; some still await moderation or were rejected (never shown).
STATUS_WEIGHTS = {
    "published": 40,
    "voting": 5,
    "selected": 5,
    "decided": 5,
    "in_progress": 5,
    "done": 15,
    "not_taken_forward": 10,
    "awaiting": 9,
    "rejected": 6,
}
LANGUAGE_WEIGHTS = {"fi": 70, "sv": 10, "en": 10, "ar": 4, "so": 3, "ru": 3}


def build(size: Size | str, ballot_codes: int = 0, seed: int = SEED) -> dict:
    """Adds `size` to the default site's database; returns the counts and what the benchmark requests."""
    from django.db import connection, transaction

    from pages import freshness

    size = SIZES[size] if isinstance(size, str) else size
    rng = random.Random(seed)  # noqa: S311 - the same data set every time; the codes guard nothing real
    started = time.perf_counter()
    with transaction.atomic():
        context = Context.load()
        activities = add_activities(context, rng, size.activities)
        ideas = add_ideas(context, rng, size.ideas)
        rounds = add_rounds(context, rng, ideas, size, ballot_codes)
    freshness.bump()  # bulk inserts send no signals: cached pages must not outlive them
    with connection.cursor() as cursor:
        # The planner's statistics, as PostgreSQL's autovacuum would gather them after such a load (SQLite has
        # none until asked): without them PostgreSQL took 100,000 ideas for a handful and sorted them all.
        cursor.execute("ANALYZE")
    return {
        "size": asdict(size),
        "seconds": round(time.perf_counter() - started, 1),
        "activities": len(activities),
        "ideas": len(ideas),
        **rounds,
        "targets": targets(context, rounds),
    }


@dataclass
class Context:
    site: object
    locale: object
    now: datetime.datetime
    partners: list
    support_types: list
    themes: list

    @classmethod
    def load(cls) -> "Context":
        from django.utils import timezone
        from wagtail.models import Locale, Site

        from ideas.models import IdeaTheme
        from pages.models import Partner, SupportType

        locale = Locale.get_default()
        return cls(
            site=Site.objects.get(is_default_site=True),
            locale=locale,
            now=timezone.now().replace(microsecond=0),
            partners=list(Partner.objects.filter(locale=locale)),
            support_types=list(SupportType.objects.filter(locale=locale)),
            themes=list(IdeaTheme.objects.all()),
        )


TERM_DAYS = 15 * 7
RUNNING_AT_ONCE = 25


def add_activities(context: Context, rng: random.Random, count: int) -> list:
    """`count` activities in the site's default language, with their organisers and support types."""
    from events.models import Activity, ActivityKind, Audience

    today = context.now.date()
    audiences = [value for value, _label in Audience.choices]
    kinds = [value for value, _label in ActivityKind.choices]
    activities = []
    for number in range(count):
        name = ACTIVITY_NAMES[number % len(ACTIVITY_NAMES)]
        # One term each, the terms spread over the years the place has run, so that about RUNNING_AT_ONCE
        # run in any week whatever the size: a bigger data set is a longer history, not a busier week.
        first = today - datetime.timedelta(days=rng.randrange(7, 7 + count * TERM_DAYS // RUNNING_AT_ONCE))
        start = datetime.time(rng.randrange(9, 17), rng.choice((0, 30)))
        days = rng.sample(range(5), 2 if rng.random() < 0.25 else 1)
        activities.append(
            Activity(
                site=context.site,
                locale=context.locale,
                translation_key=uuid.uuid4(),
                title=f"{name} {number + 1}",
                slug=f"mittaus-{number + 1}",
                kind=kinds[number % len(kinds)],
                description=DESCRIPTION,
                audiences=rng.sample(audiences, rng.randint(1, 2)),
                languages=["fi"] + (["ar"] if number % 7 == 0 else []),
                room=rng.choice(("Olohuone", "Sali", "Neuvontahuone", "Piha")),
                weekdays=sorted(days),
                start_time=start,
                end_time=datetime.time(start.hour + 1, start.minute),
                interval_weeks=rng.choice((1, 1, 1, 2, 4)),
                first_date=first,
                last_date=first + datetime.timedelta(days=TERM_DAYS),
                staff_only=number % 50 == 49,
            )
        )
    Activity.objects.bulk_create(activities)
    links = [
        Activity.partners.through(activity_id=activity.pk, partner_id=partner.pk)
        for activity in activities
        for partner in rng.sample(context.partners, min(len(context.partners), rng.randint(1, 2)))
    ]
    Activity.partners.through.objects.bulk_create(links)
    support = [
        Activity.support_types.through(activity_id=activity.pk, supporttype_id=support_type.pk)
        for activity in activities
        for support_type in rng.sample(context.support_types, min(len(context.support_types), 2))
    ]
    Activity.support_types.through.objects.bulk_create(support)
    return activities


def add_ideas(context: Context, rng: random.Random, count: int) -> list:
    """`count` ideas over the last three years, newest last, with themes and their status in the audit log."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    from ideas.models import Idea, TaggedIdea
    from ideas.models.ideas import STATUS_ACTION
    from ideas.statuses import PUBLIC_STATUSES

    statuses, status_weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    languages, language_weights = zip(*LANGUAGE_WEIGHTS.items(), strict=True)
    span = datetime.timedelta(days=3 * 365)
    ideas = []
    for number, status in enumerate(rng.choices(statuses, status_weights, k=count)):
        created = context.now - span + span * (number + 1) / (count + 1)
        public = status in PUBLIC_STATUSES
        ideas.append(
            Idea(
                site=context.site,
                title=f"{rng.choice(IDEA_STARTS)} {rng.choice(IDEA_THINGS)} ({number + 1})",
                description=DESCRIPTION,
                language=rng.choices(languages, language_weights)[0],
                by_child=rng.random() < 0.12,
                author_name=rng.choice(("", "", "Perhe Virtanen", "Amina", "Mika ja lapset")),
                status=status,
                created_at=created,
                published_at=created + datetime.timedelta(days=2) if public else None,
                status_changed_at=created + datetime.timedelta(days=2),
            )
        )
    Idea.objects.bulk_create(ideas, batch_size=2000)
    TaggedIdea.objects.bulk_create(
        (
            TaggedIdea(tag=theme, content_object=idea)
            for idea in ideas
            for theme in rng.sample(context.themes, min(len(context.themes), rng.randint(1, 2)))
        ),
        batch_size=2000,
    )
    content_type = ContentType.objects.get_for_model(Idea)
    ModelLogEntry.objects.bulk_create(
        (
            ModelLogEntry(
                content_type=content_type,
                label=idea.title,
                action=STATUS_ACTION,
                data={"status": idea.status, "note": ""},
                timestamp=idea.published_at,
                object_id=str(idea.pk),
            )
            for idea in ideas
            if idea.published_at
        ),
        batch_size=2000,
    )
    return ideas


def add_rounds(context: Context, rng: random.Random, ideas: list, size: Size, ballot_codes: int) -> dict:
    """`size.rounds` rounds every two months up to now, the newest open, sharing `size.votes` votes."""
    from ideas import codes as code_format
    from ideas.models import RoundIdea, VotingCode, VotingRound
    from ideas.statuses import PUBLIC_STATUSES

    public = [idea for idea in ideas if idea.status in PUBLIC_STATUSES]
    if len(public) < IDEAS_PER_ROUND:
        raise ValueError("Too few public ideas for a voting round: make the size's ideas larger.")
    taken = set(VotingCode.objects.values_list("code", flat=True))
    shares = [size.votes // size.rounds + (number < size.votes % size.rounds) for number in range(size.rounds)]
    made = {"rounds": 0, "codes": 0, "votes": 0}
    for number, votes in enumerate(shares):
        newest = number == size.rounds - 1
        closes = context.now - datetime.timedelta(days=60 * (size.rounds - 1 - number) + 1)
        opens = closes - datetime.timedelta(days=14)
        if newest:
            opens, closes = context.now - datetime.timedelta(days=7), context.now + datetime.timedelta(days=7)
        voting_round = VotingRound.objects.create(
            site=context.site,
            title=f"Ideaäänestys {number + 1}",
            opens_at=opens,
            closes_at=closes,
            votes_per_code=VOTES_PER_CODE,
            created_at=opens,
        )
        start = (len(public) - IDEAS_PER_ROUND) * number // max(1, size.rounds - 1)
        in_round = public[start : start + IDEAS_PER_ROUND]
        ballots = draw_ballots(rng, len(in_round), votes)
        tally = Counter(index for ballot in ballots for index in ballot)
        chosen = {index for index, _votes in tally.most_common(3)} if not newest else set()
        RoundIdea.objects.bulk_create(
            RoundIdea(round=voting_round, idea=idea, position=position, selected=position in chosen)
            for position, idea in enumerate(in_round)
        )
        unused = round(len(ballots) * (1 - TURNOUT) / TURNOUT) + (ballot_codes if newest else 0)
        fresh = new_codes(rng, len(ballots) + unused, taken, code_format.ALPHABET, code_format.LENGTH)
        made_codes = [VotingCode(round=voting_round, code=code, created_at=opens) for code in fresh]
        add_votes(voting_round, in_round, ballots, made_codes, rng, min(closes, context.now))
        made["rounds"] += 1
        made["codes"] += len(made_codes)
        made["votes"] += votes
        made["open_round"] = voting_round.pk
    made["results_round"] = VotingRound.objects.filter(pk__lt=made["open_round"], site=context.site).latest("pk").pk
    return made


def draw_ballots(rng: random.Random, ideas: int, votes: int) -> list[list[int]]:
    """Ballots (indexes of ideas) holding exactly `votes` votes: most codes give all three, some fewer, and
    some ideas are far more popular than others."""
    weights = [1 / (rank + 1) ** 0.8 for rank in range(ideas)]
    rng.shuffle(weights)
    ballots = []
    left = votes
    while left:
        wanted = min(left, rng.choices((3, 2, 1), (70, 20, 10))[0], ideas)
        ballot: set[int] = set()
        while len(ballot) < wanted:
            ballot.add(rng.choices(range(ideas), weights)[0])
        ballots.append(sorted(ballot))
        left -= wanted
    return ballots


def new_codes(rng: random.Random, count: int, taken: set, alphabet: str, length: int) -> list[str]:
    codes = []
    while len(codes) < count:
        code = "".join(rng.choices(alphabet, k=length))
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes


def add_votes(voting_round, in_round: list, ballots: list, codes: list, rng: random.Random, until) -> None:
    """The codes of a round (the first ones used by `ballots`) and their votes, cast while it was open."""
    from ideas.models import Vote, VotingCode

    window = until - voting_round.opens_at
    times = sorted(voting_round.opens_at + window * rng.random() for _ballot in ballots)
    for code, when in zip(codes, times, strict=False):
        code.channel = "paper" if rng.random() < 0.2 else "online"
        code.first_used_at = when
    VotingCode.objects.bulk_create(codes, batch_size=2000)
    ids = [idea.pk for idea in in_round]  # ids, not instances, spare Django's work on a million rows
    batch = []
    for ballot, code, when in zip(ballots, codes, times, strict=False):
        batch += [Vote(round_id=voting_round.pk, code_id=code.pk, idea_id=ids[index], cast_at=when) for index in ballot]
        if len(batch) >= 20_000:
            Vote.objects.bulk_create(batch, batch_size=5000)
            batch = []
    Vote.objects.bulk_create(batch, batch_size=5000)


def targets(context: Context, rounds: dict) -> dict:
    """The addresses the benchmark requests: an event (the next co-development day if any), an idea
    chosen in the latest closed round and that round's results, and the open round's ballot and ideas."""
    from django.db.models import Case, IntegerField, Value, When

    from events.models import EventPage
    from ideas.models import IdeaIndexPage, RoundIdea

    events = EventPage.objects.live().public().filter(locale=context.locale, start__gte=context.now)
    events = events.exclude(kind__in=("house_meeting", "steering_group"))
    first_kind = Case(When(kind="co_development", then=Value(0)), default=Value(1), output_field=IntegerField())
    event = events.annotate(first=first_kind).order_by("first", "start").first()
    ideas_page = IdeaIndexPage.for_site(context.site, context.locale.language_code)
    ideas_url = ideas_page.get_url() if ideas_page else "/ideat/"
    ballot = list(RoundIdea.objects.filter(round_id=rounds["open_round"]).values_list("idea_id", flat=True))
    results = RoundIdea.objects.filter(round_id=rounds["results_round"], selected=True).order_by("position")
    return {
        "event": event.get_url() if event else None,
        "ideas": ideas_url,
        "idea": f"{ideas_url}{results.values_list('idea_id', flat=True).first()}/",
        "results": f"{ideas_url}aanestykset/{rounds['results_round']}/",
        "ballot": f"{ideas_url}aanesta/{rounds['open_round']}/",
        "ballot_ideas": ballot,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=SIZES, default="S")
    parser.add_argument("--ballot-codes", type=int, default=0, help="unused codes to add to the open round")
    args = parser.parse_args()
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
    import django

    django.setup()
    print(json.dumps(build(args.size, args.ballot_codes)))


if __name__ == "__main__":
    main()
