from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import CharField, F, Value
from django.db.models.functions import Coalesce, Concat, Lower, NullIf, Trim
from django.utils.translation import gettext_lazy as _

from core.collation import swedish


class UserManager(BaseUserManager):
    """Creates users identified by their email address."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser.")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    """A person who signs in with their email address; no username."""

    username = None
    email = models.EmailField(_("e-postadress"), unique=True)
    # A code from settings.LANGUAGES (checked by the form: the list grows
    # without a migration); blank means the site's default.
    language = models.CharField(
        _("språk"),
        max_length=16,
        blank=True,
        help_text=_("Webbplatsen visas på det här språket när personen loggar in."),
    )
    # The language of the person's latest page on the site (kept by
    # core.users.middleware.RememberLanguageMiddleware): their email's language
    # when they have not chosen one (core.users.language.language_for).
    last_language = models.CharField(
        _("senast använda språk"), max_length=16, blank=True, editable=False
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("användare")
        verbose_name_plural = _("användare")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email


def by_name(prefix=""):
    """Orderings that list people as the site shows them (``str(user)``): in
    Swedish order of their full name, or of their email address when they
    gave no name. ``prefix`` reaches the user through a relation (``"user__"``).
    """
    full_name = Trim(
        Concat(
            F(f"{prefix}first_name"),
            Value(" "),
            F(f"{prefix}last_name"),
            output_field=CharField(),
        )
    )
    shown = Coalesce(NullIf(full_name, Value("")), F(f"{prefix}email"))
    return [swedish(shown), f"{prefix}email"]
