"""The floors hold: import-linter's contracts (pyproject.toml) pass on the tree as
it is and fail when a lower floor imports a higher one."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    "core",
    "partners",
    "forum",
    "directory",
    "events",
    "knowledge",
    "website",
    "tests",
]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(cwd):
    # A process of its own: import-linter finds packages through the import
    # system, which in this process already holds the real tree.
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def copy_sources(target):
    """The Python files of every root package, nothing else (fast to copy)."""
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package,
            target / package,
            ignore=lambda folder, names: [
                name
                for name in names
                if not name.endswith(".py") and not (Path(folder) / name).is_dir()
            ],
        )


def test_the_tree_keeps_every_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "upward_import", "broken"),
    [
        (
            "core/upward.py",
            "import website.urls\n",
            ["Each floor imports only the floors below it", "The core imports no"],
        ),
        (
            "core/upward.py",
            "from forum.access import visible_q\n",
            ["Each floor imports only the floors below it", "The core imports no"],
        ),
        (
            "events/upward.py",
            "def later():\n    from website.home import views\n",
            ["The plugin apps import neither the host site nor the tests"],
        ),
        (
            "forum/upward.py",
            "from events.models import Event\n",
            ["Each floor imports only the floors below it"],
        ),
    ],
)
def test_an_upward_import_breaks_a_contract(tmp_path, module, upward_import, broken):
    copy_sources(tmp_path)
    (tmp_path / module).write_text(upward_import)
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout
    for name in broken:
        assert name in result.stdout.replace("\n", " ")
    # The report names the offending import.
    assert module.removesuffix(".py").replace("/", ".") in result.stdout
