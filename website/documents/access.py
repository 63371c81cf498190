"""Who may download a Wagtail document.

Staff attach documents to meetings (``events.EventAttachment``) and to
consultations (``forum.ConsultationDocument``) in the admin. Wagtail's own
document view does not know the forum's levels, so ours asks the content the
document is attached to: a document attached to something is served to whoever
may see at least one of those things, through their ``visible_to`` querysets
(the one access rule). A document attached to nothing (one linked from a public
page) is public, as in Wagtail.
"""

from django.db.models import Q

from forum.access import is_staff


def attached(document):
    """Whether ``document`` is attached to any event or consultation."""
    from events.models import EventAttachment
    from forum.consultation_models import ConsultationDocument

    return (
        EventAttachment.objects.filter(document=document).exists()
        or ConsultationDocument.objects.filter(document=document).exists()
    )


def readable_by(user, document):
    """Whether ``user`` may download ``document``."""
    from events.models import Event
    from forum.consultation_models import Consultation

    if not attached(document):
        return True
    if Event.objects.visible_to(user).filter(attachments__document=document).exists():
        return True
    consultations = Consultation.objects.visible_to(user).filter(
        documents__document=document
    )
    if not is_staff(user):
        # Drafts are for the forum's conveners only.
        published = Q(published=True)
        if user.is_authenticated:
            published |= Q(forum__conveners=user)
        consultations = consultations.filter(published)
    return consultations.exists()
