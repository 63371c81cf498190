"""The person's own settings on the account pages: display name and language."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .forms import LanguageForm, NameForm
from .language import in_language

# Where the account pages start; the host names it (website/urls.py).
OVERVIEW = "account_overview"


@login_required
def edit_name(request):
    """The name others see in the forum, the directory and the header."""
    form = NameForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Ditt namn är sparat."))
        return redirect(OVERVIEW)
    return TemplateResponse(request, "users/name_form.html", {"form": form})


@login_required
def edit_language(request):
    """The language the site uses after sign-in; it applies at once too."""
    form = LanguageForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        if not user.language:
            messages.success(request, _("Ditt språkval är sparat."))
            return redirect(OVERVIEW)
        with in_language(user.language) as switch:
            messages.success(request, _("Ditt språkval är sparat."))
            return switch(redirect(OVERVIEW))
    return TemplateResponse(request, "users/language_form.html", {"form": form})
