"""The import graph: no cycles between project modules, and layers that point one way.

Every project module is parsed with ``ast`` and every import is read, those inside functions
included, so a lazy import cannot hide a dependency. Layers, lowest first:

    cms       plumbing: links, prepared queries, the page cache, replicas, middleware, settings
    text      pure functions with no database: people.names and the body pipeline, articles.text
    images    the image library (people's headshots and works' posters point at it)
    people    who and what
    articles  what we publish, and the editorial core (articles.services)
    search    the search engine: indexes and backends
    reader    what readers get: pages, listings, feeds, sitemaps, the search page
    api       the content API: the readers' rules, served as JSON
    webhooks  notices to other systems when published content changes
    doors     the admin modules, management commands and the benchmark: they may use anything

A module may import its own layer and the layers below it, never one above. ``cms`` is the
bottom: apps import its plumbing, so it imports no app, except for the edges in ``ALLOWED``.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("cms", "people", "images", "articles", "search", "reader", "api", "webhooks", "bench")

# Lowest first; a module belongs to the layer of its longest matching prefix.
LAYERS = {
    "cms": 0,
    "people.names": 1,
    "articles.text": 1,
    "images": 2,
    "people": 3,
    "articles": 4,
    "search": 5,
    "reader": 6,
    "api": 7,
    "webhooks": 8,
    "articles.admin": 9,
    "articles.admin_revisions": 9,
    "articles.admin_preview": 9,
    "articles.admin_quote_review": 9,
    "articles.admin_toolbar": 9,
    "people.admin": 9,
    "images.admin": 9,
    "webhooks.admin": 9,
    "articles.management": 9,
    "images.management": 9,
    "bench": 9,
}

# Edges that cross the layers upwards on purpose, each with its reason.
ALLOWED = {
    # The Jinja2 environment that settings names (TEMPLATES) gathers the template helpers of
    # the apps whose pages use them; it is wiring, and nothing below the apps imports it.
    ("cms.templating", "images.templatetags.images"): "picture and social-card helpers for templates",
    ("cms.templating", "reader.templatetags.json_ld"): "the JSON-LD filter for readers' pages",
    ("cms.templating", "search.templatetags.search_marks"): "search result marks for templates",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    }


MODULES = project_modules()


def resolve(name: str) -> str | None:
    """The project module ``name`` refers to: itself, or the nearest enclosing module."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(module: str, path: Path) -> set[str]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from package import module`` imports the module; ``from module import name`` the module.
            names = [f"{base}.{alias.name}" if resolve(f"{base}.{alias.name}") else base for alias in node.names]
        else:
            continue
        found.update(target for name in names if (target := resolve(name)) and target != module)
    return found


GRAPH = {module: imports_of(module, path) for module, path in MODULES.items()}


def layer(module: str) -> int:
    prefix = module
    while prefix not in LAYERS:
        prefix = prefix.rpartition(".")[0]
        assert prefix, f"{module} is in no layer; add its package to LAYERS"
    return LAYERS[prefix]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
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

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_reads_every_kind_of_import():
    assert "reader.progress" in GRAPH["reader.views"]  # from module import name
    assert "reader.views" in GRAPH["reader.urls"]  # from package import module
    assert "articles.models" in GRAPH["search.backends"]


def test_no_two_project_modules_import_each_other_even_indirectly():
    assert cycles(GRAPH) == []


def test_no_module_imports_a_layer_above_its_own():
    upward = sorted(
        (module, target)
        for module, targets in GRAPH.items()
        for target in targets
        if layer(target) > layer(module) and (module, target) not in ALLOWED
    )
    assert upward == []


@pytest.mark.parametrize("edge", sorted(ALLOWED))
def test_each_allowed_exception_is_still_needed(edge):
    module, target = edge
    assert target in GRAPH[module], f"{module} no longer imports {target}: remove it from ALLOWED"


def test_people_imports_nothing_from_the_apps_above_it():
    people = {(m, t) for m, targets in GRAPH.items() if m.startswith("people.") for t in targets}
    assert {(m, t) for m, t in people if t.split(".")[0] in ("articles", "search", "reader")} == set()


def test_the_text_pipeline_is_pure_and_imports_only_people_names():
    outside = {
        (module, target)
        for module, targets in GRAPH.items()
        if module.startswith("articles.text")
        for target in targets
        if not target.startswith("articles.text") and target != "people.names"
    }
    assert outside == set()
    assert GRAPH["people.names"] == set()


def test_cms_imports_no_app_beyond_the_listed_exceptions():
    apps = ("people", "images", "articles", "search", "reader")
    reached = {
        (module, target)
        for module, targets in GRAPH.items()
        if module.split(".")[0] == "cms"
        for target in targets
        if target.split(".")[0] in apps
    }
    assert reached <= set(ALLOWED)
