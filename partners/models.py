import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.collation import sort_key, swedish
from core.geography.models import Municipality, SubRegion
from core.single_line import single_line

from .validators import normalise_organisation_number, validate_organisation_number


class OrganisationQuerySet(models.QuerySet):
    def with_directory_relations(self):
        """What directory lists and pages read, fetched in a fixed number of queries."""
        return self.prefetch_related("municipalities", "subregions")


class Organisation(models.Model):
    """An organisation that arranges activities or takes part in a forum."""

    class Kind(models.TextChoices):
        AUTHORITY = "authority", _("Myndighet")
        MUNICIPALITY = "municipality", _("Kommun")
        STUDY_ASSOCIATION = "study_association", _("Studieförbund")
        FOLK_HIGH_SCHOOL = "folk_high_school", _("Folkhögskola")
        NON_PROFIT = "non_profit", _("Idéburen organisation")
        FAITH_COMMUNITY = "faith_community", _("Trossamfund")
        REGION = "region", _("Region")
        OTHER = "other", _("Annan")

    name = models.CharField(_("namn"), max_length=200, validators=[single_line])
    slug = models.SlugField(_("kortnamn"), max_length=200, unique=True)
    kind = models.CharField(_("typ"), max_length=32, choices=Kind.choices)
    organisation_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_organisation_number],
        help_text=_("Tio siffror, t.ex. 802002-1234."),
    )
    website = models.URLField(_("webbplats"), blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    description = models.TextField(_("beskrivning"), blank=True)
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("kommuner där organisationen verkar"),
        blank=True,
        related_name="organisations",
    )
    subregions = models.ManyToManyField(
        SubRegion,
        verbose_name=_("delregioner där organisationen verkar"),
        blank=True,
        related_name="organisations",
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logotyp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = [swedish("name")]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="organisation_name_ci_unique"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.organisation_number == "":
            self.organisation_number = None
        super().save(*args, **kwargs)

    def clean(self):
        if self.organisation_number:
            self.organisation_number = normalise_organisation_number(
                self.organisation_number
            )

    def is_admin(self, user):
        return (
            self.memberships.active()
            .filter(user=user, role=Membership.Role.ADMIN)
            .exists()
        )


class ContactPersonQuerySet(models.QuerySet):
    def public(self):
        """Those that public pages may show; the rest are for forum members."""
        return self.filter(visibility=ContactPerson.Visibility.PUBLIC)


class ContactPerson(models.Model):
    """Someone to contact at an organisation; public or shown to forum members only."""

    class Scope(models.TextChoices):
        REGIONAL = "regional", _("Regional kontakt")
        LOCAL = "local", _("Lokal kontakt")
        OTHER = "other", _("Kontaktperson")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Offentlig")
        MEMBERS = "members", _("Bara för forumets medlemmar")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contact_persons",
    )
    name = models.CharField(_("namn"), max_length=200, validators=[single_line])
    role = models.CharField(
        _("roll"), max_length=200, blank=True, validators=[single_line]
    )
    scope = models.CharField(
        _("slags kontakt"), max_length=16, choices=Scope.choices, default=Scope.OTHER
    )
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    visibility = models.CharField(
        _("synlighet"),
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["scope", swedish("name")]

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLIC


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Membership.Status.ACTIVE)

    def pending(self):
        return self.filter(status=Membership.Status.PENDING)


class Membership(models.Model):
    """A person's membership of an organisation; what gives them its forum level."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Medlem")
        ADMIN = "admin", _("Organisationsadministratör")

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar på godkännande")
        ACTIVE = "active", _("Aktiv")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("roll"), max_length=16, choices=Role.choices, default=Role.MEMBER
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        ordering = [swedish("organisation__name"), "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_unique_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation}"


def invitation_token():
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + timedelta(days=Invitation.VALID_DAYS)


class Invitation(models.Model):
    """An invitation by email to join an organisation; works once, then expires."""

    VALID_DAYS = 14

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-post"))
    role = models.CharField(
        _("roll"),
        max_length=16,
        choices=Membership.Role.choices,
        default=Membership.Role.MEMBER,
    )
    token = models.CharField(max_length=64, unique=True, default=invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inbjuden av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("skickad"), auto_now_add=True)
    expires_at = models.DateTimeField(_("gäller till"), default=invitation_expiry)
    accepted_at = models.DateTimeField(_("accepterad"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepterad av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("inbjudan")
        verbose_name_plural = _("inbjudningar")
        ordering = ["-created_at"]
        constraints = [
            # One unused invitation per address and organisation, whatever its
            # case: two admins inviting the same person at the same instant
            # cannot both succeed (partners.invitations removes expired ones
            # before it adds a new one).
            models.UniqueConstraint(
                "organisation",
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True),
                name="one_unused_invitation_per_address",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_usable(self):
        return self.accepted_at is None and self.expires_at > timezone.now()


def no_forums(user):
    return None


class AgreementQuerySet(models.QuerySet):
    # The forums in which ``user`` reads agreements: the forum's rule, which
    # this app, below the forum, cannot import. The forum hands it over when it
    # loads (``forum.apps.ForumConfig.ready``); until then nobody reads any.
    readable_forums = staticmethod(no_forums)

    def visible_to(self, user):
        """Read in their forum's partnership workspace, and by the parties' admins.

        The workspace is the forum's rule (Partnerskap, conveners, county
        administrators); an organisation's admins read what it signed on its
        dashboard, at whatever level it takes part.
        """
        if not user.is_authenticated:
            return self.none()
        forums = self.readable_forums(user)
        administered = Membership.objects.active().filter(
            user=user, role=Membership.Role.ADMIN
        )
        rule = models.Q(
            pk__in=Agreement.objects.of_organisations(
                administered.values("organisation")
            ).values("pk")
        )
        if forums is not None:
            rule |= models.Q(forum__in=forums)
        return self.filter(rule)

    def of_organisations(self, organisations):
        """The agreements that any of ``organisations`` (a queryset) is party to."""
        return self.filter(
            models.Q(organisation__in=organisations)
            | models.Q(
                pk__in=Agreement.parties.through.objects.filter(
                    organisation__in=organisations
                ).values("agreement")
            )
        )

    def of_organisation(self, organisation):
        return self.of_organisations(Organisation.objects.filter(pk=organisation.pk))

    def drafts(self):
        return self.filter(signed_on__isnull=True)

    def in_force(self, on=None):
        """Signed, and ``on`` (today by default) lies within the period."""
        day = on or timezone.localdate()
        return self.filter(
            signed_on__isnull=False, valid_from__lte=day, valid_until__gte=day
        )


class Agreement(models.Model):
    """A partnership agreement (överenskommelse) between organisations and a forum."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        UPCOMING = "upcoming", _("Undertecknad, börjar gälla senare")
        IN_FORCE = "in_force", _("Gäller")
        ENDED = "ended", _("Har upphört")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="agreements",
        help_text=_("Den organisation som överenskommelsen i första hand gäller."),
    )
    parties = models.ManyToManyField(
        Organisation,
        verbose_name=_("parter"),
        blank=True,
        related_name="agreements_as_party",
        help_text=_(
            "Organisationerna som har undertecknat. Organisationen ovan räknas "
            "alltid som part."
        ),
    )
    forum = models.ForeignKey(
        "forum.Forum",
        verbose_name=_("forum"),
        on_delete=models.CASCADE,
        related_name="agreements",
    )
    title = models.CharField(_("rubrik"), max_length=200, validators=[single_line])
    signed_on = models.DateField(
        _("undertecknad den"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt så länge överenskommelsen är ett utkast."),
    )
    valid_from = models.DateField(_("gäller från"))
    valid_until = models.DateField(_("gäller till"))
    delegated_tasks = models.TextField(_("delegerade uppgifter"), blank=True)
    signed_document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("undertecknad överenskommelse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("överenskommelse")
        verbose_name_plural = _("överenskommelser")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="agreement_period_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.organisation})"

    def status_on(self, day):
        """Draft until signed; then upcoming, in force, ended by its period.

        A period that is over ends the agreement whether or not it was signed.
        """
        if self.valid_until < day:
            return self.Status.ENDED
        if self.signed_on is None:
            return self.Status.DRAFT
        if day < self.valid_from:
            return self.Status.UPCOMING
        return self.Status.IN_FORCE

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    def all_parties(self):
        """The parties by name, the organisation among them (reads a prefetch)."""
        parties = {party.pk: party for party in self.parties.all()}
        parties.setdefault(self.organisation_id, self.organisation)
        return sorted(parties.values(), key=lambda party: sort_key(party.name))
