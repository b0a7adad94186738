"""Rows whose text has every word at a word beginning, looked up in Wagtail's own search index.

Wagtail keeps one index entry per indexed object (its `search_fields` as text, updated on every save and
by `update_index`); this module only builds the query, because Wagtail's own `search()` cannot do what
the site search needs:

- SQLite: an FTS5 query on the index, each word quoted (so it is text, never syntax: Wagtail 7.4 does not
  escape `"`, and an odd one was a 500) and marked as a prefix (`"lapsi"*` finds "lapsiperheiden").
  Ranked by bm25, names and titles counting more than the rest.
- PostgreSQL: Wagtail builds its stored vectors with one configuration for the whole index
  (`SEARCH_CONFIG`), which cannot suit Finnish, Swedish and English rows at once (wagtail#9253,
  django-modelsearch#61). So the vectors are made at query time with Django's
  `django.contrib.postgres.search` from the plain text Wagtail keeps beside them (`title_text`,
  `body_text`), in the reader's language's configuration (`KOHTAAMO_SEARCH_CONFIGS`, "simple" for a
  language without one) to match inflected forms ("neuvolassa" finds "Neuvolan"), and in "simple" to
  match word beginnings as typed, as on SQLite. Each word is a prefix query in both. Ranked by ts_rank,
  titles counting more than the rest. Made per query, the vectors cost little on a site of a few
  hundred pages and partners; a much bigger site would want them stored per language.
"""

from functools import reduce
from operator import add, and_, or_

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import BooleanField, F, FloatField, OuterRef, QuerySet, Subquery
from django.db.models.expressions import RawSQL

SCORE = "search_score"
"""The annotation `matching()` adds: higher is more relevant, comparable between the models of one search."""

# bm25 weights of the FTS5 columns in their order (autocomplete, body, title): AutocompleteFields hold
# names and titles.
SQLITE_COLUMN_WEIGHTS = (5.0, 1.0, 5.0)


def matching(queryset: QuerySet, words: list[str], language_code: str) -> QuerySet:
    """The rows of the queryset (of an indexed model) whose index entry has every word at a word beginning,
    annotated with SCORE. `words` are letters and digits only (`pages.search_text.search_words`)."""
    if connection.vendor == "postgresql":
        return _postgres_matching(queryset, words, search_config(language_code))
    return _sqlite_matching(queryset, words)


def search_config(language_code: str) -> str:
    """The PostgreSQL text search configuration for content in this language."""
    return getattr(settings, "KOHTAAMO_SEARCH_CONFIGS", {}).get(language_code, "simple")


def _sqlite_matching(queryset, words):
    from wagtail.search.models import SQLiteFTSIndexEntry

    table = SQLiteFTSIndexEntry._meta.db_table
    # A table's own name is the FTS5 column that MATCH and bm25() take, whatever alias the query gives it;
    # the words go in as a parameter.
    expression = " AND ".join(f'"{word}"*' for word in words)
    match = RawSQL(f"{table} MATCH %s", [expression], output_field=BooleanField())  # noqa: S611
    hits = SQLiteFTSIndexEntry.objects.filter(match)
    weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
    scores = (
        hits.filter(index_entry=OuterRef("index_entries"))
        .annotate(score=RawSQL(f"-bm25({table}, {weights})", []))  # noqa: S611
        .values("score")[:1]
    )
    return queryset.filter(index_entries__in=hits.values("index_entry")).annotate(
        **{SCORE: Subquery(scores, output_field=FloatField())}
    )


def _postgres_matching(queryset, words, config):
    configs = [config] if config == "simple" else [config, "simple"]
    document = _vector("index_entries__title_text", configs, "A") + _vector("index_entries__body_text", configs, "B")
    query = reduce(and_, (_prefix_query(word, configs) for word in words))
    return (
        queryset.alias(search_document=document)
        .filter(search_document=query)
        .annotate(**{SCORE: SearchRank(F("search_document"), query)})
    )


def _vector(column: str, configs: list[str], weight: str) -> SearchVector:
    return reduce(add, (SearchVector(column, config=config, weight=weight) for config in configs))


def _prefix_query(word: str, configs: list[str]) -> SearchQuery:
    # A raw tsquery of letters and digits only: a lexeme and its prefix mark, nothing that is syntax.
    return reduce(or_, (SearchQuery(f"{word}:*", config=config, search_type="raw") for config in configs))
