"""C5: are simple features (small orbits) reconstructed more often? Exact probabilities per orbit class.

Run: python examples/c5_simplest_first.py
"""

from exactorbit import named_group
from exactorbit.claims import claim_c5_simplest_first
from exactorbit.networks import NetworkFamily, reconstruction_probabilities

G = named_group("translations+dihedral", "3x3")
for alphabet in [(-1, 0, 1), (0, 1)]:
    family = NetworkFamily("3x3", 1, tied=True, alphabet=alphabet)
    claim = claim_c5_simplest_first(G, reconstruction_probabilities(family))
    print(family.describe())
    print(f"  C5 {claim.summary}")
    for row in claim.evidence["classes"][:6]:
        print(f"    image {row['image']:>3}  |Orb| {row['orbit_size']:>2}  P = {row['probability']}")
    print("    ...")
