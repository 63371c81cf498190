"""Grow the demo data to the volumes of a county, for the benchmark.

On top of ``seed_demo``: organisations and their people, activities copied
from the demo's published ones across Skåne's municipalities, a year and a
half of events in the Skåne forum, consultations with responses, dialog
threads with posts, delegated tasks and joint decisions.

Every generated row is marked and numbered: a slug, uid or e-mail address that
starts with ``bench-``, or a title that starts with ``[bench NNN]``. A run
creates only the numbers that are missing, so running again at the same scale
adds nothing and a larger scale adds the difference. What hangs on a row
(languages, questions, responses, posts, answers) is only made together with
a new row, as in the demo.

Rows are built with the rooms' factories (``Factory.build()``, no query) and
written with ``bulk_create``, which skips the models' ``save()``: the
HTML here is already what ``clean_html()`` keeps (paragraphs and lists), and
what ``save()`` would fill in (``Event.uid``) is set here. Participations get
their level log (``LevelChange``) written alongside, as ``save()`` would.

One module per room: ``partners`` (organisations, people), ``directory``
(activities), ``events`` and ``forum`` (consultations, threads, tasks,
decisions); ``base`` holds the shared lookups and ``pools`` the texts.
"""

from website.benchmark.data.base import GrowerBase, Growth, volumes
from website.benchmark.data.directory import DirectoryGrowth
from website.benchmark.data.events import EventsGrowth
from website.benchmark.data.followup import FollowupGrowth
from website.benchmark.data.forum import ForumGrowth
from website.benchmark.data.partners import PartnersGrowth

__all__ = ["Growth", "Grower", "grow", "volumes"]


class Grower(
    PartnersGrowth,
    DirectoryGrowth,
    EventsGrowth,
    ForumGrowth,
    FollowupGrowth,
    GrowerBase,
):
    """Adds the missing bench rows, kind by kind, in dependency order."""


def grow(scale):
    """Add what is missing for ``scale``; return a Growth (what was created)."""
    return Grower(scale).grow()
