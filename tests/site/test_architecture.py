"""Imports run one way: between apps as DESIGN.md orders them, and in no circle anywhere in the project.

Read from the source with `ast`, so lazy imports inside functions count too.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["pages", "events", "ideas", "home"]  # each may import only those before it
SITE = ROOT / "site"  # a folder on sys.path: its modules are top-level ("settings", "urls")


def project_modules() -> dict[str, Path]:
    modules = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    for path in SITE.glob("*.py"):
        modules[path.stem] = path
    return modules


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules that `name` imports; `from package import module` names the module.

    Entering a package from outside runs its `__init__` first, so importing `pages.models.partners` from
    `pages.listing` imports `pages.models` too; a sibling inside the package is already past that point.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for target in targets:
            parts = target.split(".")
            for depth in range(1, len(parts) + 1):
                entered = ".".join(parts[:depth])
                inside = name == entered or name.startswith(entered + ".")
                if entered in modules and (depth == len(parts) or not inside):
                    found.add(entered)
    found.discard(name)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_the_imports_it_should():
    graph = import_graph()
    assert "pages.models.partners" in graph["pages.models.directory"]
    assert "pages.localized" in graph["pages.models.partners"]
    assert "pages.demo" in graph["home.demo"]
    assert "pages.navigation" in graph["pages.templatetags.kohtaamo_tags"]


def test_entering_a_package_from_outside_imports_its_init_but_a_sibling_does_not():
    graph = import_graph()
    assert "pages.models" in graph["pages.navigation"]
    assert "pages.models" not in graph["pages.models.directory"]


def test_no_module_imports_a_module_that_imports_it_back():
    assert circles(import_graph()) == []


def test_a_circle_is_found_when_there_is_one():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_apps_import_only_the_apps_below_them():
    rank = {app: position for position, app in enumerate(APPS)}
    upward = [
        f"{source} imports {target}"
        for source, targets in import_graph().items()
        for target in targets
        if source.split(".")[0] in rank
        and (target.split(".")[0] not in rank or rank[target.split(".")[0]] > rank[source.split(".")[0]])
    ]
    assert upward == []
