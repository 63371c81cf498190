"""Permission-matrix rows for the audit log in the admin.

Only county administrators (and superusers) read it; an editor, staff without
the role, is sent back to the dashboard; everybody else to the sign-in page.
There is no URL that adds, changes or deletes an entry.
"""

from core.audit import record
from core.audit.models import Action
from tests.matrix_roles import ADMIN_DENIED, COUNTY_ADMINS, LOGIN, ROLES

READERS = dict.fromkeys(ROLES, LOGIN) | {"editor": ADMIN_DENIED} | COUNTY_ADMINS

ROWS = {
    "audit:index": ("/admin/audit/", READERS),
    "audit:index_results": ("/admin/audit/results/", READERS),
    "audit:inspect": ("/admin/audit/inspect/{audit_entry}/", READERS),
}


def populate(people, forum):
    people["_audit_entry"] = record(
        Action.SIGNED_IN, actor=people["information"], forum=forum
    ).pk
