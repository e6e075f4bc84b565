"""The import graph of the library: no package imports a package above it or beside it, and no
import cycle runs across packages.

The graph is read from the source (``ast``), not from ``sys.modules``, so every import counts
wherever it is written:

- module level: a dependency when the module is imported;
- inside a function (lazy): a dependency when the function runs; deferring it does not make
  the arrow point the other way;
- under ``if TYPE_CHECKING:``: a dependency of the types (mypy, the docs and the generated sync
  facade read them), so the layers hold for it too.

The one exception is :data:`FORWARDS`: a convenience method that forwards to a higher layer
(``ss.rows.upsert`` calls ``smartsuite.etl.upsert_rows``). It may import upward only lazily or
for its signature's types (never at module level), and it is left out of the cycle check. The
test fails when a forward is no longer used, so the list cannot outlive its reason.

Layers, from the bottom (:data:`LAYERS`); a package may import only packages of lower layers:

====  ===================================================  =========================================
 0    ``_version``                                         the version string
 1    ``_core``                                            HTTP, paging, bulk, models; no service
 2    ``smartsheet`` ``resource_management`` ``appsheet``  the three services, each on ``_core``
      ``redis`` ``emulator``                               only, and none imports another
 3    ``smartsuite`` (the root ``__init__``), ``etl``      re-exports; ETL on the three clients
 4    ``cli`` ``sync`` ``testing`` ``_syncgen``            entry points, the generated facade, the
                                                           pytest plugin, the facade's generator
====  ===================================================  =========================================

``_syncgen`` imports only ``_core`` in its source but reads every client by ``importlib`` at
generation time, so it sits at the top with the facade it writes.
"""

from __future__ import annotations

import ast
import itertools
import textwrap
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

import pytest

import smartsuite

ROOT = Path(smartsuite.__file__).parent

LAYERS: list[frozenset[str]] = [
    frozenset({"_version"}),
    frozenset({"_core"}),
    frozenset({"smartsheet", "resource_management", "appsheet", "redis", "emulator"}),
    frozenset({"smartsuite", "etl"}),
    frozenset({"cli", "sync", "testing", "_syncgen"}),
]

#: (importing module, imported package): upward imports allowed only lazily or for types.
FORWARDS: frozenset[tuple[str, str]] = frozenset(
    {("smartsuite.smartsheet.resources.rows", "etl")}  # ss.rows.upsert -> etl.upsert_rows
)

#: Modules the layering work untangled: they must stay out of every import cycle.
ACYCLIC = (
    "smartsuite.smartsheet.client",
    "smartsuite.smartsheet.oauth",
    "smartsuite.smartsheet.token_endpoint",
    "smartsuite.smartsheet.defaults",
    "smartsuite.smartsheet.resources.tokens",
    "smartsuite.resource_management.client",
    "smartsuite.appsheet.",  # every module of the package
    "smartsuite._core.namespaces",
)


class Import(NamedTuple):
    importer: str
    imported: str
    kind: str  # "module", "lazy" or "type_checking"
    line: int


# -- the checker ---------------------------------------------------------------------------


def library_sources(root: Path = ROOT) -> dict[str, tuple[str, bool]]:
    """module name -> (source text, is a package ``__init__``)."""
    out: dict[str, tuple[str, bool]] = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        out[".".join(parts)] = (path.read_text(encoding="utf-8"), is_package)
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return isinstance(test, ast.Name | ast.Attribute) and ast.unparse(test).endswith(
        "TYPE_CHECKING"
    )


def module_imports(name: str, source: str, is_package: bool, known: Iterable[str]) -> list[Import]:
    """Every import of the library's own modules written in ``source`` (module ``name``):
    ``from pkg import submodule`` names the submodule, relative imports are resolved."""
    modules = set(known)
    found: list[Import] = []

    def resolve(node: ast.ImportFrom) -> str:
        if not node.level:
            return node.module or ""
        base = name.split(".") if is_package else name.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        return ".".join([*base, node.module] if node.module else base)

    def record(node: ast.stmt, kind: str) -> None:
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source_module = resolve(node)
            subs = [f"{source_module}.{a.name}" for a in node.names]
            named = [s for s in subs if s in modules]
            targets = named if named and len(named) == len(subs) else [source_module, *named]
        for target in targets:
            if target in modules and target != name:
                found.append(Import(name, target, kind, node.lineno))

    def walk(node: ast.AST, kind: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                walk(child, "lazy" if kind == "module" else kind)
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                for stmt in child.body:
                    record(stmt, "type_checking")
                    walk(stmt, "type_checking")
                for stmt in child.orelse:
                    record(stmt, kind)
                    walk(stmt, kind)
            else:
                if isinstance(child, ast.stmt):
                    record(child, kind)
                walk(child, kind)

    walk(ast.parse(source), "module")
    return found


def package_of(module: str) -> str:
    """``smartsuite.smartsheet.resources.rows`` -> ``smartsheet``; the root is ``smartsuite``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def layer_violations(
    imports: Iterable[Import],
    layers: list[frozenset[str]],
    forwards: frozenset[tuple[str, str]] = frozenset(),
) -> list[str]:
    """Imports of a package in the same or a higher layer, and packages in no layer."""
    layer = {package: i for i, group in enumerate(layers) for package in group}
    problems: list[str] = []
    for imp in imports:
        source, target = package_of(imp.importer), package_of(imp.imported)
        if source == target:
            continue
        where = f"{imp.importer}:{imp.line} imports {imp.imported} ({imp.kind})"
        for package in (source, target):
            if package not in layer:
                problems.append(f"{where}: package {package!r} is in no layer")
        if source not in layer or target not in layer:
            continue
        if (imp.importer, target) in forwards and imp.kind != "module":
            continue
        if layer[target] > layer[source]:
            problems.append(f"{where}: upward, layer {layer[source]} -> {layer[target]}")
        elif layer[target] == layer[source]:
            problems.append(f"{where}: sideways, both in layer {layer[source]}")
    return problems


def cycles(edges: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    counter = itertools.count()
    found: list[list[str]] = []
    nodes = set(edges) | {t for targets in edges.values() for t in targets}

    def visit(node: str) -> None:  # recursion depth is the longest import chain (small)
        index[node] = low[node] = next(counter)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return sorted(found)


def package_edges(
    imports: Iterable[Import], forwards: frozenset[tuple[str, str]] = frozenset()
) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for imp in imports:
        source, target = package_of(imp.importer), package_of(imp.imported)
        if source != target and (imp.importer, target) not in forwards:
            edges.setdefault(source, set()).add(target)
    return edges


def module_edges(
    imports: Iterable[Import], forwards: frozenset[tuple[str, str]] = frozenset()
) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for imp in imports:
        if (imp.importer, package_of(imp.imported)) not in forwards:
            edges.setdefault(imp.importer, set()).add(imp.imported)
    return edges


# -- the library ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def imports() -> list[Import]:
    sources = library_sources()
    return [
        imp
        for name, (text, is_package) in sources.items()
        for imp in module_imports(name, text, is_package, sources)
    ]


def test_the_graph_sees_every_kind_of_import(imports: list[Import]) -> None:
    kinds = {imp.kind for imp in imports}
    assert kinds == {"module", "lazy", "type_checking"}
    rows = "smartsuite.smartsheet.resources.rows"
    assert {i.kind for i in imports if i.importer == rows and i.imported == "smartsuite.etl"} == {
        "lazy",
        "type_checking",
    }


def test_every_package_has_a_layer() -> None:
    packages = {package_of(name) for name in library_sources()}
    placed = set().union(*LAYERS)
    assert packages == placed


def test_no_package_imports_a_package_above_or_beside_it(imports: list[Import]) -> None:
    assert layer_violations(imports, LAYERS, FORWARDS) == []


def test_no_cycle_runs_across_packages(imports: list[Import]) -> None:
    assert cycles(package_edges(imports, FORWARDS)) == []


def test_every_forward_is_used_and_never_at_module_level(imports: list[Import]) -> None:
    for importer, package in FORWARDS:
        kinds = {
            i.kind for i in imports if i.importer == importer and package_of(i.imported) == package
        }
        assert kinds, f"{importer} no longer imports {package}: drop it from FORWARDS"
        assert "module" not in kinds


def test_the_untangled_modules_are_in_no_cycle(imports: list[Import]) -> None:
    tangled = [
        component
        for component in cycles(module_edges(imports, FORWARDS))
        if any(m == a or (a.endswith(".") and m.startswith(a)) for m in component for a in ACYCLIC)
    ]
    assert tangled == []


# -- the checker itself, on a tiny synthetic library ----------------------------------------


def _synthetic(files: dict[str, str]) -> list[Import]:
    sources = {
        name.removesuffix(".__init__"): (textwrap.dedent(text), name.endswith("__init__"))
        for name, text in files.items()
    }
    return [
        imp
        for name, (text, is_package) in sources.items()
        for imp in module_imports(name, text, is_package, sources)
    ]


SYNTHETIC = {
    "smartsuite.__init__": "",
    "smartsuite._core.__init__": "",
    "smartsuite._core.base": "X = 1\n",
    "smartsuite.alpha.__init__": "",
    "smartsuite.alpha.client": """
        from typing import TYPE_CHECKING
        from .._core import base
        if TYPE_CHECKING:
            from ..beta.client import B
        def later():
            from smartsuite.top import run
    """,
    "smartsuite.beta.__init__": "",
    "smartsuite.beta.client": "from ..alpha import client\n",
    "smartsuite.top.__init__": "def run(): ...\n",
}
SYNTHETIC_LAYERS = [
    frozenset({"_core"}),
    frozenset({"alpha", "beta"}),
    frozenset({"top", "smartsuite"}),
]


def test_the_checker_reads_kinds_and_resolves_relative_imports() -> None:
    found = {(i.importer, i.imported, i.kind) for i in _synthetic(SYNTHETIC)}
    assert found == {
        ("smartsuite.alpha.client", "smartsuite._core.base", "module"),
        ("smartsuite.alpha.client", "smartsuite.beta.client", "type_checking"),
        ("smartsuite.alpha.client", "smartsuite.top", "lazy"),
        ("smartsuite.beta.client", "smartsuite.alpha.client", "module"),
    }


def test_the_checker_fails_on_upward_sideways_and_unplaced_imports() -> None:
    problems = layer_violations(_synthetic(SYNTHETIC), SYNTHETIC_LAYERS)
    assert len(problems) == 3
    assert any(
        "alpha.client:5 imports smartsuite.beta.client" in p and "sideways" in p for p in problems
    )
    assert any("imports smartsuite.top (lazy): upward, layer 1 -> 2" in p for p in problems)
    assert any("beta.client:1 imports smartsuite.alpha.client" in p for p in problems)
    unplaced = layer_violations(_synthetic(SYNTHETIC), SYNTHETIC_LAYERS[1:])
    assert any("package '_core' is in no layer" in p for p in unplaced)


def test_a_forward_is_excused_only_when_lazy() -> None:
    forwards = frozenset({("smartsuite.alpha.client", "top")})
    problems = layer_violations(_synthetic(SYNTHETIC), SYNTHETIC_LAYERS, forwards)
    assert not any("smartsuite.top" in p for p in problems)
    eager = {**SYNTHETIC, "smartsuite.alpha.client": "from ..top import run\n"}
    assert any(
        "upward" in p for p in layer_violations(_synthetic(eager), SYNTHETIC_LAYERS, forwards)
    )


def test_the_checker_finds_a_cycle_between_packages() -> None:
    assert cycles(package_edges(_synthetic(SYNTHETIC))) == [["alpha", "beta"]]
    acyclic = {**SYNTHETIC, "smartsuite.beta.client": "from .._core import base\n"}
    assert cycles(package_edges(_synthetic(acyclic))) == []
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
