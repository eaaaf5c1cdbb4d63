"""The import graph of newsgraph: no cycles anywhere, and the layer contracts hold.

import-linter (``make lint``) checks the contracts in pyproject.toml; this test adds
what no contract there says: no cycle between any two modules of the package.
"""

from __future__ import annotations

import grimp


def strongly_connected(edges: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                groups.append(group)
    return groups


def test_the_finder_sees_a_cycle():
    assert {"a", "b"} in strongly_connected({"a": {"b"}, "b": {"a"}, "c": {"a"}})


def test_no_module_of_newsgraph_imports_itself_through_others():
    graph = grimp.build_graph("newsgraph")
    edges = {
        m: {d for d in graph.find_modules_directly_imported_by(m) if d.startswith("newsgraph")} for m in graph.modules
    }
    cycles = [sorted(group) for group in strongly_connected(edges) if len(group) > 1]
    assert cycles == []
