"""Teaching script: two layers of features on the 3x3 torus, and how orbits grow with depth.

Run: python examples/two_layers.py

Layer 1: the simplest features under G = translations+dihedral (the non-constant
images with the smallest orbit). Each image gets a code: which layer-1 features
it contains. G permutes the features, so it acts on codes too (the induced
group H). Layer 2: the codes that combine at least two layer-1 features and
occur in some image; the simplest of them (smallest H-orbit), pulled back to
images. Theorem 5 (the diagonal action) bounds their orbits; claim C8 asks
whether the smallest orbit grows with depth.
"""

from exactorbit import named_group
from exactorbit.actions import apply, orbit
from exactorbit.claims import claim_c7_diagonal, claim_c8_depth
from exactorbit.depth import depth_table, feature_code
from exactorbit.groups import cycle_string
from exactorbit.images import parse_image, render_block

grid = "3x3"
G = named_group("translations+dihedral", grid)
table = depth_table(G, layers=2)
variant = depth_table(G, layers=2, include_constant=True, certify=False)
layer1, layer2 = table.layers
F1 = layer1.features
A = layer1.action
print(f"G = translations+dihedral on the {grid} torus, |G| = {G.order()}\n")

print(f"Layer 1: {len(F1)} features, each with orbit size {layer1.min_orbit_size} "
      f"(stabilizer order {layer1.stabilizer_orders[0]}); one per orbit:")
reps = sorted({min(orbit(G, f)) for f in F1})
print(render_block(reps, grid))
print("  lines (rows/columns), pairs of parallel lines, wrapped diagonals, pairs of diagonals\n")

x = parse_image("###/#../#..", grid)
c = feature_code(x, F1)
print("The code of an image lists the layer-1 features it contains:")
print(render_block([x], grid))
print(f"  code = {c:#x}: features {[j for j in range(len(F1)) if c >> j & 1]}, drawn:")
print(render_block([F1[j] for j in range(len(F1)) if c >> j & 1], grid))

g = G.generators[0]
print(f"\nG permutes the 24 features: g = {cycle_string(g)} induces ind(g) = {cycle_string(A(g))}")
print(f"  equivariance: code(x^g) = {feature_code(apply(g, x), F1):#x} = code(x)^ind(g) = {apply(A(g), c):#x}")
print(f"  induced group H on Grid(1, 24): |H| = {A.induced.order()}, kernel order {A.kernel().order()}"
      + (" (only the identity fixes every feature)" if A.kernel().order() == 1 else "") + "\n")

print(f"Layer 2: {layer2.candidates} realised codes combine >= 2 features with a non-constant union, in "
      f"{len(layer2.candidate_classes)} H-orbits; the smallest orbit has size {layer2.code_orbit_size}.")
print(f"  its {len(layer2.features)} features, pulled back to images (the union of their members), one per orbit:")
reps2 = []
for u, members in zip(layer2.unions, layer2.members):
    if min(orbit(G, u)) == u:
        reps2.append(u)
        print(f"  union of {len(members)} layer-1 features:")
        print(render_block([u] + list(members), grid))
again = sum(1 for u in layer2.unions if u in F1)
print(f"  image-space orbit size {layer2.min_orbit_size}; {again} of the {len(layer2.unions)} layer-2 unions are "
      "themselves layer-1 features\n  (F1 holds both a line and a pair of lines, so the pair's code combines three "
      "features).\n")

for claim in (claim_c7_diagonal(table), claim_c8_depth(table, variant)):
    print(f"{claim.id} [{claim.verdict}] {claim.statement}")
    print(f"  {claim.summary}")

full = (1 << G.n) - 1
print("\nThe catch: the union of ALL layer-1 features is the full image, alone in its orbit:")
print(render_block([full], grid))
print(f"  admitting constant unions, the smallest layer-2 orbit is {variant.layers[1].min_orbit_size}: "
      "a union of features can be simpler than its parts.")

pixels = depth_table(G, layers=2, features=[1 << p for p in range(G.n)], certify=False)
c8 = claim_c8_depth(pixels)
p1, p2 = pixels.layers
k = p2.orbit_sizes.index(p2.min_orbit_size)
print(f"\nStart instead from the {len(p1.features)} single pixels (orbit {p1.min_orbit_size}): the simplest layer-2 "
      f"feature has orbit {p2.min_orbit_size},\nthe union of these {len(p2.members[k])} pixels:")
print(render_block([p2.unions[k]] + list(p2.members[k]), grid))
print(f"C8 [{c8.verdict}] {c8.summary}")
