"""C3: how far are networks from group elements? Their nearest-element shadows and the shadow group.

Run: python examples/c3_shadows.py
"""

from exactorbit.groups import cycle_string, named_group
from exactorbit.networks import NetworkFamily, enumerate_functions
from exactorbit.shadow import recurrent_shadow_group, shadow_group

G = named_group("translations+dihedral", "2x2")
for hidden in (1, 2):
    family = NetworkFamily("2x2", hidden, tied=True)
    functions = enumerate_functions(family)
    best = min(shadow_group(G, functions, tolerance=0).distance_distribution)
    S = shadow_group(G, functions, tolerance=best)
    print(f"{family.describe()}: {len(functions)} functions")
    print(f"  distance to the nearest element of G (of 16 inputs) -> settings: {dict(sorted(S.distance_distribution.items()))}")
    print(f"  shadow group of the closest networks (distance {best}): order {S.order}, index {S.index} in G,"
          f" abelian {S.is_abelian}, generators {[cycle_string(g) for g, _ in S.generators]}")
    R = recurrent_shadow_group(functions)
    print(f"  recurrent shadow group (permutations of the recurrent sets): order {R.order}")
