"""The package's shape, checked from the source: layers import only downwards, no cycles, no hidden imports.

The layers and their order are those of docs/architecture.md. The import graph is built with ``ast``
from every module under ``cleaner/`` (nothing is imported to build it), so a cycle hidden behind an
import inside a function is seen as well.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cleaner"

# Bottom to top: a module may import from its own layer or any layer below it.
LAYERS = (
    ("model", "errors", "version"),
    ("lexicon",),
    ("text",),
    ("rules",),
    ("config",),
    ("io",),
    ("metadata",),
    ("layout",),
    ("html",),
    ("sites",),
    ("pipeline",),
    ("run",),
    ("corpus",),
    ("report",),
    ("cli",),
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
TOP = len(LAYERS)  # the package's __init__ re-exports the public API from any layer
# Imported where first used: optional extras, datasketch (numpy and scipy: half a second at every
# start of the command, for --duplicates only), and trafilatura and htmldate (a tenth of a second at every
# start, for HTML pages only: `clean learn` on plain text never runs them).
OPTIONAL = {"dask", "distributed", "lightgbm", "sklearn", "datatrove", "tqdm", "datasketch", "trafilatura", "htmldate"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1:
        return TOP
    return RANK[parts[1]]


def imports_of(path: Path) -> list[tuple[str, bool]]:
    """``(module, at_top_level)`` for every ``cleaner`` module this file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            if name == "cleaner" or name.startswith("cleaner."):
                found.append((_existing(name), id(node) in top_level or _type_checking(tree, node)))
    return [(name, top) for name, top in found if name]


def _existing(name: str) -> str:
    """The module a dotted name refers to (``cleaner.io.records.Document`` -> ``cleaner.io.records``)."""
    parts = name.split(".")
    while parts:
        candidate = PACKAGE.parent.joinpath(*parts)
        if candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file():
            return ".".join(parts)
        parts.pop()
    return ""


def _type_checking(tree: ast.Module, node: ast.AST) -> bool:
    for block in tree.body:
        is_guard = isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        if is_guard and any(child is node for child in ast.walk(block)):
            return True
    return False


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: imports_of(path) for name, path in MODULES.items()}


def test_every_subpackage_is_a_known_layer() -> None:
    unknown = {name.split(".")[1] for name in MODULES if name.count(".") >= 1} - set(RANK)
    assert not unknown, f"add these to LAYERS (and docs/architecture.md): {sorted(unknown)}"


def test_layers_import_only_downwards() -> None:
    upward = [
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        for target, _ in targets
        if target != "cleaner" and layer_of(target) > layer_of(module)
    ]
    assert not upward, "imports from a higher layer:\n" + "\n".join(upward)


def test_no_imports_hidden_inside_functions() -> None:
    hidden = [f"{module} -> {target}" for module, targets in GRAPH.items() for target, top in targets if not top]
    assert not hidden, "cleaner imports inside functions (a hidden cycle?):\n" + "\n".join(hidden)


def test_no_import_cycles() -> None:
    edges = {module: {t for t, _ in targets if t in MODULES and t != module} for module, targets in GRAPH.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in cycles)


def test_optional_dependencies_are_the_only_lazy_imports() -> None:
    lazy = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in top_level:
                if _type_checking(tree, node):
                    continue
                roots = {alias.name.split(".")[0] for alias in node.names} if isinstance(node, ast.Import) else set()
                if isinstance(node, ast.ImportFrom):
                    roots = {(node.module or "").split(".")[0]}
                if not roots <= OPTIONAL:
                    lazy.append(f"{name}: {ast.unparse(node)}")
    assert not lazy, "imports inside functions of required modules:\n" + "\n".join(lazy)
