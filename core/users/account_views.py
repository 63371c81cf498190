"""The person's own settings on the account pages: display name, language,
their data to download and the deletion of their account."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import personal_data
from .forms import DeleteAccountForm, LanguageForm, NameForm
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


@login_required
def my_data(request):
    """What the download holds, the button to download it, and the way to
    delete the account."""
    return TemplateResponse(request, "users/my_data.html", {})


@login_required
@require_GET
def my_data_download(request):
    """Everything the platform holds about the person, as one JSON file."""
    data = personal_data.collect(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"tia-mina-uppgifter-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def delete_account(request):
    """Delete the account after the password (or address) and "TA BORT"."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        personal_data.delete_account(user)
        messages.success(
            request,
            _(
                "Ditt konto är borttaget. Det du skrev i forumet finns kvar och "
                "visas som skrivet av en tidigare medlem."
            ),
        )
        return redirect("/")
    return TemplateResponse(request, "users/delete_account.html", {"form": form})
