"""The package's shape, checked from the source: layers import only downwards, no cycles, no hidden imports.

The layers and their order are those of docs/architecture.md. The import graph is built with ``ast``
from every module under ``cleaner/`` (nothing is imported to build it), so a cycle hidden behind an
import inside a function is seen as well.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import cleaner
import cleaner.pipeline

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
# PyYAML (front matter) and charset-normalizer (bytes that are not UTF-8, text that may be binary) likewise: `clean
# learn` over UTF-8 text without front matter never needs them (0.02 s each a start).
OPTIONAL = {"dask", "distributed", "lightgbm", "sklearn", "datatrove", "tqdm", "datasketch", "trafilatura", "htmldate"}
OPTIONAL |= {"yaml", "charset_normalizer"}
# The email package's parser (email.policy: 0.02-0.03 s a start) reads a browser's saved page (MHTML) for its HTML
# part: imported by cleaner.io.mhtml for such a file only.
OPTIONAL |= {"email"}
# The bzip2 and xz decompressors (bz2, lzma: 0.003 s a start together) read a ``.bz2`` or ``.xz`` article file
# (cleaner.io.compressed) for such a file only; gzip is imported at the start for the JSON Lines reader already.
OPTIONAL |= {"bz2", "lzma"}
# feedparser (a tenth of a second a start) reads a web feed (cleaner.io.feeds) for such a file only.
OPTIONAL |= {"feedparser"}
# ``cleaner`` modules imported where first used, so that `clean learn` (and any command that reads plain text)
# starts without the cleaning layers: the cleaning command's modules, the html layer for the first page, the
# wrapped lines' readers for the first paragraph joined from hard-wrapped lines, the legacy encodings' reader for the
# first bytes that are not UTF-8, other tools' front matter keys
# (read as authors and dates) for the first front matter, warcio for the first WARC file.
# Each edge is still in the import graph, so the layer and cycle tests see it.  The package ``__init__``s
# re-export their public names lazily (PEP 562; ``test_lazy_exports_are_declared``).
LAZY = {
    ("cleaner.cli.main", "cleaner.cli.command"),
    ("cleaner.cli.main", "cleaner.version"),
    # `clean --help` and a usage error import neither learning nor the pipeline; `clean learn` not the pipeline
    ("cleaner.cli.main", "cleaner.cli.learn"),
    ("cleaner.cli.main", "cleaner.config"),
    ("cleaner.cli.main", "cleaner.sites.profile"),
    ("cleaner.cli.options", "cleaner.config"),  # only when --timeout is given
    ("cleaner.cli.learn", "cleaner.run.local"),  # the worker processes: only with --jobs 2 or more
    ("cleaner.pipeline.reading", "cleaner.html"),
    ("cleaner.pipeline.reading", "cleaner.html.page"),
    ("cleaner.pipeline.reading", "cleaner.metadata.pagechoice"),
    ("cleaner.pipeline.reading", "cleaner.metadata.wrapped"),
    ("cleaner.pipeline.reading", "cleaner.metadata.frontkeys"),
    ("cleaner.io.documents", "cleaner.io"),
    ("cleaner.io.documents", "cleaner.io.warc"),
    ("cleaner.text.decode", "cleaner.text.legacy"),  # bytes that are not UTF-8: charset-normalizer, language profiles
}


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
    hidden = [
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        for target, top in targets
        if not top and (module, target) not in LAZY
    ]
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
                if roots == {"cleaner"} and _declared_lazy(name, node):
                    continue
                if not roots <= OPTIONAL:
                    lazy.append(f"{name}: {ast.unparse(node)}")
    assert not lazy, "imports inside functions of required modules:\n" + "\n".join(lazy)


def _declared_lazy(module: str, node: ast.Import | ast.ImportFrom) -> bool:
    """Whether every ``cleaner`` module a lazy import names is one of ``module``'s ``LAZY`` edges."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        names = [node.module or ""] + [f"{node.module}.{alias.name}" for alias in node.names]
    return all((module, _existing(name)) in LAZY for name in names if _existing(name))


def test_lazy_exports_are_declared() -> None:
    """A package re-exporting lazily names each export's module once for type checkers and once for
    ``__getattr__``: the two must agree, and ``__all__`` must name exactly the exports."""
    for package in (cleaner, cleaner.pipeline):
        tree = ast.parse(Path(package.__file__ or "").read_text(encoding="utf-8"))
        typed = {  # exported name -> (module, name there)
            alias.asname or alias.name: (node.module, alias.name)
            for block in tree.body
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for node in ast.walk(block)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        assert {name: module for name, (module, _) in typed.items()} == package._FROM
        top_level = {
            alias.asname or alias.name for node in tree.body if isinstance(node, ast.ImportFrom) for alias in node.names
        }
        assert set(package.__all__) == set(package._FROM) | (set(package.__all__) & top_level)
        for name in package.__all__:
            value = getattr(package, name)
            if name in typed:
                module, original = typed[name]
                assert value is getattr(importlib.import_module(module or ""), original)


def test_clean_learn_starts_without_the_cleaning_layers() -> None:
    """`clean learn` (and the command's start) imports no cleaning layer, html parser or model library."""
    heavy = [
        "cleaner.pipeline.cleaning",
        "cleaner.pipeline.deciding",
        "cleaner.cli.command",
        "cleaner.cli.handling",
        "cleaner.html.page",
    ]
    heavy += ["cleaner.metadata.wrapped", "cleaner.metadata.byline", "cleaner.metadata.dates"]
    heavy += ["cleaner.corpus.twopass", "cleaner.io.warc", "cleaner.version", "numpy", "lxml", "warcio"]
    heavy += ["yaml", "charset_normalizer"]  # front matter, bytes that are not UTF-8: imported where first used
    heavy += ["dateparser"]  # the month names of the keys are a lexicon file (tests/test_calendar_names.py)
    code = f"import sys, cleaner.cli.main; print([name for name in {heavy!r} if name in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_help_starts_without_the_cleaning_pipeline_or_learning() -> None:
    """`clean --help` builds its parser and exits before the pipeline (or `clean learn`'s readers) is imported: it
    took a third of a second for them, five times what the help needs."""
    heavy = ["cleaner.cli.command", "cleaner.pipeline.cleaning", "cleaner.cli.learn", "cleaner.sites.profile", "numpy"]
    code = (
        "import contextlib, io, sys\nfrom cleaner.cli.main import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n    main(['--help'])\n"
        f"print([name for name in {heavy!r} if name in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_clean_learn_with_one_job_starts_no_worker_module(tmp_path: Path) -> None:
    """`clean learn --jobs 1` learns in its own process, without importing the worker processes' module (nor the
    email package's parser, which reads a browser's saved page, an MHTML file, for its HTML part only)."""
    corpus = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
    argv = ["learn", str(corpus), "--jobs", "1", "-o", str(tmp_path / "profile.json"), "-q"]
    code = (
        f"import sys\nfrom cleaner.cli.main import main\nassert main({argv!r}) == 0\n"
        "print([name for name in ('multiprocessing', 'cleaner.run.local', 'email.policy') if name in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
