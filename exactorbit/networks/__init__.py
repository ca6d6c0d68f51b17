"""Tiny binary autoencoders, enumerated exhaustively with exact multiplicities.

The face of the networks family of modules: :mod:`.family` (the model,
settings, tables), :mod:`.distinct` (distinct functions, listed or counted),
:mod:`.reconstruction` (P(F(x) = x)), :mod:`.conditioned` (given a training
set) and :mod:`.membership` (is a table realised?).  Each question has one front
door with ``method="auto"``; routes are the private modules beside them.

Conventions:

* A **threshold unit** on input bits u in {0,1}^m has integer weights w in an
  alphabet A (default (-1, 0, 1)) and an integer threshold t; it outputs
  [w.u >= t].  Thresholds run exactly from min_u w.u to max_u w.u + 1 (the two
  ends are the constant units); with ``exclude_constant`` only the thresholds
  strictly inside (min_u w.u < t <= max_u w.u) are used.  Input j of a unit
  is bit j of the input index (pixel j of an image mask, hidden unit j of a
  hidden code).
* A :class:`NetworkFamily` on an h x w grid (n pixels) with k hidden units:
  encoder = k units over the n pixels, decoder = n units over the k hidden
  bits; **untied** decoders have their own weights, **tied** ones use
  decoder weight (pixel i, hidden j) = encoder weight (hidden j, pixel i), each
  decoder unit with its own threshold.  A parameter setting is all weights and
  thresholds; the family's measure is uniform over its settings.
* A network's **function** is its table F (numpy int64 array of length 2**n,
  ``F[x]`` = output mask for input mask x); see :mod:`exactorbit.functions`.
* Counts are Python ints, probabilities ``fractions.Fraction``.

Algorithms (all exact).  Hidden units can be permuted, and (for an alphabet
closed under negation) negated with their weights and thresholds adjusted,
without changing the function: the encoders are enumerated up to this
hyperoctahedral symmetry, one representative per orbit weighted by the orbit
size.  Untied decoder units are independent given the hidden code, so counts
multiply; tied decoder thresholds are independent per pixel given the encoder
setting.  Unconditioned reconstruction counts use a closed form (untied) or a
dynamic programme over the weight matrix's columns (tied); conditioned ones
sum over the encoder representatives, or (tied, when cheaper) run a column
programme per hidden-code pattern (proofs/network_counts.md, Lemma B).

>>> fam = NetworkFamily("2x2", 1, tied=False)
>>> parameter_settings(fam), count_distinct_functions(fam)
(1548288, 25936)
>>> fam = NetworkFamily("2x2", 1, alphabet=(0, 1))
>>> probs = reconstruction_probabilities(fam)
>>> probs[0b0000], probs[0b0001], probs[0b0011]
(Fraction(313, 2750), Fraction(101, 1375), Fraction(84, 1375))

With an alphabet closed under negation every image is equally likely to be
reconstructed (the family is then invariant under flipping any pixel as well
as under permuting pixels); conditioning on a training set breaks the tie.
"""

from .conditioned import conditioned_reconstruction
from .distinct import (
    count_distinct_functions,
    enumerate_functions,
    enumeration_estimate,
    function_keys,
    function_summaries,
    untied_distinct_estimate,
)
from .family import (
    FamilySpec,
    Network,
    NetworkFamily,
    network_table,
    network_tables,
    parameter_settings,
    parse_alphabet,
    random_network,
    threshold_functions,
    threshold_range,
    unit_setting_count,
    unit_settings,
)
from .membership import is_member
from .reconstruction import (
    reconstruction_counts,
    reconstruction_counts_by_weight,
    reconstruction_probabilities,
    reconstruction_probabilities_by_weight,
)

__all__ = [
    "NetworkFamily",
    "FamilySpec",
    "Network",
    "parse_alphabet",
    "threshold_range",
    "unit_settings",
    "unit_setting_count",
    "threshold_functions",
    "parameter_settings",
    "network_table",
    "network_tables",
    "random_network",
    "enumeration_estimate",
    "enumerate_functions",
    "function_keys",
    "count_distinct_functions",
    "untied_distinct_estimate",
    "function_summaries",
    "reconstruction_counts",
    "reconstruction_probabilities",
    "reconstruction_counts_by_weight",
    "reconstruction_probabilities_by_weight",
    "conditioned_reconstruction",
    "is_member",
]
