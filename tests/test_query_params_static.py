"""A static check beside tests/test_query_params.py: no Python file or template
of the project outside ``core/query.py`` reads ``request.GET`` or the raw
``QUERY_STRING``, so every view goes through the form it declares.
"""

import ast

from django.conf import settings


def project_files(pattern):
    for folder in (
        "core",
        "website",
        "partners",
        "forum",
        "directory",
        "events",
        "knowledge",
        "templates",
    ):
        for path in (settings.BASE_DIR / folder).glob(pattern):
            if "migrations" not in path.parts:
                yield path


def test_views_read_the_query_string_only_through_their_declared_form():
    """``request.GET`` appears in core/query.py only, which hands it to the
    form a view declares; the recording QueryDict above catches what this
    cannot see (a form or a library reading a parameter not declared)."""
    allowed = settings.BASE_DIR / "core" / "query.py"
    readers = []
    for path in project_files("**/*.py"):
        if path == allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Attribute) and node.attr == "GET":
                readers.append(f"{path.relative_to(settings.BASE_DIR)}:{node.lineno}")
            if isinstance(node, ast.Constant) and node.value == "QUERY_STRING":
                readers.append(f"{path.relative_to(settings.BASE_DIR)}:{node.lineno}")
    for path in project_files("**/*.html"):
        if "request.GET" in path.read_text():
            readers.append(str(path.relative_to(settings.BASE_DIR)))
    assert not readers, (
        f"Read request.GET through a form declared with @reads_query: {readers}"
    )
