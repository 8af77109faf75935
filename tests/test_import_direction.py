"""Imports go one way (docs/architecture.md): a room may import the rooms below it, never one above it or a
peer beside it. The imports that still break the rule are listed in KNOWN_UPWARD; the list may only shrink:
a new upward import fails, and so does a listed one that has gone (take it off the list)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Rooms from the bottom up; rooms on one level are peers and do not import each other.
LAYERS = (
    ("hub",),
    ("embassies",),
    ("hub.moderation", "search"),
    ("api", "frontend_templates"),
    ("hub.demo", "hub.urls"),  # the composition root and the demo content sit above everything
)
LEVEL = {room: level for level, rooms in enumerate(LAYERS) for room in rooms}

# (importing module, imported room): the knots that the rest of the architecture issue (13) unties with signals
# and the demo app. Nothing may be added here.
KNOWN_UPWARD = {
    ("embassies.models.pages", "hub.moderation"),  # a page's workflow: moderation should answer through a hook
    ("hub.management.commands.seed_demo", "hub.demo"),  # the command moves with the demo into its own app
    ("hub.selectors", "embassies"),  # mission homes: the page tree is read from below its models
    ("hub.services", "embassies"),  # provisioning creates mission homes: a mission_provisioned signal instead
    ("hub.services", "hub.moderation"),  # provisioning creates workflows: the same signal
}


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
    new = {key: where for key, where in found.items() if key not in KNOWN_UPWARD}
    assert not new, "imports against the direction in docs/architecture.md:\n" + "\n".join(sorted(new.values()))


def test_the_list_of_known_upward_imports_only_shrinks():
    gone = KNOWN_UPWARD - set(upward_imports())
    assert not gone, f"these no longer import upward; take them off KNOWN_UPWARD: {sorted(gone)}"


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
    assert room_of("hub.moderation.selectors") == "hub.moderation"
    assert room_of("hub.models") == "hub"
    assert room_of("django.db") is None
    assert LEVEL[room_of("frontend_templates.context")] >= LEVEL[room_of("api.urls")]  # peers count as against
    assert LEVEL[room_of("embassies.selectors")] < LEVEL[room_of("search.services")]
