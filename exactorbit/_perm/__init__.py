"""The kernel: permutation-group algorithms on arrays, beneath every door.

Arrays (or tuples) of ints in, arrays and ints out; nothing here knows a
:class:`~exactorbit.groups.PixelGroup`, a grid, a door or a face.  The kernel
imports only :mod:`exactorbit.errors`, :mod:`exactorbit._validation` and
:mod:`exactorbit._budget` from the rest of the package (``tests/test_architecture.py``
checks it), and the doors and routes above it may import its private names.

* :mod:`.chain`: stabilizer chains (Schreier-Sims), point orbits, block closures;
* :mod:`.cycles`: cycle lengths, parity, cycle types of many rows, partitions;
* :mod:`.structure`: the torus, the product action, S_n / A_n, recognised once;
* :mod:`.lattices`: the subgroups of Z_h x Z_w in Hermite normal form;
* :mod:`.blocks`: block systems and the plan of the block route;
* :mod:`.search`: one backtrack over the stabilizer chain, for one element or a subgroup;
* :mod:`.classes`: conjugacy classes by a seeded random search on :mod:`.search`.
"""
