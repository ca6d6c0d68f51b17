"""Study (not a benchmark): which encoders realise the same function, tied k = 2, n <= 4.

The distinct-function count of the 3x3 k=2 tied family is open (see
proofs/network_counts.md, "Open").  This script records, by brute force in pure Python,
the structure that an exact route would have to handle.  For every ordered pair of
encoder units E = (h1, h2) it forms the product set P(E) of the pixel options.  For
every function F in the union, it collects:

* the number m of distinct outputs of F (its blocks);
* its realiser classes, each the unordered pair {h1 up to complement, h2 up to
  complement} together with the number of hidden codes that E uses (|H(X)|).

It checks the total against :func:`exactorbit.networks.count_distinct_functions`.
Run: python3 benchmarks/study_tied_blocks.py [n ...]   (default 2 3 4; n = 4 takes ~10 s)
"""

import itertools
import sys
from collections import Counter, defaultdict

from exactorbit.networks import NetworkFamily, count_distinct_functions


def units(n):
    """Every tied encoder unit (weights in {-1,0,1}, every threshold): (weights, table bitmask)."""
    out = []
    for w in itertools.product((-1, 0, 1), repeat=n):
        vals = [sum(w[i] for i in range(n) if (x >> i) & 1) for x in range(2**n)]
        for t in range(min(vals), max(vals) + 2):
            out.append((w, sum(1 << x for x, v in enumerate(vals) if v >= t)))
    return out


def study(n):
    full = (1 << 2**n) - 1

    def lit(a, h):
        return h if a == 1 else full ^ h

    def options(a, b, h1, h2):
        o = {0, full}
        if a and b:
            p, q = lit(a, h1), lit(b, h2)
            o |= {p & q, p | q}
        elif a:
            o.add(lit(a, h1))
        elif b:
            o.add(lit(b, h2))
        return sorted(o)

    def codes_used(h1, h2):
        return len({((h1 >> x) & 1, (h2 >> x) & 1) for x in range(2**n)})

    real = defaultdict(set)
    us = units(n)
    for w1, h1 in us:
        for w2, h2 in us:
            cls = (frozenset((min(h1, full ^ h1), min(h2, full ^ h2))), codes_used(h1, h2))
            for F in itertools.product(*(options(w1[i], w2[i], h1, h2) for i in range(n))):
                real[F].add(cls)
    blocks = Counter()
    four = Counter()
    three = Counter()
    for F, cs in real.items():
        m = len({tuple((f >> x) & 1 for f in F) for x in range(2**n)})
        blocks[m] += 1
        if m == 4:
            four[len({c for c, _ in cs})] += 1
        if m == 3:
            same = len({c for c, used in cs if used == 3})
            merged = any(used == 4 for _, used in cs)
            three[(same, merged)] += 1
    package = count_distinct_functions(NetworkFamily(f"1x{n}", 2, tied=True))
    print(f"n = {n}: {len(real)} distinct functions (package: {package})")
    print("  by number of distinct outputs m:", dict(sorted(blocks.items())))
    print("  m = 4, by number of realiser classes:", dict(sorted(four.items())))
    print("  m = 3, by (classes using 3 codes, also realised with 4 codes merged to 3):",
          dict(sorted(three.items())))
    assert len(real) == package


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["2", "3", "4"]:
        study(int(arg))
