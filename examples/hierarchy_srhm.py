"""The Sparse Random Hierarchy Model, exactly: inputs as pictures, their orbits, a counter-example, sensitivities.

Run: python examples/hierarchy_srhm.py
(Tomasini & Wyart, ICML 2024; the RHM of Cagnetta et al., PRX 2024; conventions in proofs/hierarchy.md.)
"""

from exactorbit.actions import apply
from exactorbit.hierarchy import (HierarchyModel, diffeomorphism_group, enumerate_inputs, hierarchy_claims,
                                  sensitivity_table, transformation_orbits)
from exactorbit.images import render_block
from exactorbit.networks.family import NetworkFamily, random_network


def show(model, masks, title):
    print(title)
    print(render_block(masks, model.grid, gap="   "))
    print()


# 1. The RHM: v=3 symbols, 2 classes, m=3 synonyms, pairs (s=2), depth 2: 54 inputs of 4 symbols.
rhm = HierarchyModel(v=3, classes=2, m=3, s=2, L=2, seed=0)
X = enumerate_inputs(rhm)
print(f"RHM {rhm}: P_max = {rhm.p_max}, enumerated {len(X)}")
print("top rules (class -> pairs):", rhm.rules[0])
print("an input is a 3 x 4 image: row a is on at column c when symbol a sits there")
show(rhm, [X.mask(i) for i in (0, 1, 27, 28)], "inputs 0, 1 (class 0) and 27, 28 (class 1):")

# 2. Sparsity A, s0 = 1: every informative symbol sits anywhere in its own sub-patch of 2 columns.
A = HierarchyModel(v=3, classes=2, m=3, s=2, L=2, s0=1, sparsity="A", seed=0)
XA = enumerate_inputs(A)
G = diffeomorphism_group(A)
OA = transformation_orbits(A, inputs=XA)
print(f"SRHM A, s0=1: d = {A.d}, {len(XA)} inputs on a {A.v}x{A.d} grid; the moves generate a pixel group "
      f"of order {G.order()} (an iterated wreath product of S_2's)")
print(f"its orbits on the inputs: {OA.orbits} of sizes {OA.orbit_sizes}; labels invariant: {OA.label_invariant}")
members = [i for i in range(len(XA)) if OA.orbit_of[i] == OA.orbit_of[0]]
show(A, [XA.mask(i) for i in members[:5]], "five inputs of one orbit (the same tree, the symbols displaced):")

# 3. Sparsity B: order-preserving moves anywhere in the patch. Their group also reorders children.
B = HierarchyModel(v=3, classes=2, m=3, s=2, L=2, s0=1, sparsity="B", seed=0)
XB = enumerate_inputs(B)
OB = transformation_orbits(B, inputs=XB)
ce = OB.counterexample
print(f"SRHM B, s0=1: {len(XB)} inputs; the moves generate a group of order {OB.order} (S_4 wr S_4) "
      f"with {OB.orbits} orbits on the inputs; labels invariant: {OB.label_invariant}")
least = OB.minimal_orbit_inputs()
print(f"smallest orbits: {min(OB.sizes)} images (stabilizer order {OB.stabilizer_order(least[0])}), "
      f"met by {len(least)} inputs, e.g.:")
show(B, [XB.mask(i) for i in least[:3]], "")
pixels = tuple(r * B.d + ce["columns"][c] for r in range(B.v) for c in range(B.d))
assert apply(pixels, XB.mask(ce["input"])) == XB.mask(ce["image"])
show(B, [XB.mask(ce["input"]), XB.mask(ce["image"])],
     f"counter-example: the group element {ce['columns']} (columns) carries input {ce['input']} (class "
     f"{ce['label']}) to input {ce['image']} (class {ce['image_label']}):")

# 4. Sensitivities, exactly (the authors' normalisation): the model's own level-k representation.
print("sensitivity of the level-k representation to synonym / diffeomorphism exchanges at levels 1..L (SRHM A):")
for k in range(A.L + 1):
    t = sensitivity_table(A, k, inputs=XA)
    print(f"  k={k}: synonym {[str(v) for v in t['synonym'].values()]}, "
          f"diffeomorphism {[str(v) for v in t['diffeomorphism'].values()]}")
print("  (zero for every level l <= k: the hierarchy's own representation is invariant below its level)")

# 5. A tiny network of the package on a 2 x 4 model: its hidden bits' sensitivities, exact.
tiny = HierarchyModel(v=2, classes=2, m=2, s=2, L=1, s0=1, sparsity="A", seed=1)
XT = enumerate_inputs(tiny)
fam = NetworkFamily(tiny.grid, 2)
print(f"\ntiny model {tiny.v}x{tiny.d} ({len(XT)} inputs), autoencoders 8 -> 2 -> 8, hidden bits:")
for seed in range(4):
    net = random_network(fam, seed=seed)
    t = sensitivity_table(tiny, net, inputs=XT)
    print(f"  network seed {seed}: synonym {t['synonym'][1]}, diffeomorphism {t['diffeomorphism'][1]}")

print("\nclaims on SRHM A:")
for c in hierarchy_claims(A, inputs=XA):
    print(f"  {c.id}: {c.verdict}")
