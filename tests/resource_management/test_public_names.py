"""``smartsuite.resource_management`` names its public surface explicitly: no star import, every
name in ``__all__`` exists, and every name the README imports from it is in ``__all__``."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import smartsuite.resource_management as rm_package
from smartsuite.resource_management import models

README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_imports() -> set[str]:
    names: set[str] = set()
    for block in re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S):
        for node in ast.walk(ast.parse(block)):
            if isinstance(node, ast.ImportFrom) and node.module in (
                "smartsuite.resource_management",
                "smartsuite.resource_management.models",
            ):
                names |= {alias.name for alias in node.names}
    return names


def test_the_package_imports_nothing_with_a_star() -> None:
    tree = ast.parse(inspect.getsource(rm_package))
    stars = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.names[0].name == "*"]
    assert stars == []
    assigned = [n for n in tree.body if isinstance(n, ast.Assign)]
    assert any(
        isinstance(t, ast.Name) and t.id == "__all__" and isinstance(n.value, ast.List)
        for n in assigned
        for t in n.targets
    ), "__all__ is a literal list"


def test_every_name_in_all_exists_once() -> None:
    names = rm_package.__all__
    assert len(names) == len(set(names))
    assert [n for n in names if not hasattr(rm_package, n)] == []


def test_the_models_and_the_client_are_all_public() -> None:
    assert set(models.__all__) <= set(rm_package.__all__)
    assert {"ResourceManagementClient", "DEFAULT_BASE_URL", "parse_webhook", "PagingLinkError"} <= (
        set(rm_package.__all__)
    )


def test_what_the_readme_imports_is_public() -> None:
    used = _readme_imports()
    assert used, "the README imports from smartsuite.resource_management"
    assert sorted(used - set(rm_package.__all__)) == []
