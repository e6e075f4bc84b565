"""Generate the typed sync facade from the async API.

Run ``python -m smartsuite._syncgen`` after changing the async clients (``--check``
only reports whether the checked-in modules are stale). For each client it walks the client
class, every namespace its properties return and every class their methods return that has
async methods (``Table`` ...), and writes one sync class per async class with the same method
names, parameters, defaults and return types: coroutines run through the client's portal,
``AsyncPaginator[T]`` becomes :class:`~smartsuite.sync.Paginator`, async generators become
plain iterators. Models (attrs classes) are plain data and returned as they are; a model's own
coroutine (``Sheet.refresh``) is mirrored on the namespace whose ``get`` returns the model
(``ss.sheets.refresh(sheet)``, see :mod:`.models`). ``smartsuite.etl``'s public names are
mirrored the same way into ``smartsuite/sync/etl.py``. The output is formatted with ruff when it
is installed.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import shutil
import subprocess
import sys
from pathlib import Path

from .introspect import Ref
from .module import Module

CLIENTS = (
    ("smartsuite.smartsheet.client", "SmartsheetClient", "_smartsheet"),
    ("smartsuite.resource_management.client", "ResourceManagementClient", "_resource_management"),
    ("smartsuite.appsheet.client", "AppSheetClient", "_appsheet"),
)
ETL_MODULE = ("smartsuite.etl", "etl")
HERE = Path(__file__).parent.parent / "sync"


def generate(*, formatted: bool = True) -> dict[str, str]:
    """Every generated module's source, by file name (``formatted``: through ruff, when it
    is installed)."""
    files: dict[str, str] = {}
    clients: dict[type, str] = {}
    client_modules: dict[type, str] = {}
    for modname, clsname, target in CLIENTS:
        root = getattr(importlib.import_module(modname), clsname)
        mod = Module()
        order = mod.discover(root)
        for cls in order:
            mod.emit_class(cls, client=cls is root)
        files[f"{target}.py"] = mod.render(
            f"``{modname}.{clsname}``",
            f"The sync {clsname} and the sync classes of its namespaces.",
        )
        for cls in order:
            clients[cls] = cls.__name__
            client_modules[cls] = target
    files[f"{ETL_MODULE[1]}.py"] = _render_etl(_generate_etl(clients, client_modules))
    if not formatted:
        return files
    return {name: _format(name, text) for name, text in files.items()}


def _generate_etl(clients: dict[type, str], client_modules: dict[type, str]) -> Module:
    first = _etl_module(clients, client_modules, set())
    return _etl_module(clients, client_modules, set(first.exports) - set(first.generated))


def _etl_module(
    clients: dict[type, str], client_modules: dict[type, str], reexports: set[str]
) -> Module:
    """The ETL module; names in ``reexports`` keep their own name wherever they are used."""
    etl = importlib.import_module(ETL_MODULE[0])
    mod = Module(external=clients)
    for public in sorted(reexports):
        mod.imports.name_for(getattr(etl, public), Ref(ETL_MODULE[0], public))
    for cls, target in client_modules.items():
        mod.imports.reserved.discard(cls.__name__)
        mod.imports.by_object[id(cls)] = cls.__name__
        mod.imports.lines[cls.__name__] = Ref(f".{target}", cls.__name__)
        mod.imports.objects[cls.__name__] = cls
    reexported = []
    for public in etl.__all__:
        mod.imports.reserved.add(public)
    for public in etl.__all__:
        obj = getattr(etl, public)
        made = False
        if inspect.isfunction(obj):
            made = mod.emit_function(obj, public)
        elif inspect.isclass(obj):
            made = mod.emit_subclass(obj)
        if not made:
            reexported.append(public)
    mod.generated = list(mod.exports)
    for public in reexported:
        mod.imports.reserved.discard(public)
        mod.imports.name_for(getattr(etl, public), Ref(ETL_MODULE[0], public))
        mod.exports.append(public)
    return mod


def _render_etl(mod: Module) -> str:
    text = mod.render(
        "``smartsuite.etl``",
        "The ETL entry points for sync clients: upserts and streams take and give sync objects; "
        "every other name is smartsuite.etl's own. Jobs passed as awaitables (``run_many``) are "
        "not mirrored: run sync upserts in a thread pool instead.",
    )
    return text


def _format(name: str, text: str) -> str:
    """The source formatted as the repository formats it (ruff), when ruff is installed."""
    ruff = shutil.which("ruff") or shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:
        return text
    path = str(HERE / name)
    fixed = subprocess.run(  # noqa: S603 - our own tool on our own text
        [
            ruff,
            "check",
            "--fix-only",
            "--quiet",
            "--select",
            "I,F401",
            "--stdin-filename",
            path,
            "-",
        ],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return subprocess.run(  # noqa: S603
        [ruff, "format", "--quiet", "--stdin-filename", path, "-"],
        input=fixed or text,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def normalized(source: str) -> str:
    """The source's meaning, insensitive to formatting and import order."""
    tree = ast.parse(source)
    imports: set[tuple[str, str, str]] = set()
    body = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            imports |= {(node.module or "", a.name, a.asname or "") for a in node.names}
        elif isinstance(node, ast.Import):
            imports |= {("", a.name, a.asname or "") for a in node.names}
        else:
            body.append(ast.dump(node))
    return repr(sorted(imports)) + "\n".join(body)


def stale(directory: Path = HERE) -> list[str]:
    """The generated files that differ from what the async API generates now."""
    out = []
    for name, text in generate(formatted=False).items():
        path = directory / name
        if not path.exists() or normalized(path.read_text()) != normalized(text):
            out.append(name)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m smartsuite._syncgen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report stale files")
    parser.add_argument("--out", type=Path, default=HERE, help="where to write (this package)")
    args = parser.parse_args(argv)
    if args.check:
        names = stale(args.out)
        for name in names:
            sys.stdout.write(f"stale: {name}\n")
        return 1 if names else 0
    for name, text in generate().items():
        (args.out / name).write_text(text)
        sys.stdout.write(f"wrote {args.out / name}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
