"""Teaching script: Burnside and Polya counting without enumerating images (theorem 2).

Run: python examples/counting.py
"""

from exactorbit import burnside_count, cycle_index, named_group, orbits_by_weight
from exactorbit.testutil import naive_orbit_count

G = named_group("translations+dihedral", "3x3")
print("cycle index of translations+dihedral on the 3x3 torus:")
print(" ", cycle_index(G))
print(f"Burnside: {burnside_count(G)} orbits; brute force over all 512 images: {naive_orbit_count(G)}")
print("Polya, orbits by number of on-pixels:", orbits_by_weight(G))

big = named_group("translations+dihedral", "28x28")
count = burnside_count(big)
print(f"\n28x28 torus (|G| = {big.order()}): {count} orbits ({len(str(count))} digits),"
      f" out of 2^784 images")
