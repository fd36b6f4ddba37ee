"""No import cycles between the modules of ``tui_chat/``.

Every module is parsed with :mod:`ast` (nothing is imported) and every import it can
run counts: at module level, inside functions and methods (lazy imports), in ``try``
blocks. Imports under ``if TYPE_CHECKING:`` are left out: they never run, and they
are how a module names a type from a module that imports it (``events`` names
``RequestMetrics`` that way). Only explicit imports make edges: importing
``a.b.c`` runs ``a/b/__init__.py`` too, but that is not counted, or every package that
re-exports its submodules would be a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "tui_chat"


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Dotted name -> file for every module of ``package`` under ``root``."""
    names: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that module ``name`` (file ``path``) imports when run."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def target(dotted: str) -> str | None:
        while dotted and dotted not in known:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add(target(alias.name) or "")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                found.add(target(f"{base}.{alias.name}") or target(base) or "")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    found.discard("")
    found.discard(name)
    return found


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (see the module docstring)."""
    names = module_names(root, package)
    known = set(names)
    return {name: imported(name, path, known) for name, path in names.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as ``[a, b, ..., a]``, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := walk(nxt)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := walk(start)) is not None:
            return cycle
    return None


def test_tui_chat_has_no_import_cycle() -> None:
    graph = import_graph(ROOT, PACKAGE)
    assert "tui_chat.core.chat" in graph and "tui_chat.core.runtime" in graph
    assert "tui_chat.core.chat" in graph["tui_chat.core.runtime"]  # lazy imports count
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_check_finds_a_cycle_made_of_lazy_and_relative_imports(tmp_path: Path) -> None:
    """A tiny package whose modules import each other, one lazily, one relatively."""
    pkg = tmp_path / "demo"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from demo.sub.b import B\n")
    (pkg / "a.py").write_text("def f():\n    from demo.sub import b\n")
    (pkg / "sub" / "b.py").write_text("from ..c import C\nB = 1\n")
    (pkg / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import demo.a\n"
        "import demo.a as again\nC = 1\n"
    )
    graph = import_graph(tmp_path, "demo")
    assert graph["demo.sub.b"] == {"demo.c"}
    assert find_cycle(graph) == ["demo.a", "demo.sub.b", "demo.c", "demo.a"]
    (pkg / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import demo.a\nC = 1\n"
    )
    assert find_cycle(import_graph(tmp_path, "demo")) is None  # TYPE_CHECKING-only: no cycle
