"""Wagtail's document download, behind the access rule (``access.py``)."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve

from core.audit import record
from core.audit.models import Action

from .access import Access, access


def serve(request, document_id, document_filename):
    """Serve the document if the person may see what refers to it."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    if document.filename != document_filename:
        # Before the rule: a wrong name tells nothing about the document.
        raise Http404
    allowed = access(request.user, document)
    if allowed is Access.DENIED:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    response = wagtail_serve(request, document_id, document_filename)
    if allowed is Access.PRIVATE:
        # What one person may read must not be kept by a shared cache.
        patch_cache_control(response, private=True)
        if response.status_code == 200:
            record(Action.DOCUMENT_DOWNLOADED, request=request, obj=document)
    return response
