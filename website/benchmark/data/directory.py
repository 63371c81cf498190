"""Activities copied from the demo's across the municipalities."""

import datetime
from decimal import Decimal

from django.utils.text import slugify

from directory.factories import ActivityFactory
from directory.models import Activity
from website.benchmark.data.base import BATCH, PREFIX, missing
from website.benchmark.data.pools import WEEKDAYS, K
from website.demo.activities import TOWN_CENTRES


class DirectoryGrowth:
    """Activities copied from the demo's across the municipalities."""

    # ---------------------------------------------------------- activities

    def activities(self):
        target = self.volumes["activities"]
        todo = missing(
            target,
            Activity.objects.filter(slug__startswith=PREFIX).values_list(
                "slug", flat=True
            ),
            r"^bench-(\d+)-",
        )
        if not todo:
            return
        sources = list(
            Activity.objects.filter(status=Activity.Status.PUBLISHED)
            .exclude(slug__startswith=PREFIX)
            .select_related("organisation")
            .prefetch_related("instruction_languages", "support_languages")
            .order_by("pk")
        )
        if not sources:
            self.growth.notes.append(
                "No published demo activity to copy: run seed_demo."
            )
            return
        # Municipalities run their own activities only at home: a copy moved
        # elsewhere gets an association or a study association instead.
        organisers = [
            o
            for o in self.all_organisations()
            if o.kind not in (K.MUNICIPALITY, K.AUTHORITY, K.REGION)
        ]
        contacts = self.public_contacts()
        places = self.municipalities
        new, languages = [], []
        for n in todo:
            source = sources[n % len(sources)]
            place = places[(n * 7) % len(places)]
            org = source.organisation
            if org.kind in (K.MUNICIPALITY, K.AUTHORITY, K.REGION):
                org = organisers[n % len(organisers)]
            org_contacts = contacts.get(org.pk) or [None]
            slug = f"{PREFIX}{n:04d}-{slugify(f'{source.title} {place.name}')}"[:140]
            activity = ActivityFactory.build(
                title=source.title,
                slug=slug,
                summary=source.summary,
                description=source.description,  # cleaned when the source was saved
                organisation=org,
                contact_person_id=org_contacts[n % len(org_contacts)],
                category=source.category,
                target_group=source.target_group,
                age_band=source.age_band,
                municipality=place,
                mode=source.mode,
                venue=source.venue,
                address=source.address,
                start_time=source.start_time,
                end_time=source.end_time,
                capacity=source.capacity,
                join_method=source.join_method,
                registration_url=(
                    f"https://example.org/anmalan/{slug}"
                    if source.join_method == Activity.JoinMethod.REGISTRATION
                    else ""
                ),
                how_to_join=source.how_to_join,
                accessibility_notes=source.accessibility_notes,
                funding=source.funding,
                grant_reference=source.grant_reference,
                grant_amount=source.grant_amount,
                status=Activity.Status.PUBLISHED,
                created_by_id=source.created_by_id,
            )
            self.schedule_activity(activity, source, n)
            if (
                activity.mode != Activity.Mode.ONLINE
                and place.name in TOWN_CENTRES
                and n % 3 != 2
            ):
                lat, lon = TOWN_CENTRES[place.name]
                activity.latitude = Decimal(f"{lat + ((n * 37) % 21 - 10) / 2000:.6f}")
                activity.longitude = Decimal(f"{lon + ((n * 53) % 21 - 10) / 1200:.6f}")
            new.append(activity)
            languages.append(
                (
                    slug,
                    [lang.pk for lang in source.instruction_languages.all()],
                    [lang.pk for lang in source.support_languages.all()],
                )
            )
        Activity.objects.bulk_create(new, batch_size=BATCH)
        ids = dict(
            Activity.objects.filter(slug__in=[a.slug for a in new]).values_list(
                "slug", "pk"
            )
        )
        Taught = Activity.instruction_languages.through
        Supported = Activity.support_languages.through
        taught, supported = [], []
        for slug, taught_ids, supported_ids in languages:
            taught += [Taught(activity_id=ids[slug], language_id=i) for i in taught_ids]
            supported += [
                Supported(activity_id=ids[slug], language_id=i) for i in supported_ids
            ]
        Taught.objects.bulk_create(taught, batch_size=BATCH)
        Supported.objects.bulk_create(supported, batch_size=BATCH)
        self.growth.add("activities", len(new))

    def schedule_activity(self, activity, source, n):
        """Dates, rule and history counted from today; every fifth has ended."""
        today, week = self.today, datetime.timedelta(weeks=1)
        ended = n % 5 == 4
        if source.rrule:
            day = WEEKDAYS[(n * 3) % 6]  # Monday to Saturday
            activity.rrule = f"FREQ=WEEKLY;BYDAY={day}"
            if ended:
                start = today - week * (20 + n % 10)
                end = today - week * (1 + n % 8)
            else:
                start = today - week * (n % 8)
                end = today + week * (4 + n % 30)
            while start.weekday() != WEEKDAYS.index(day):
                start += datetime.timedelta(days=1)
        else:
            offset = datetime.timedelta(days=1 + n % 90)
            start = end = today - offset if ended else today + offset
        activity.start_date, activity.end_date = start, end
        if ended:
            activity.status = Activity.Status.ENDED
        published = min(start, today) - datetime.timedelta(days=10 + n % 30)
        activity.published_at = self.local(published, 9, n % 60)
        if n % 17 == 0 and not ended:  # not confirmed for more than 90 days
            activity.last_confirmed = today - datetime.timedelta(days=95 + n % 30)
        else:
            activity.last_confirmed = max(
                published, today - datetime.timedelta(days=(n * 11) % 60)
            )
