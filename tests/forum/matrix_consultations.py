"""Permission-matrix rows for consultation URLs of forum/ (tests/matrix_roles.py)."""

ROWS = {}


def populate(people, forum):
    """Add what the rows need to ``people`` as "_name" keys (used as {name} in URLs)."""
