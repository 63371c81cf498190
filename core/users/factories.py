"""Factories for the people who sign in."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified e-mail address; no usable password unless given."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", None)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # After every hook, a subclass's too: the password is set by then.
        if create:
            instance.save()
            EmailAddress.objects.create(
                user=instance, email=instance.email, verified=True, primary=True
            )
