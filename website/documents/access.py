"""Who may download a Wagtail document.

Staff attach documents to meetings (``events.EventAttachment``) and to
consultations (``forum.ConsultationDocument``) in the admin. Wagtail's own
document view does not know the forum's levels, so ours asks the content the
document is attached to: a document attached to something is served to whoever
may see at least one of those things, through their ``visible_to`` querysets
(the one access rule). A document attached to nothing (one linked from a public
page) is public, as in Wagtail.
"""


def attached(document):
    """Whether ``document`` is attached to any event or consultation."""
    from events.models import EventAttachment
    from forum.consultation_models import ConsultationDocument

    return (
        EventAttachment.objects.filter(document=document).exists()
        or ConsultationDocument.objects.filter(document=document).exists()
    )


def sees_attached(user, document):
    """Whether ``user`` sees something ``document`` is attached to."""
    from events.models import Event
    from forum.consultation_models import Consultation

    if Event.objects.visible_to(user).filter(attachments__document=document).exists():
        return True
    # Drafts count for the forum's conveners only (the queryset's rule).
    return (
        Consultation.objects.visible_to(user)
        .filter(documents__document=document)
        .exists()
    )
