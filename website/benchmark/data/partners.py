"""Organisations, their people and memberships."""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from core.users.factories import UserFactory
from forum.factories import LevelChangeFactory, ParticipationFactory
from forum.models import LevelChange, Participation
from partners.factories import (
    ContactPersonFactory,
    MembershipFactory,
    OrganisationFactory,
)
from partners.models import ContactPerson, Membership, Organisation
from website.benchmark.data.base import BATCH, PREFIX, bench_level, missing, user_ref
from website.benchmark.data.pools import FIRST_NAMES, LAST_NAMES, ORGANISATION_STEMS


class PartnersGrowth:
    """Organisations, their people and memberships."""

    # ------------------------------------------------------- organisations

    def organisations(self):
        target = self.volumes["organisations"]
        todo = missing(
            target,
            Organisation.objects.filter(slug__startswith=f"{PREFIX}org-").values_list(
                "slug", flat=True
            ),
            r"^bench-org-(\d+)$",
        )
        if not todo:
            return
        places = self.municipalities
        new = []
        for n in todo:
            stem, kind = ORGANISATION_STEMS[n % len(ORGANISATION_STEMS)]
            place = places[n % len(places)]
            round_ = n // (len(ORGANISATION_STEMS) * len(places))
            name = f"{stem} i {place.name}" + (f" {round_ + 1}" if round_ else "")
            new.append(
                OrganisationFactory.build(
                    slug=f"{PREFIX}org-{n:03d}",
                    name=name,
                    kind=kind,
                    description=(
                        f"{stem} arbetar med asylsökande och nyanlända i "
                        f"{place.name} och samarbetar med studieförbunden."
                    ),
                )
            )
        Organisation.objects.bulk_create(new, batch_size=BATCH)
        created = {
            o.slug: o
            for o in Organisation.objects.filter(slug__in=[o.slug for o in new])
        }
        Places = Organisation.municipalities.through
        Regions = Organisation.subregions.through
        places_rows, region_rows, contacts, participations, changes = [], [], [], [], []
        for n in todo:
            org = created[f"{PREFIX}org-{n:03d}"]
            served = {places[n % len(places)]}
            if n % 3 == 0:
                served.add(places[(n * 7 + 3) % len(places)])
            for place in served:
                places_rows.append(Places(organisation=org, municipality_id=place.pk))
            for region_id in {p.subregion_id for p in served if p.subregion_id}:
                region_rows.append(Regions(organisation=org, subregion_id=region_id))
            first = FIRST_NAMES[n % len(FIRST_NAMES)]
            last = LAST_NAMES[(n * 5) % len(LAST_NAMES)]
            for scope, visibility, role in (
                (ContactPerson.Scope.LOCAL, ContactPerson.Visibility.PUBLIC, "Kontakt"),
                (
                    ContactPerson.Scope.OTHER,
                    ContactPerson.Visibility.MEMBERS,
                    "Verksamhetsledare",
                ),
            ):
                contacts.append(
                    ContactPersonFactory.build(
                        organisation=org,
                        name=f"{first} {last}",
                        role=role,
                        scope=scope,
                        visibility=visibility,
                        email=f"{slugify(first)}.{slugify(last)}@{org.slug}.example",
                        phone=f"040-628 04 {n % 100:02d}",
                    )
                )
                last = LAST_NAMES[(n * 5 + 1) % len(LAST_NAMES)]
            level = bench_level(n)
            if level:
                since = self.today - datetime.timedelta(days=30 + (n * 37) % 700)
                participations.append(
                    ParticipationFactory.build(
                        organisation=org,
                        forum=self.forum,
                        level=level,
                        since=since,
                    )
                )
                changes.append(
                    LevelChangeFactory.build(
                        organisation=org,
                        forum=self.forum,
                        from_level=None,
                        to_level=level,
                        changed_by=self.convener,
                        changed_at=self.local(since, 10),
                        note="Anslöt till forumet.",
                    )
                )
        Places.objects.bulk_create(places_rows, batch_size=BATCH)
        Regions.objects.bulk_create(region_rows, batch_size=BATCH)
        ContactPerson.objects.bulk_create(contacts, batch_size=BATCH)
        Participation.objects.bulk_create(participations, batch_size=BATCH)
        LevelChange.objects.bulk_create(changes, batch_size=BATCH)
        self.growth.add("organisations", len(new))
        self.growth.add("contact persons", len(contacts))
        self.growth.add("participations", len(participations))

    # -------------------------------------------------------------- people

    def users(self):
        User = get_user_model()
        target = self.volumes["users"]
        todo = missing(
            target,
            User.objects.filter(email__startswith=PREFIX).values_list(
                "email", flat=True
            ),
            r"^bench-user-(\d+)@",
        )
        if not todo:
            return
        email = "{prefix}user-{n:04d}@bench.example".format
        new = [
            UserFactory.build(  # no usable password: no one signs in with these
                email=email(prefix=PREFIX, n=n),
                first_name=FIRST_NAMES[n % len(FIRST_NAMES)],
                last_name=LAST_NAMES[(n * 7) % len(LAST_NAMES)],
            )
            for n in todo
        ]
        User.objects.bulk_create(new, batch_size=BATCH)
        ids = dict(
            User.objects.filter(email__in=[u.email for u in new]).values_list(
                "email", "pk"
            )
        )
        orgs = self.all_organisations()
        addresses, memberships = [], []
        for n in todo:
            user_id = ids[email(prefix=PREFIX, n=n)]
            addresses.append(
                EmailAddress(
                    user_id=user_id,
                    email=email(prefix=PREFIX, n=n),
                    verified=True,
                    primary=True,
                )
            )
            homes = [orgs[n % len(orgs)]]
            if n % 10 == 3:  # some people act for two organisations
                homes.append(orgs[(n * 7 + 5) % len(orgs)])
            for number, org in enumerate({o.pk: o for o in homes}.values()):
                memberships.append(
                    MembershipFactory.build(
                        user=user_ref(user_id),
                        organisation=org,
                        role=(
                            Membership.Role.ADMIN
                            if n % 25 == 0 and not number
                            else Membership.Role.MEMBER
                        ),
                        status=(
                            Membership.Status.PENDING
                            if n % 20 == 19
                            else Membership.Status.ACTIVE
                        ),
                    )
                )
        EmailAddress.objects.bulk_create(addresses, batch_size=BATCH)
        Membership.objects.bulk_create(
            memberships, batch_size=BATCH, ignore_conflicts=True
        )
        self.growth.add("users", len(new))
        self.growth.add("memberships", len(memberships))
