"""Collection rules for the whole repository: optional extras that are not installed skip with a message."""

import importlib.util

collect_ignore = []
if importlib.util.find_spec("matplotlib") is None:  # the extra "plot": exactorbit.plots' doctests need it
    collect_ignore.append("exactorbit/plots.py")
    print("exactorbit: matplotlib is not installed: the doctests of exactorbit/plots.py are skipped "
          "(pip install 'exactorbit[plot]')")
