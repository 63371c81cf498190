"""The public site search: each room hands in the kind of thing it publishes.

The host's search page (``/sok/``) asks every registered :class:`Kind` for
its public rows matching the visitor's words. A room registers its kind from
its ``AppConfig.ready`` with :func:`register` (the directory its activities,
the calendar its public events, the host its Wagtail pages; the knowledge
room adds its articles the same way), so that the host imports nothing to
learn of a new kind and no room imports the host. Only what every visitor
may see is searched: the site search is the public search, the same for a
signed-in member (members search their forums at ``/forum/sok/``).

Words are matched by :func:`matching`: on PostgreSQL with its full-text
search and the ``swedish`` configuration (a word's stem begins a word of the
text, so "kurser" finds "kurs"; each word quoted, so quotes and operators are
text), elsewhere as case-insensitive substrings, å ä ö included (SQLite's
``LIKE`` and ``lower()`` fold ASCII only, so every SQLite connection gets a
``casefold`` function of Python's, :func:`connect`).
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact
from django.db import connection
from django.db.models import F, Func, IntegerField, Q
from django.db.models.lookups import Contains, Exact, GreaterThan

# PostgreSQL's text-search configuration for the platform's Swedish content.
CONFIG = "swedish"
# The SQLite function that folds case as Python does.
SQLITE_CASEFOLD = "tia_casefold"
# Words beyond these are not searched for (each word is one more condition).
MAX_WORDS = 8


@dataclass(frozen=True)
class SiteQuery:
    """What the visitor asked: the words, the filters that are set (name →
    cleaned value), the reader's language, and the request (for links)."""

    words: tuple
    filters: dict
    language: str
    request: object = None


@dataclass
class Result:
    """One thing found, as the results page shows it.

    ``language`` is the language of the title and summary (``lang`` on the
    page when it is not the page's); ``when`` a date or time to show.
    """

    title: str
    url: str
    summary: str = ""
    details: list = field(default_factory=list)
    when: object = None
    language: str = "sv"


@dataclass(frozen=True)
class Kind:
    """A kind of public thing the site search finds.

    - ``key``: its value in the query string (``?typ=aktiviteter``);
    - ``title``: the group's heading (lazy text);
    - ``find(query)``: the matching rows, in the order shown, as a queryset
      or anything else with ``count()`` and slicing (Wagtail's search
      results); a constant number of queries however many rows match;
    - ``results(rows, query)``: :class:`Result` for one page of rows (may
      fetch what they need, in a constant number of queries);
    - ``fields()``: the form fields of the filters it understands (name →
      field); while one of these is set, the kinds that do not name it are
      left out (an activity's municipality narrows nothing else);
    - ``page_types``: page models this kind shows, which the host's page kind
      leaves out;
    - ``order``: where its group comes on the page.
    """

    key: str
    title: object
    find: object
    results: object
    fields: object = dict
    page_types: tuple = ()
    order: int = 50


_kinds = {}


def register(kind):
    """Add ``kind`` (once per key; a later one with the same key replaces it)."""
    _kinds[kind.key] = kind
    return kind


def kinds():
    """The registered kinds, in their order on the page."""
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.key))


def claimed_page_types():
    """Page models that a kind of their own shows."""
    return tuple(model for kind in _kinds.values() for model in kind.page_types)


def words_of(text):
    """The distinct words of ``text`` (at most MAX_WORDS), double quotes read as
    spaces: neither database searches phrases, and SQLite's full-text syntax
    fails on an unbalanced quote."""
    words = []
    for word in (text or "").replace('"', " ").split():
        if word.casefold() not in {w.casefold() for w in words}:
            words.append(word)
    return tuple(words[:MAX_WORDS])


def on_postgres():
    return connection.vendor == "postgresql"


class Casefold(Func):
    """Text folded for comparing without case: Python's ``casefold`` on SQLite."""

    function = "LOWER"

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, function=SQLITE_CASEFOLD, **extra_context
        )


class NumNode(Func):
    """The number of terms in a text-search query (0: only stop words)."""

    function = "numnode"
    output_field = IntegerField()


def contains(name, word):
    """A Q: field ``name`` contains ``word``, whatever the case of either."""
    if connection.vendor == "sqlite":
        return Q(Contains(Casefold(F(name)), word.casefold()))
    return Q(**{f"{name}__icontains": word})


def matching(words, fields, also=None):
    """A Q: every one of ``words`` occurs in one of ``fields`` (names, across
    foreign keys too), or meets ``also(word)`` (a Q or None), e.g. a
    language the row is held in.

    On PostgreSQL a word occurs when a form of it does (Swedish stemming); a
    stop word ("och") asks nothing, but words that are all stop words find
    nothing.
    """
    conditions = []
    if on_postgres():
        vector = SearchVector(*fields, config="simple")
        for word in words:
            query = stem_prefix(word)
            conditions.append(
                _either(
                    Q(SearchVectorExact(vector, query)),
                    Q(Exact(NumNode(query), 0)),
                    also and also(word),
                )
            )
        everything = SearchQuery(" ".join(words), config=CONFIG, search_type="plain")
        conditions.append(
            _either(
                Q(GreaterThan(NumNode(everything), 0)),
                *(also(word) for word in words if also),
            )
        )
    else:
        for word in words:
            conditions.append(
                _either(*(contains(name, word) for name in fields), also and also(word))
            )
    return reduce(and_, conditions, Q())


def stem_prefix(word):
    """A text-search query: a word of the text begins with ``word``'s Swedish
    stem ("kurser" → kurs, kursen, kurser). Stem-to-stem equality would miss
    some: Swedish Snowball stems "kurs" itself to "kur". The word is quoted
    (quotes doubled, backslashes escaped), so its characters are text, never
    operators; a stop word gives an empty query."""
    quoted = word.replace("\\", "\\\\").replace("'", "''")
    return SearchQuery(f"'{quoted}':*", config=CONFIG, search_type="raw")


def _either(*conditions):
    return reduce(or_, (c for c in conditions if c is not None))


def _casefold(value):
    return value.casefold() if isinstance(value, str) else value


def add_casefold(sender, connection, **kwargs):
    """Give a new SQLite connection :data:`SQLITE_CASEFOLD` (``connection_created``)."""
    connection.connection.create_function(
        SQLITE_CASEFOLD, 1, _casefold, deterministic=True
    )


def connect():
    """Add the function to every SQLite connection (``CoreConfig.ready``)."""
    from django.db.backends.signals import connection_created
    from django.db.backends.sqlite3.base import DatabaseWrapper

    connection_created.connect(
        add_casefold, sender=DatabaseWrapper, dispatch_uid="core.site_search.casefold"
    )
