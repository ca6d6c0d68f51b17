"""C4: the minimal-orbit features, certified and checked independently.

Run: python examples/c4_minimal_orbits.py
"""

from exactorbit import named_group
from exactorbit.certificates import minimal_orbit_certificate
from exactorbit.checker import verify_certificate
from exactorbit.images import render_block

for spec in ["translations+dihedral", "translations", "dihedral"]:
    G = named_group(spec, "3x3")
    cert = minimal_orbit_certificate(G, "nonconstant")
    ok, reason = verify_certificate(cert)
    claim = cert["claim"]
    print(f"{spec} (order {G.order()}): smallest non-constant orbit {claim['min_orbit_size']},"
          f" {len(claim['minimal_representatives'])} such orbit(s); checker: {'OK' if ok else reason}")
    print(render_block(claim["minimal_representatives"][:8], "3x3"))
    print()
