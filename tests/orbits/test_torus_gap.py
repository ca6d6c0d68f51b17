"""The orbit-size spectrum against GAP's table of marks (``TableOfMarks`` + ``DecomposedFixedPointVector``).

GAP (Debian's package ``gap``) is optional: these tests skip with a message when it
is absent; CI installs it.  GAP decomposes the G-set of all 2^n images into transitive
G-sets G/H from the fixed-point counts 2^(#H-orbits) of a representative H of each
class of subgroups (all of them, not only the closed ones): an independent route to
the number of orbits of each size, which the torus and table-of-marks routes must match.
"""

import pytest

from exactorbit.gap import gap_available, run_gap, to_gap
from exactorbit.groups import named_group
from exactorbit.orbits._symbolic import orbit_spectrum
from exactorbit.orbits._torus import torus_spectrum

pytestmark = pytest.mark.skipif(not gap_available(), reason="GAP is not installed (Debian package gap); "
                                                            "the comparison with GAP's table of marks is skipped")

CASES = [("translations+dihedral", "4x4"), ("translations+dihedral", "6x6"), ("translations+dihedral", "8x8"),
         ("translations+rotations", "4x6"), ("translations+reflections", "3x5"), ("translations", "5x6"),
         ("translations+dihedral", "2x6")]

GAP_SPECTRUM = """
SizeScreen([4096, 24]);;
spectrum := function(G, n)
  local tom, fix, dec, sizes, i, s;
  tom := TableOfMarks(G);
  fix := List([1 .. Length(OrdersTom(tom))], i -> 2^Length(Orbits(RepresentativeTom(tom, i), [1 .. n])));
  dec := DecomposedFixedPointVector(tom, fix);
  sizes := [];
  for i in [1 .. Length(dec)] do
    if dec[i] <> 0 then
      s := Size(G) / OrdersTom(tom)[i];
      Add(sizes, Concatenation(String(s), ":", String(dec[i])));
    fi;
  od;
  return JoinStringsWithSeparator(sizes, " ");
end;;
"""


@pytest.fixture(scope="module")
def gap_spectra():
    script = GAP_SPECTRUM + "".join(
        f'Print("CASE ", {named_group(spec, grid).n}, " ", spectrum({to_gap(named_group(spec, grid))}, '
        f'{named_group(spec, grid).n}), "\\n");\n'
        for spec, grid in CASES
    )
    out = run_gap(script, timeout=900)
    lines = [line for line in out.replace("\\\n", "").splitlines() if line.startswith("CASE ")]
    assert len(lines) == len(CASES), out[-2000:]
    spectra = []
    for line in lines:
        total = {}
        for pair in line.split()[2:]:  # "size:count", one per class of subgroups with images
            size, count = map(int, pair.split(":"))
            total[size] = total.get(size, 0) + count
        spectra.append(dict(sorted(total.items())))
    return spectra


@pytest.mark.parametrize("case", range(len(CASES)))
def test_spectrum_equals_gaps_table_of_marks(gap_spectra, case):
    spec, grid = CASES[case]
    group = named_group(spec, grid)
    assert torus_spectrum(group).orbit_sizes == gap_spectra[case], (spec, grid)
    assert orbit_spectrum(group, force=True).orbit_sizes == gap_spectra[case], (spec, grid)
