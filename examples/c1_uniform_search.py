"""C1: a uniform random search finds a stabilizer element of x after |Orb(x)| tries on average.

Run: python examples/c1_uniform_search.py
"""

from fractions import Fraction
import random

from exactorbit import named_group, orbit_size, parse_image
from exactorbit.actions import apply
from exactorbit.images import render_block

G = named_group("translations+dihedral", "3x3")
rng = random.Random(2026)
print(f"G = translations+dihedral on the 3x3 torus, |G| = {G.order()}")
print("feature      |Orb|  P(g.x = x) counted   mean wait of 300 seeded searches")
for text in ["###/.../...", "#../.../...", "##./.../...", "##./#../..."]:
    x = parse_image(text, "3x3")
    fixed = sum(1 for g in G.elements() if apply(g, x) == x)
    waits = []
    for _ in range(300):
        t = 1
        while apply(G.random_element(rng), x) != x:
            t += 1
        waits.append(t)
    mean = Fraction(sum(waits), len(waits))
    print(f"{text}  {orbit_size(G, x):>5}  {str(Fraction(fixed, G.order())):>10}"
          f"           {mean} = {mean.numerator / mean.denominator:.2f}")  # float-ok: display only
print("\nthe simplest features (small orbits) are hit first; the exact mean wait is |Orb(x)| (proofs/theorem4_uniform_search.md)")
print(render_block([parse_image(t, "3x3") for t in ["###/.../...", "#../.../...", "##./.../...", "##./#../..."]], "3x3"))
