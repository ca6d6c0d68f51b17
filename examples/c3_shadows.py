"""C3: how far are networks from group elements? Their nearest-element shadows and the shadow group.

Run: python examples/c3_shadows.py
"""

from exactorbit.groups import cycle_string, named_group
from exactorbit.networks import NetworkFamily, enumerate_functions
from exactorbit.shadows import recurrent_shadow_group, shadow_group

G = named_group("translations+dihedral", "2x2")
for hidden in (1, 2):
    family = NetworkFamily("2x2", hidden, tied=True)
    functions = enumerate_functions(family)
    at_zero = shadow_group(G, functions, tolerance=0)   # one pass over the family (route: listing)
    best = at_zero.best_distance
    S = at_zero.at(best)                                # the same shadows at another tolerance: no second pass
    print(f"{family.describe()}: {len(functions)} functions (shadow route: {S.method})")
    print(f"  distance to the nearest element of G (of 16 inputs) -> settings: {dict(sorted(S.distance_distribution.items()))}")
    print(f"  shadow group of the closest networks (distance {best}): order {S.order}, index {S.index} in G,"
          f" abelian {S.is_abelian}, generators {[cycle_string(g) for g, _ in S.generators]}")
    R = recurrent_shadow_group(functions)
    print(f"  recurrent shadow group (permutations of the recurrent sets): order {R.order}")

# one hidden unit on 3x3: 4.2e8 distinct functions, too many to list; the exact route never lists them
family = NetworkFamily("3x3", 1, tied=True)
G9 = named_group("translations+dihedral", "3x3")
S = shadow_group(G9, family, tolerance=64)
print(f"{family.describe()}: route {S.method}; best distance {S.best_distance} of 512 inputs; "
      f"fraction within 64: {S.fraction_within}")
