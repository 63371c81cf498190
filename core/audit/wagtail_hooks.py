from wagtail import hooks

from .views import AuditLogViewSet


@hooks.register("register_admin_viewset")
def register_audit_log():
    return AuditLogViewSet()
