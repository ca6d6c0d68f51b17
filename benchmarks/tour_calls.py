"""How often the default tour asks the per-image questions, and how often it decomposes the image space.

    python3 benchmarks/tour_calls.py            # this checkout
    python3 benchmarks/tour_calls.py --grid 4x4 --group translations   # another case
    PYTHONPATH=/path/to/old/checkout python3 benchmarks/tour_calls.py   # any other version, to compare

Runs ``run_tour()`` (default 3x3, translations+dihedral, tied k=1) under cProfile and
prints the number of calls of the one-image functions of ``exactorbit.actions``
(``orbit``, ``orbit_size``, ``stabilizer``) and of every routine that lists the
orbits of all 512 images.  Counts, not times: they do not depend on the machine.
"""

import cProfile
import pstats
import sys

from exactorbit.tour import run_tour

ONE_IMAGE = ("orbit", "orbit_size", "stabilizer")
WHOLE_SPACE = ("decompose", "enumerate_orbits", "orbit_spectrum", "_label_orbits", "_count_orbits",
               "_orbits", "_features_by_orbit_size", "orbit_classes")


def count_calls(fn):
    profile = cProfile.Profile()
    profile.runcall(fn)
    stats = pstats.Stats(profile).stats
    out = {}
    for (path, _, name), (_, ncalls, *_rest) in stats.items():
        if "exactorbit" in path:
            key = f"{name} ({path.split('exactorbit/')[-1]})"
            out[key] = out.get(key, 0) + ncalls
    return out


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", default="3x3")
    parser.add_argument("--group", default="translations+dihedral")
    args = parser.parse_args(argv)
    calls = count_calls(lambda: run_tour(args.grid, args.group, quiet=True))
    print(f"tour of {args.grid}, {args.group}")
    one = {k: v for k, v in calls.items() if k.split(" ")[0] in ONE_IMAGE and "actions.py" in k}
    whole = {k: v for k, v in calls.items() if k.split(" ")[0] in WHOLE_SPACE}
    print("one-image calls in the tour (exactorbit.actions):")
    for k in sorted(one):
        print(f"  {k}: {one[k]}")
    print(f"  total: {sum(one.values())}")
    print("whole-space orbit routines:")
    for k in sorted(whole):
        print(f"  {k}: {whole[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
