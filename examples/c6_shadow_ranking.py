"""C6: rank features by 1/|Orb_S(x)| over the shadow group S and compare with the networks.

Run: python examples/c6_shadow_ranking.py
"""

from exactorbit import named_group
from exactorbit.claims import claim_c5_simplest_first, claim_c6_shadow_ranking
from exactorbit.networks import NetworkFamily, enumerate_functions, reconstruction_probabilities
from exactorbit.shadows import shadow_group

G = named_group("translations+dihedral", "2x2")
family = NetworkFamily("2x2", 1, tied=False, alphabet=(0, 1))
functions = enumerate_functions(family)
at_zero = shadow_group(G, functions, tolerance=0)
S = at_zero.at(at_zero.best_distance).pixel_group
probs = reconstruction_probabilities(family)
c5 = claim_c5_simplest_first(G, probs)
c6 = claim_c6_shadow_ranking(S, probs, c5)
print(f"{family.describe()}; shadow group of the closest networks: order {S.order()}")
print(f"C5 under G: {c5.summary}")
print(f"C6 under S: {c6.summary}")
