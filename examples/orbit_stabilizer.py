"""Teaching script: orbit-stabilizer on the 3x3 torus (theorems 1, 3 and 4).

Run: python examples/orbit_stabilizer.py
"""

from fractions import Fraction

from exactorbit import named_group, orbit, parse_image, stabilizer
from exactorbit.actions import apply
from exactorbit.stabilizers import transporter
from exactorbit.groups import cycle_string
from exactorbit.images import render_block

grid = "3x3"
G = named_group("translations+dihedral", grid)
print(f"G = translations+dihedral on the {grid} torus, |G| = {G.order()}\n")

for text in ["#../.../...", "##./.../...", "#../.#./...", "###/.../...", "#.#/.#./#.#"]:
    x = parse_image(text, grid)
    orb = orbit(G, x)
    stab = stabilizer(G, x)
    print(f"x = {text}: |Orb(x)| = {len(orb)}, |Stab(x)| = {stab.order()}, product = {len(orb) * stab.order()}")
    print(render_block(orb[:8], grid))
    p = Fraction(stab.order(), G.order())
    print(f"  a uniformly random g fixes x with probability {p} = 1/|Orb|;"
          f" uniform search needs {len(orb)} tries on average\n")

# theorem 3: stabilizers along an orbit are conjugate
x = parse_image("##./.../...", grid)
y = apply(G.generators[0], x)
t = transporter(G, x, y)
print(f"x = ##./.../..., y = x shifted right; a transporter t with x^t = y: {cycle_string(t)}")
print("Stab(x) generators:  ", ", ".join(cycle_string(g) for g in stabilizer(G, x).generators))
print("Stab(x^t) generators:", ", ".join(cycle_string(g) for g in stabilizer(G, y).generators))
