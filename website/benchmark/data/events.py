"""A year and a half of events in the forum."""

import datetime

from dateutil.rrule import rrulestr
from django.utils import timezone

from core.recurrence import validate_rule
from events.factories import EventFactory
from events.models import Event
from forum.models import Level
from website.benchmark.data.base import (
    BATCH,
    PREFIX,
    STOCKHOLM,
    bullet_list,
    missing,
    paragraph,
)
from website.benchmark.data.pools import (
    EVENT_TOPICS,
    EVENT_VISIBILITIES,
    KIND_WORDS,
    VENUES,
    WEEKDAYS,
)


class EventsGrowth:
    """A year and a half of events in the forum."""

    # -------------------------------------------------------------- events

    def events(self):
        target = self.volumes["events"]
        todo = missing(
            target,
            Event.objects.filter(uid__startswith=PREFIX).values_list("uid", flat=True),
            r"^bench-(\d+)@",
        )
        if not todo:
            return
        orgs = self.orgs_from(Level.INFORMATION) or self.all_organisations()
        contacts = self.public_contacts()
        kinds = list(Event.Kind)
        new = []
        for n in todo:
            kind = kinds[n % len(kinds)]
            region = (self.subregions + [None])[n % (len(self.subregions) + 1)]
            town = self.municipalities[(n * 11) % len(self.municipalities)].name
            area = region.name if region else "Skåne"
            organiser = orgs[(n * 3) % len(orgs)]
            day = self.today + datetime.timedelta(days=-240 + (n * 53) % 480)
            hours = 1 + n % 3
            start = self.local(day, 9 + (n * 5) % 8, 30 * (n % 2))
            end = start + datetime.timedelta(hours=hours)
            all_day = n % 40 == 7
            if all_day:
                start = self.local(day)
                end = self.local(day + datetime.timedelta(days=1))
            rrule = ""
            if n % 20 == 0:  # one in twenty is a series
                rrule, start = self.series_rule(n, start)
                end = start + datetime.timedelta(hours=hours)
            topic = EVENT_TOPICS[n % len(EVENT_TOPICS)]
            online = n % 4 == 0
            org_contacts = contacts.get(organiser.pk) or [None]
            cancelled = n % 33 == 5
            new.append(
                EventFactory.build(
                    forum=self.forum,
                    kind=kind,
                    title=f"{KIND_WORDS[kind]} {area}: {topic}",
                    description=paragraph(
                        f"Vi samlas kring {topic}.",
                        "Alla som arbetar med tidiga insatser i området är välkomna.",
                    )
                    + bullet_list(["Läget just nu", "Erfarenheter", "Nästa steg"]),
                    visibility=EVENT_VISIBILITIES[n % len(EVENT_VISIBILITIES)],
                    subregion=region,
                    start=start,
                    end=end,
                    all_day=all_day,
                    venue="" if online else f"{VENUES[n % len(VENUES)]}, {town}",
                    online_url=f"https://example.org/mote/bench-{n}" if online else "",
                    organiser_id=organiser.pk,
                    contact_id=org_contacts[0],
                    capacity=20 + n % 30 if n % 5 == 0 else None,
                    rrule=rrule,
                    cancelled=cancelled,
                    cancellation_note="Inställt på grund av sjukdom."
                    if cancelled
                    else "",
                    uid=f"{PREFIX}{n:05d}@tia-samverkan",
                )
            )
        Event.objects.bulk_create(new, batch_size=BATCH)
        self.growth.add("events", len(new))

    def series_rule(self, n, start):
        """A rule as the calendar form would accept it, and the first start."""
        day = WEEKDAYS[n % 5]
        rule = [
            f"FREQ=WEEKLY;BYDAY={day};COUNT=10",
            "FREQ=MONTHLY;BYDAY=2TU",
            f"FREQ=WEEKLY;INTERVAL=2;BYDAY={day};COUNT=8",
            "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=12",
        ][(n // 20) % 4]
        local = timezone.localtime(start, STOCKHOLM)
        rule = validate_rule(rule, local.date())
        first = next(iter(rrulestr(rule, dtstart=local.replace(tzinfo=None))))
        return rule, first.replace(tzinfo=STOCKHOLM)
