"""What the knowledge room holds about a person, for their data download:
whether they chose to be told about new knowledge pages."""

from core.users.personal_data import register

from .models import KnowledgeSubscription


@register("knowledge_subscription")
def knowledge_subscription(user):
    scope = (
        KnowledgeSubscription.objects.filter(user=user)
        .values_list("scope", flat=True)
        .first()
    )
    return {"new_knowledge": scope or KnowledgeSubscription.Scope.NONE}
