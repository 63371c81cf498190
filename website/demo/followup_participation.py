"""Demo participation counts: what the organisers reported for the demo
activities (``activities.py``) in the last three complete months.

Invented numbers, believable for the activity: a course near its seats, a
drop-in café with more coming and going, women-only groups all women. Some
cells are small (1–5), so the county's view shows the masking. Each report
is made by a (fictional) member of the organising organisation. Only what
is missing is created: running the seed again changes nothing.
"""

import datetime

from django.utils import timezone

from directory.models import Activity
from knowledge.followup.factories_participation import ParticipationReportFactory
from knowledge.followup.models import AgeBand, ParticipationReport, Sex
from knowledge.followup.models.participation import month_end
from website.demo.activities import first_member

MONTHS = 3
# The share of each age band among adult asylum seekers, roughly.
AGE_WEIGHTS = {
    AgeBand.FROM_18: 0.22,
    AgeBand.FROM_25: 0.36,
    AgeBand.FROM_35: 0.23,
    AgeBand.FROM_45: 0.16,
    AgeBand.FROM_65: 0.03,
}


def complete_months(today, months=MONTHS):
    """The first days of the last ``months`` complete months, oldest first."""
    first = today.replace(day=1)
    starts = []
    for _month in range(months):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
        starts.append(first)
    return sorted(starts)


def participants(activity, index, month_number):
    """How many took part in one month: near the seats, or a café's regulars."""
    seats = activity.capacity or (14 + index % 9 * 3)
    if activity.start_date == activity.end_date:  # a one-off meeting
        return max(6, seats * (55 + index % 30) // 100)
    # A little fewer each month, as courses go.
    return max(3, seats * (70 + (index * 7) % 35) // 100 - month_number * (index % 3))


def women_share(activity, index):
    if activity.target_group == Activity.TargetGroup.WOMEN:
        return 1.0
    if activity.target_group == Activity.TargetGroup.MEN:
        return 0.0
    # Between a quarter and three fifths: some activities reach women less.
    return 0.25 + (index * 13) % 36 / 100


def grid_for(total, share, index):
    women = round(total * share)
    grid = {}
    for sex, people in ((Sex.WOMEN, women), (Sex.MEN, total - women)):
        left = people
        bands = list(AGE_WEIGHTS)
        for position, band in enumerate(bands):
            if position == len(bands) - 1:
                count = left
            else:
                weight = AGE_WEIGHTS[band] * (0.85 + (index + position) % 4 * 0.1)
                count = min(left, round(people * weight))
            grid[sex.value, band.value] = count
            left -= count
    return grid


def create_participation():
    """Monthly reports for the activities that ran in the last complete months."""
    today = timezone.localdate()
    months = complete_months(today)
    activities = (
        Activity.objects.filter(
            status__in=[Activity.Status.PUBLISHED, Activity.Status.ENDED],
            start_date__lte=month_end(months[-1]),
        )
        .select_related("organisation")
        .order_by("pk")
    )
    existing = set(
        ParticipationReport.objects.values_list("activity_id", "period_start")
    )
    created = 0
    for index, activity in enumerate(activities):
        reporter = first_member(activity.organisation)
        running = [
            month
            for month in months
            if activity.start_date <= month_end(month)
            and (activity.end_date is None or activity.end_date >= month)
        ]
        for number, month in enumerate(running):
            if (activity.pk, month) in existing:
                continue
            total = participants(activity, index, number)
            started = total if number == 0 else (index + number) % 4
            started = min(started, total)
            dropped = (index + number) % 3 if started > 2 else 0
            finished = activity.end_date is not None and activity.end_date <= month_end(
                month
            )
            completed = max(0, started - dropped) if finished else 0
            ParticipationReportFactory(
                activity=activity,
                period_start=month,
                period_end=month_end(month),
                started=started,
                completed=completed,
                dropped_out=dropped,
                reported_by=reporter,
                updated_by=reporter,
                grid=grid_for(total, women_share(activity, index), index),
            )
            created += 1
    return created


def participation_summary():
    reports = ParticipationReport.objects.count()
    activities = (
        ParticipationReport.objects.values("activity").distinct().order_by().count()
    )
    return f"Deltagande: {reports} rapporter för {activities} aktiviteter"
