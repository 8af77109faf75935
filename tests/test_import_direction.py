"""Imports go one way (docs/architecture.md): a room may import the rooms below it, never one above it or a
peer beside it; news goes up by signals connected in `AppConfig.ready()`. An import of the hub's own code inside
a function (outside `ready()`) says on its line why it cannot sit at the top of the module."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Rooms from the bottom up; rooms on one level are peers and do not import each other.
LAYERS = (
    ("hub",),
    ("embassies",),
    ("moderation", "search"),
    ("press", "social"),
    ("analytics",),
    ("api", "frontend_templates"),
    ("demo", "hub.urls"),  # the demo network and the composition root sit above everything
)
LEVEL = {room: level for level, rooms in enumerate(LAYERS) for room in rooms}

def room_of(module: str) -> str | None:
    """The room a dotted module name lives in: its longest prefix that names a room."""
    parts = module.split(".")
    for length in range(len(parts), 0, -1):
        prefix = ".".join(parts[:length])
        if prefix in LEVEL:
            return prefix
    return None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, node.module] if node.module else base)


def imports_of(path: Path):
    """(imported module, line) for every import in a file, at any depth (imports inside functions count too)."""
    module = module_name(path)
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            yield absolute(node, module, path.name == "__init__.py"), node.lineno


def upward_imports() -> dict[tuple[str, str], str]:
    found = {}
    for top in {room.split(".")[0] for room in LEVEL}:
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = module_name(path)
            own = room_of(module)
            for imported, line in imports_of(path):
                target = room_of(imported)
                if target is None or target == own:
                    continue
                if LEVEL[target] >= LEVEL[own]:
                    found[(module, target)] = f"{path.relative_to(ROOT)}:{line} imports {imported}"
    return found


def test_no_room_imports_one_above_it_or_a_peer():
    found = upward_imports()
    assert not found, "imports against the direction in docs/architecture.md:\n" + "\n".join(sorted(found.values()))


# The imports of the hub's own code left inside functions (docs/architecture.md lists them with their reasons).
JUSTIFIED_LAZY_IMPORTS = {("embassies.assets.page_forms", "embassies.assets.rules")}


def lazy_imports() -> list[tuple[str, str, str, bool]]:
    """(module, imported, where, says why on its line) of each import of the hub's own modules inside a function
    other than `ready()`."""
    found = []
    for top in sorted({room.split(".")[0] for room in LEVEL}):
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = module_name(path)
            lines = path.read_text().splitlines()
            for function in ast.walk(ast.parse("\n".join(lines), filename=str(path))):
                if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) or function.name == "ready":
                    continue
                for node in ast.walk(function):
                    if isinstance(node, ast.ImportFrom):
                        imported = absolute(node, module, path.name == "__init__.py")
                    elif isinstance(node, ast.Import):
                        imported = node.names[0].name
                    else:
                        continue
                    if room_of(imported) is not None:
                        where = f"{path.relative_to(ROOT)}:{node.lineno} imports {imported} in {function.name}()"
                        found.append((module, imported, where, "#" in lines[node.end_lineno - 1]))
    return found


def test_imports_inside_functions_say_why():
    """No import hides in a function to dodge a cycle unnoticed: each one left names its reason on its line."""
    found = [where for _module, _imported, where, says_why in lazy_imports() if not says_why]
    assert not found, "move these to the top of the module, or say on the line why they cannot be:\n" + "\n".join(found)


def test_only_the_documented_imports_hide_in_functions():
    """A new cycle inside an app is broken (a module of its own, a callable passed in, a signal), not hidden."""
    found = {(module, imported) for module, imported, _where, _says_why in lazy_imports()}
    assert found == JUSTIFIED_LAZY_IMPORTS


def test_the_reference_site_never_imports_the_api():
    offending = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in (ROOT / "frontend_templates").rglob("*.py")
        for imported, line in imports_of(path)
        if room_of(imported) == "api"
    ]
    assert offending == []


def test_rooms_and_levels_are_read_as_documented():
    """The checker itself: modules map to their rooms, peers count as against the direction, lower is lower."""
    assert room_of("api.pages.serializers") == "api"
    assert room_of("moderation.selectors") == "moderation"
    assert room_of("hub.models") == "hub"
    assert room_of("django.db") is None
    assert LEVEL[room_of("frontend_templates.context")] >= LEVEL[room_of("api.urls")]  # peers count as against
    assert LEVEL[room_of("embassies.selectors")] < LEVEL[room_of("search.services")]
    assert LEVEL[room_of("moderation.services")] > LEVEL[room_of("embassies.signals")]
    assert LEVEL[room_of("demo.services")] > LEVEL[room_of("api.pages.views")]
