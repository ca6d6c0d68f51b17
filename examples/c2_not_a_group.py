"""C2: tiny networks are not a group: composites leave the family, members are not invertible.

Run: python examples/c2_not_a_group.py
"""

from exactorbit.functions import closure_witness, image_size, invertible_members
from exactorbit.networks import NetworkFamily, enumerate_functions, parameter_settings

family = NetworkFamily("2x2", 1, tied=True)
functions = enumerate_functions(family)
tables = [t for t, _ in functions]
print(f"{family.describe()}: {parameter_settings(family)} settings, {len(tables)} distinct functions")
print(f"invertible members: {len(invertible_members(tables))} of {len(tables)}")
print(f"largest image: {max(image_size(t) for t in tables)} of 16 images (one hidden bit: at most 2)")
i, j = closure_witness(tables)
print(f"closure witness: F = function {i}, G = function {j}; F then G =")
print("   ", tables[j][tables[i]].tolist())
print("    is not a member: the family is not closed under composition")
