"""networkx side of the interchange tests (run with Debian's /usr/bin/python3, networkx 2.8.8).

  centrality: stdin {nodes, relations, options: [...]} -> one {degree, in, out, betweenness, pagerank}
              per options, the graph built exactly as src/shared/analytics/centrality.ts defines it.
  read FORMAT PATH: what networkx itself reads from a GEXF or GraphML file -> {directed, nodes, edges}.
"""
import json
import sys

import networkx as nx


def build(nodes, relations, opts):
    # Unweighted: a DiGraph/Graph keeps one edge per pair, so parallel relations count once.
    # Weighted: parallel relations add their weights on that one edge. Self-loops are left out.
    G = nx.DiGraph() if opts["directed"] else nx.Graph()
    G.add_nodes_from(nodes)
    types = set(opts["types"]) if opts.get("types") else None
    known = set(nodes)
    for r in relations:
        if types is not None and r["type"] not in types:
            continue
        s, t = r["source"], r["target"]
        if s == t or s not in known or t not in known:
            continue
        w = r.get("weight")
        w = 1.0 if w is None else float(w)
        if opts["weighted"] and not w > 0:
            continue
        arcs = [(s, t)]
        if opts["directed"] and r["symmetric"]:
            arcs.append((t, s))
        for a, b in arcs:
            if G.has_edge(a, b):
                if opts["weighted"]:
                    G[a][b]["weight"] += w
            else:
                G.add_edge(a, b, weight=w)
    if opts["weighted"]:
        for _, _, d in G.edges(data=True):
            d["distance"] = 1 / d["weight"]
    return G


def centrality(payload):
    nodes, opts = payload["nodes"], payload["options"]
    G = build(nodes, payload["relations"], opts)
    weight = "weight" if opts["weighted"] else None
    # degree(weight=None) counts distinct neighbours (in + out on a DiGraph); with a weight it sums them.
    out = {"degree": [G.degree(v, weight=weight) for v in nodes]}
    # betweenness_centrality(normalized=True): 1/((n-1)(n-2)); weighted: 'distance' = 1/weight (Dijkstra).
    b = nx.betweenness_centrality(G, weight="distance" if opts["weighted"] else None)
    out["betweenness"] = [b[v] for v in nodes]
    # pagerank: damping 0.85, dangling mass spread uniformly; weights as transition strengths.
    pr = nx.pagerank(G, alpha=0.85, weight=weight, tol=1e-12, max_iter=10000)
    out["pagerank"] = [pr[v] for v in nodes]
    if opts["directed"]:
        out["in"] = [G.in_degree(v, weight=weight) for v in nodes]
        out["out"] = [G.out_degree(v, weight=weight) for v in nodes]
    return out


def plain(value):
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def read(fmt, path):
    G = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    if G.is_multigraph():
        edges = [{"source": u, "target": v, "key": str(k), "data": plain(d)} for u, v, k, d in G.edges(keys=True, data=True)]
    else:
        edges = [{"source": u, "target": v, "data": plain(d)} for u, v, d in G.edges(data=True)]
    return {
        "directed": G.is_directed(),
        "multigraph": G.is_multigraph(),
        "graph": plain(G.graph),
        "nodes": [{"id": n, "data": plain(d)} for n, d in G.nodes(data=True)],
        "edges": edges,
    }


if __name__ == "__main__":
    if sys.argv[1] == "centrality":
        # One graph, several definitions: {nodes, relations, options: [..]} -> a list of results.
        payload = json.load(sys.stdin)
        print(json.dumps([centrality({**payload, "options": o}) for o in payload["options"]]))
    elif sys.argv[1] == "read":
        print(json.dumps(read(sys.argv[2], sys.argv[3])))
    else:
        sys.exit(f"unknown command {sys.argv[1]}")
