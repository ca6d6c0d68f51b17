"""Tiny binary autoencoders, enumerated exhaustively with exact multiplicities.

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

from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations_with_replacement, product
from math import factorial, prod
import sys

import numpy as np

from . import functions as _fn
from ._validation import check_int, check_mask, describe
from .errors import InvalidArgument, TooExpensive
from .images import Grid, parse_grid

__all__ = [
    "NetworkFamily",
    "Network",
    "WORK_LIMIT",
    "CONDITION_LIMIT",
    "threshold_range",
    "unit_settings",
    "threshold_functions",
    "unit_setting_count",
    "parameter_settings",
    "network_table",
    "network_tables",
    "random_network",
    "enumeration_estimate",
    "enumerate_functions",
    "function_keys",
    "count_distinct_functions",
    "untied_distinct_estimate",
    "KEY_BUDGET",
    "BEYOND_REACH",
    "function_summaries",
    "reconstruction_counts",
    "reconstruction_probabilities",
    "FamilySpec",
    "BY_WEIGHT_LIMIT",
    "reconstruction_counts_by_weight",
    "reconstruction_probabilities_by_weight",
    "conditioned_reconstruction",
    "parse_alphabet",
    "cli_networks_arguments",
    "cli_networks",
]

#: Default bound on the estimated work (table entries or terms) of one call.
WORK_LIMIT = 200_000_000

#: Estimated work past which a distinct count is refused even with force (years of work).
BEYOND_REACH = 10**14

#: Default bound on (encoder representatives) * 2**n * n for conditioned reconstruction.
CONDITION_LIMIT = 1_000_000_000

#: Default bound on the estimated arithmetic steps of the by-weight reconstruction programme.
BY_WEIGHT_LIMIT = 50_000_000


# --------------------------------------------------------------------------- family


def parse_alphabet(text):
    """Parse a weight alphabet from ``"-1,0,1"`` (or a sequence of ints): sorted tuple.

    >>> parse_alphabet("-1,1"), parse_alphabet([1, 0, 1])
    ((-1, 1), (0, 1))
    """
    if isinstance(text, str):
        parts = [p.strip() for p in text.split(",") if p.strip()]
        try:
            values = [int(p) for p in parts]
        except ValueError:
            raise InvalidArgument(
                f"alphabet must be comma-separated ints like '-1,0,1', got {describe(text)}"
            ) from None
    else:
        try:
            values = [check_int("alphabet entry", v) for v in text]
        except TypeError:
            raise InvalidArgument(f"alphabet must be a sequence of ints, got {describe(text)}") from None
    if not values:
        raise InvalidArgument(f"alphabet must contain at least one weight, got {describe(text)}")
    if any(abs(v) > 8 for v in values):
        raise InvalidArgument(f"alphabet weights must lie in -8..8, got {describe(text)}")
    return tuple(sorted(set(values)))


def _validate_units(record):
    """Check and normalise the hidden, tied, exclude_constant and alphabet fields of a frozen record."""
    object.__setattr__(record, "hidden", check_int("hidden", record.hidden, min_value=1, max_value=8))
    for name in ("tied", "exclude_constant"):
        if not isinstance(getattr(record, name), bool):
            raise InvalidArgument(f"{name} must be a bool, got {describe(getattr(record, name))}")
    object.__setattr__(record, "alphabet", parse_alphabet(record.alphabet))


@dataclass(frozen=True)
class NetworkFamily:
    """A family of binary autoencoders n -> k -> n (see the module docstring).

    >>> NetworkFamily("3x3", 2)
    NetworkFamily(grid=Grid(h=3, w=3), hidden=2, tied=True, alphabet=(-1, 0, 1), exclude_constant=False)
    >>> NetworkFamily("2x2", 0)
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: hidden must be >= 1, got 0 (type int)
    """

    grid: Grid
    hidden: int
    tied: bool = True
    alphabet: tuple = (-1, 0, 1)
    exclude_constant: bool = False

    def __post_init__(self):
        grid = parse_grid(self.grid)
        if grid.n > 16:
            raise InvalidArgument(f"grid must have at most 16 pixels for network tables, got {grid}")
        object.__setattr__(self, "grid", grid)
        _validate_units(self)

    @property
    def n(self):
        """Number of pixels (inputs and outputs)."""
        return self.grid.n

    @property
    def symmetric_alphabet(self):
        """Whether the alphabet is closed under negation (hidden units may then be negated)."""
        return set(self.alphabet) == {-a for a in self.alphabet}

    def describe(self):
        """One line naming the family.

        >>> NetworkFamily("2x2", 1, tied=False).describe()
        'untied autoencoder 2x2 -> 1 -> 2x2, weights in {-1, 0, 1}, thresholds incl. constant units'
        """
        kind = "tied" if self.tied else "untied"
        thr = "non-constant thresholds only" if self.exclude_constant else "thresholds incl. constant units"
        alpha = "{" + ", ".join(str(a) for a in self.alphabet) + "}"
        return f"{kind} autoencoder {self.grid} -> {self.hidden} -> {self.grid}, weights in {alpha}, {thr}"


def _family(family):
    if not isinstance(family, NetworkFamily):
        raise InvalidArgument(f"family must be a NetworkFamily, got {describe(family)}")
    return family


# --------------------------------------------------------------------------- threshold units


def threshold_range(weights, exclude_constant=False):
    """The inclusive range (lo, hi) of thresholds of a unit with these weights.

    lo = min_u w.u and hi = max_u w.u + 1, or lo + 1 and hi - 1 without the
    constant units (then lo > hi means no threshold at all).

    >>> threshold_range((1, -1, 0)), threshold_range((1, -1, 0), exclude_constant=True)
    ((-1, 2), (0, 1))
    """
    w = [check_int("weight", v) for v in weights]
    lo = sum(min(v, 0) for v in w)
    hi = sum(max(v, 0) for v in w) + 1
    return (lo + 1, hi - 1) if exclude_constant else (lo, hi)


def _inputs(m):
    """(2**m, m) array of the input bits: row u, column j = bit j of u."""
    return ((np.arange(2**m, dtype=np.int64)[:, None] >> np.arange(m, dtype=np.int64)) & 1).astype(np.int64)


def _weight_vectors(m, alphabet):
    vectors = list(product(alphabet, repeat=m))
    return np.array(vectors, dtype=np.int64).reshape(len(vectors), m)


def unit_settings(m, alphabet=(-1, 0, 1), exclude_constant=False):
    """All settings (weights, threshold) of a threshold unit on m inputs.

    Returns ``(W, t)``: W of shape (S, m) and t of shape (S,), weight vectors in
    lexicographic order over the sorted alphabet, thresholds increasing.

    >>> W, t = unit_settings(1)
    >>> W[:, 0].tolist(), t.tolist()
    ([-1, -1, -1, 0, 0, 1, 1, 1], [-1, 0, 1, 0, 1, 0, 1, 2])
    """
    m = check_int("m", m, min_value=0, max_value=16)
    alphabet = parse_alphabet(alphabet)
    W = _weight_vectors(m, alphabet)
    lo = np.minimum(W, 0).sum(1)
    hi = np.maximum(W, 0).sum(1) + 1
    if exclude_constant:
        lo, hi = lo + 1, hi - 1
    counts = np.maximum(hi - lo + 1, 0)
    rows = np.repeat(np.arange(len(W)), counts)
    starts = np.repeat(lo, counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return W[rows], (starts + offsets).astype(np.int64)


def unit_setting_count(m, alphabet=(-1, 0, 1), exclude_constant=False):
    """The number of settings of one unit on m inputs (closed form).

    sum over w in A^m of (sum_i |w_i| + 2), or of sum_i |w_i| without constant units.

    >>> unit_setting_count(9), unit_setting_count(1, exclude_constant=True)
    (157464, 2)
    """
    m = check_int("m", m, min_value=0)
    alphabet = parse_alphabet(alphabet)
    a = len(alphabet)
    total = m * a ** (m - 1) * sum(abs(v) for v in alphabet) if m else 0
    if not exclude_constant:
        total += 2 * a**m
    return total


def _unit_tables(W, t):
    """Truth tables (S, 2**m) bool of unit settings."""
    m = W.shape[1]
    return (W @ _inputs(m).T) >= t[:, None]


def _pack_rows(tables):
    """Rows of a 2-d array as hashable, sortable byte keys."""
    arr = np.ascontiguousarray(tables)
    return arr.view(np.dtype((np.void, arr.dtype.itemsize * arr.shape[1]))).ravel()


def _unique_rows(tables, weights=None):
    """Distinct rows (in lexicographic order) and the summed weights (int64) of each."""
    tables = np.ascontiguousarray(tables)
    if len(tables) == 0:
        return tables, np.zeros(0, dtype=np.int64)
    order = np.lexsort(tables.T[::-1])
    tables = tables[order]
    w = np.ones(len(tables), dtype=np.int64) if weights is None else np.asarray(weights)[order]
    new = np.ones(len(tables), dtype=bool)
    new[1:] = np.any(tables[1:] != tables[:-1], axis=1)
    starts = np.flatnonzero(new)
    return tables[starts], np.add.reduceat(w, starts)


def threshold_functions(m, alphabet=(-1, 0, 1), exclude_constant=False):
    """The distinct Boolean functions of one threshold unit on m inputs, with multiplicities.

    Returns ``(tables, counts)``: tables (F, 2**m) bool in lexicographic order of
    rows, counts a list of ints (settings realising each) summing to
    :func:`unit_setting_count`.  (OEIS A000609 counts all threshold functions,
    which need larger weights from m = 3 on.)

    >>> tables, counts = threshold_functions(2)
    >>> len(tables), sum(counts)
    (14, 30)
    """
    cost = unit_setting_count(m, alphabet, exclude_constant) * 2**m
    _check_cost(f"the truth tables of every unit on {m} inputs", cost, WORK_LIMIT, False)
    W, t = unit_settings(m, alphabet, exclude_constant)
    tables, counts = _unique_rows(_unit_tables(W, t))
    return tables, [int(c) for c in counts]


# --------------------------------------------------------------------------- parameter count


def parameter_settings(family):
    """The exact number of parameter settings of a family (a Python int).

    >>> parameter_settings(NetworkFamily("3x3", 1, tied=False))
    21134460321792
    >>> parameter_settings(NetworkFamily("1x1", 1, tied=True))
    22

    A :class:`FamilySpec` (no grid, any number of inputs) is accepted too:

    >>> parameter_settings(FamilySpec(1, 1, tied=True))
    22
    """
    return _spec_settings(_spec(family))


def _encoder_settings(fam):
    """The number of encoder settings (k independent units over the n pixels)."""
    return unit_setting_count(fam.n, fam.alphabet, fam.exclude_constant) ** fam.hidden


# --------------------------------------------------------------------------- single networks


@dataclass(frozen=True)
class Network:
    """One parameter setting of a family.

    ``encoder_weights[j][i]`` (hidden j, pixel i), ``encoder_thresholds[j]``,
    ``decoder_weights[i][j]`` (pixel i, hidden j; for tied families the
    transpose of the encoder weights) and ``decoder_thresholds[i]``.

    >>> net = Network(NetworkFamily("1x2", 1), ((1, 1),), (2,), ((1,), (1,)), (1, 1))
    >>> network_table(net).tolist()
    [0, 0, 0, 3]
    """

    family: NetworkFamily
    encoder_weights: tuple
    encoder_thresholds: tuple
    decoder_weights: tuple
    decoder_thresholds: tuple

    def __post_init__(self):
        fam = _family(self.family)
        n, k = fam.n, fam.hidden

        def matrix(name, value, rows, cols):
            try:
                out = tuple(tuple(check_int(f"{name} entry", v) for v in row) for row in value)
            except TypeError:
                raise InvalidArgument(f"{name} must be a {rows}x{cols} matrix of ints, got {describe(value)}") from None
            if len(out) != rows or any(len(r) != cols for r in out):
                raise InvalidArgument(f"{name} must be a {rows}x{cols} matrix of ints, got {describe(value)}")
            bad = [v for r in out for v in r if v not in fam.alphabet]
            if bad:
                raise InvalidArgument(f"{name} has weight {bad[0]} outside the alphabet {fam.alphabet}")
            return out

        def vector(name, value, size):
            try:
                out = tuple(check_int(f"{name} entry", v) for v in value)
            except TypeError:
                raise InvalidArgument(f"{name} must be {size} ints, got {describe(value)}") from None
            if len(out) != size:
                raise InvalidArgument(f"{name} must be {size} ints, got {describe(value)}")
            return out

        enc = matrix("encoder_weights", self.encoder_weights, k, n)
        dec = matrix("decoder_weights", self.decoder_weights, n, k)
        if fam.tied and any(dec[i][j] != enc[j][i] for i in range(n) for j in range(k)):
            raise InvalidArgument(f"decoder_weights of a tied network must be the transpose of encoder_weights "
                                  f"{enc}, got {dec}")
        et = vector("encoder_thresholds", self.encoder_thresholds, k)
        dt = vector("decoder_thresholds", self.decoder_thresholds, n)
        for name, rows, ts in (("encoder", enc, et), ("decoder", dec, dt)):
            for idx, (row, t) in enumerate(zip(rows, ts)):
                lo, hi = threshold_range(row, fam.exclude_constant)
                if not lo <= t <= hi:
                    raise InvalidArgument(
                        f"{name} threshold {idx} is {t}, outside its range {lo}..{hi} for weights {row}"
                    )
        for name, value in (("encoder_weights", enc), ("encoder_thresholds", et),
                            ("decoder_weights", dec), ("decoder_thresholds", dt)):
            object.__setattr__(self, name, value)


def _batch(name, value, shape, batch=None):
    """``value`` as an int64 array of shape (B, *shape), B = ``batch`` if given; InvalidArgument otherwise."""
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError):  # ragged nested lists
        arr = None
    want = f"({batch if batch is not None else 'B'}, {', '.join(map(str, shape))})"
    if (arr is None or arr.dtype.kind not in "iu" or arr.ndim != len(shape) + 1
            or arr.shape[1:] != shape or (batch is not None and arr.shape[0] != batch)):
        got = f"shape {arr.shape}, dtype {arr.dtype}" if arr is not None else describe(value)
        raise InvalidArgument(f"{name} must be an integer array of shape {want}, got {got}")
    return arr.astype(np.int64)


def network_tables(family, enc_w, enc_t, dec_w, dec_t):
    """Function tables of a batch of B networks, vectorised: array (B, 2**n) int64.

    Shapes: enc_w (B, k, n), enc_t (B, k), dec_w (B, n, k), dec_t (B, n).

    >>> fam = NetworkFamily("1x2", 1)
    >>> network_tables(fam, [[[1, 1]]], [[1]], [[[1], [1]]], [[1, 1]]).tolist()
    [[0, 3, 3, 3]]
    """
    fam = _family(family)
    n, k = fam.n, fam.hidden
    enc_w = _batch("enc_w", enc_w, (k, n))
    B = enc_w.shape[0]
    enc_t = _batch("enc_t", enc_t, (k,), B)
    dec_w = _batch("dec_w", dec_w, (n, k), B)
    dec_t = _batch("dec_t", dec_t, (n,), B)
    for name, w in (("enc_w", enc_w), ("dec_w", dec_w)):
        bad = w[~np.isin(w, fam.alphabet)]
        if bad.size:
            raise InvalidArgument(f"{name} has weight {int(bad[0])} outside the alphabet {fam.alphabet}")
    # |weights| <= 8 and n <= 16: every sum fits in int16 exactly
    X = _inputs(n).astype(np.int16)  # (N, n)
    hidden = np.matmul(X, enc_w.astype(np.int16).transpose(0, 2, 1)) >= enc_t[:, None, :]  # (B, N, k)
    code = (hidden.astype(np.int64) << np.arange(k, dtype=np.int64)).sum(2)  # (B, N)
    # decoder as a lookup table code -> output mask, per network: (B, 2**k)
    C = _inputs(k).astype(np.int16)  # (2**k, k)
    out = np.matmul(C, dec_w.astype(np.int16).transpose(0, 2, 1)) >= dec_t[:, None, :]  # (B, 2**k, n)
    lookup = (out.astype(np.int64) << np.arange(n, dtype=np.int64)).sum(2)
    tables = np.take_along_axis(lookup, code, axis=1)
    return tables


def network_table(network):
    """The function table of one network (numpy int64 array of length 2**n).

    >>> fam = NetworkFamily("1x1", 1)
    >>> network_table(Network(fam, ((-1,),), (0,), ((-1,),), (0,))).tolist()
    [0, 1]
    """
    if not isinstance(network, Network):
        raise InvalidArgument(f"network must be a Network, got {describe(network)}")
    return network_tables(network.family, [network.encoder_weights], [network.encoder_thresholds],
                          [network.decoder_weights], [network.decoder_thresholds])[0]


def random_network(family, seed=None):
    """A network with weights uniform in the alphabet and thresholds uniform in their ranges.

    (Not uniform over settings; for examples.  Units without any threshold are redrawn.)

    >>> net = random_network(NetworkFamily("2x2", 2), seed=1)
    >>> len(network_table(net))
    16
    """
    fam = _family(family)
    rng = np.random.default_rng(seed)
    n, k, A = fam.n, fam.hidden, list(fam.alphabet)
    for _ in range(10_000):
        enc = [[int(rng.choice(A)) for _ in range(n)] for _ in range(k)]
        dec = [[enc[j][i] for j in range(k)] for i in range(n)] if fam.tied else \
            [[int(rng.choice(A)) for _ in range(k)] for _ in range(n)]
        ranges = [threshold_range(r, fam.exclude_constant) for r in enc + dec]
        if all(lo <= hi for lo, hi in ranges):
            ts = [int(rng.integers(lo, hi + 1)) for lo, hi in ranges]
            return Network(fam, enc, ts[:k], dec, ts[k:])
    raise InvalidArgument(f"family {fam.describe()} has no parameter setting")  # pragma: no cover


# --------------------------------------------------------------------------- encoder representatives


class _Encoders:
    """Encoder representatives up to hidden-unit symmetry, with exact orbit weights.

    items: unit items (untied: distinct unit functions with counts; tied: unit
    settings, count 1, with their weights).  A representative is a sorted
    k-tuple of item indices (from the canonical half when negation is allowed);
    its weight is (#settings realising it) * (its orbit size).
    """

    def __init__(self, fam):
        self.fam = fam
        n, k = fam.n, fam.hidden
        cost = unit_setting_count(n, fam.alphabet, fam.exclude_constant) * 2**n
        _check_cost(f"tabulating every encoder unit on {n} pixels", cost, WORK_LIMIT, False)
        W, t = unit_settings(n, fam.alphabet, fam.exclude_constant)
        if fam.tied:
            self.tables = _unit_tables(W, t)
            self.counts = np.ones(len(t), dtype=np.int64)
            self.weights = W
        else:
            self.tables, self.counts = _unique_rows(_unit_tables(W, t))
            self.weights = None
        self.negate = fam.symmetric_alphabet
        if self.negate:  # items with f(0) = 0; their negations are the other half
            keep = ~self.tables[:, 0]
            self.tables, self.counts = self.tables[keep], self.counts[keep]
            if self.weights is not None:
                self.weights = self.weights[keep]
        self.items = len(self.tables)
        self.reps = _comb_count(self.items, k)
        # a representative's weight is at most the number of encoder settings
        self.big = _encoder_settings(fam) >= 2**63

    def chunks(self, size=20_000):
        """Yield (idx (B, k), weight (B,)) chunks: int64 weights, or Python ints past 2^63."""
        k = self.fam.hidden
        base = (2**k if self.negate else 1) * factorial(k)
        buf = []
        for combo in combinations_with_replacement(range(self.items), k):
            buf.append(combo)
            if len(buf) == size:
                yield self._finish(buf, base)
                buf = []
        if buf:
            yield self._finish(buf, base)

    def _finish(self, buf, base):
        idx = np.array(buf, dtype=np.int64).reshape(len(buf), self.fam.hidden)
        # orbit factor: base / prod(multiplicity!) ; multiplicities from sorted tuples
        k = idx.shape[1]
        denom = np.ones(len(idx), dtype=np.int64)
        run = np.ones(len(idx), dtype=np.int64)
        for j in range(1, k):
            same = idx[:, j] == idx[:, j - 1]
            run = np.where(same, run + 1, 1)
            denom *= run
        if self.big:  # exact Python ints: these weights can exceed int64
            counts = self.counts.astype(object)
            w = np.array([base // int(d) * prod(counts[row]) for d, row in zip(denom, idx)], dtype=object)
            return idx, w
        w = (base // denom) * np.prod(self.counts[idx], axis=1)
        return idx, w

    def codes(self, idx, images=None):
        """Hidden codes (B, len(images)) of the representatives on images (all if None)."""
        tab = self.tables if images is None else self.tables[:, np.asarray(images, dtype=np.int64)]
        code = np.zeros((len(idx), tab.shape[1]), dtype=np.int64)
        for j in range(idx.shape[1]):
            code |= tab[idx[:, j]].astype(np.int64) << j
        return code


def _setting_reps(fam):
    """Encoder representatives with every unit setting its own item, without tabulating the units.

    Exact for tied families (their items are the settings); an upper bound for untied ones
    (their items are the distinct unit functions).
    """
    items = unit_setting_count(fam.n, fam.alphabet, fam.exclude_constant)
    if fam.symmetric_alphabet:  # negation pairs the settings: (w, t) <-> (-w, 1 - t)
        items //= 2
    return _comb_count(items, fam.hidden)


def _comb_count(items, k):
    from math import comb
    return comb(items + k - 1, k)


def _decoder_functions(fam):
    """Untied decoder unit functions over codes: (tables (D, 2**k) bool, counts int64)."""
    W, t = unit_settings(fam.hidden, fam.alphabet, fam.exclude_constant)
    return _unique_rows(_unit_tables(W, t))


def _tied_bounds(fam, enc, idx):
    """Decoder weights (B, n, k) and threshold ranges (lo, hi) (B, n) of tied representatives."""
    V = np.transpose(enc.weights[idx], (0, 2, 1))  # (B, n, k)
    lo = np.minimum(V, 0).sum(2)
    hi = np.maximum(V, 0).sum(2) + 1
    if fam.exclude_constant:
        lo, hi = lo + 1, hi - 1
    return V, lo, hi


# --------------------------------------------------------------------------- enumeration


def enumeration_estimate(family):
    """An upper bound on the table entries that :func:`enumerate_functions` writes.

    (#encoder representatives) * (largest number of decoder functions per pixel)^n * 2^n.

    >>> enumeration_estimate(NetworkFamily("2x2", 1, tied=False))
    446464
    """
    fam = _family(family)
    units = unit_setting_count(fam.n, fam.alphabet, fam.exclude_constant)
    if not fam.tied and units * 2**fam.n <= WORK_LIMIT:
        reps = _Encoders(fam).reps
    else:
        reps = _setting_reps(fam)
    if fam.tied:
        per_pixel = max(abs(a) for a in fam.alphabet) * fam.hidden + 2
    else:
        per_pixel = len(_decoder_functions(fam)[0])
    return reps * per_pixel**fam.n * 2**fam.n


def _check_cost(what, estimate, limit, force):
    if not force and estimate > limit:
        raise TooExpensive(
            f"{what} is estimated at {estimate} units of work, over the limit {limit}; "
            "pass force=True (CLI: --force) or a larger limit= to allow it"
        )


def _progress(total, desc, show):
    from tqdm import tqdm
    if show is None:
        show = total > 20_000
    return tqdm(total=total, desc=desc, file=sys.stderr, disable=not show, leave=False)


def _pixel_options(fam, enc, idx, dec_tables, dec_counts):
    """Per representative: list over pixels of (bit tables (P, N) bool, counts)."""
    N = 2**fam.n
    codes = enc.codes(idx)  # (B, N)
    out = []
    if not fam.tied:
        for b in range(len(idx)):
            opts = _unique_rows(dec_tables[:, codes[b]], dec_counts)
            out.append([opts] * fam.n)
        return out
    V, lo, hi = _tied_bounds(fam, enc, idx)
    C = _inputs(fam.hidden)  # codes -> bits
    for b in range(len(idx)):
        z = C[codes[b]] @ V[b].T  # (N, n): v_i . h(x)
        per = []
        for i in range(fam.n):
            ts = np.arange(lo[b, i], hi[b, i] + 1)
            per.append(_unique_rows(z[:, i][None, :] >= ts[:, None]) if len(ts) else
                       (np.zeros((0, N), dtype=bool), np.zeros(0, dtype=np.int64)))
        out.append(per)
    return out


def _combine(per, n):
    """Cartesian product of per-pixel options: tables (M, N) int64 and counts (M,)."""
    tables, counts = per[0][0].astype(np.int64), per[0][1]
    for i in range(1, n):
        t, c = per[i]
        tables = (tables[:, None, :] | (t.astype(np.int64) << i)[None, :, :]).reshape(-1, tables.shape[1])
        counts = (counts[:, None] * c[None, :]).reshape(-1)
    return tables, counts


def enumerate_functions(family, *, limit=WORK_LIMIT, force=False, progress=None):
    """All distinct functions of a family with exact multiplicities.

    Returns a list of ``(table, multiplicity)`` sorted by table (lexicographic),
    tables numpy int64 arrays of length 2**n, multiplicities Python ints summing
    to :func:`parameter_settings`.  Refuses (TooExpensive) when
    :func:`enumeration_estimate` exceeds ``limit`` unless ``force``.  For
    n <= 4 a table fits in one 64-bit key and every (encoder representative,
    decoder choice) is generated as a key at once (:func:`_packed_enumeration`).

    >>> fs = enumerate_functions(NetworkFamily("1x1", 1, tied=False))
    >>> [(t.tolist(), m) for t, m in fs]
    [([0, 0], 30), ([0, 1], 2), ([1, 0], 2), ([1, 1], 30)]
    """
    fam = _family(family)
    _check_cost("enumerating the distinct functions", enumeration_estimate(fam), limit, force)
    if _packable(fam):
        keys, counts = _packed_enumeration(fam, progress=progress)
        tables = _unpack_keys(keys, fam.n)
        order = np.lexsort(tables.T[::-1])
        return [(tables[i].copy(), int(counts[i])) for i in order.tolist()]
    return _dict_enumeration(fam, progress)


def _dict_enumeration(fam, progress=None):
    """The per-representative route of :func:`enumerate_functions`: a dictionary keyed by table bytes."""
    enc = _Encoders(fam)
    dec_tables, dec_counts = _decoder_functions(fam)
    exact_int64 = parameter_settings(fam) < 2**63
    acc = {}
    with _progress(enc.reps, "encoders", progress) as bar:
        for idx, w in enc.chunks(size=2000):
            for b, per in enumerate(_pixel_options(fam, enc, idx, dec_tables, dec_counts)):
                if any(len(p[0]) == 0 for p in per):
                    continue
                tables, counts = _combine(per, fam.n)
                tables, counts = _unique_rows(tables, counts)
                if exact_int64:
                    counts = counts * w[b]
                keys = _pack_rows(tables)
                for key, c in zip(keys.tolist(), counts.tolist()):
                    c = c if exact_int64 else int(c) * int(w[b])
                    acc[key] = acc.get(key, 0) + c
            bar.update(len(idx))
    N = 2**fam.n
    result = [(np.frombuffer(key, dtype=np.int64, count=N).copy(), int(c)) for key, c in acc.items()]
    result.sort(key=lambda tc: tuple(tc[0].tolist()))
    return result


# --------------------------------------------------------------------------- packed keys (n <= 4)

# A table of n <= 4 pixels fits in one uint64: entry x occupies bits x*n .. x*n + n - 1.
# Distinct keys are found by sorting; large key streams are reduced in hash buckets.

_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: spreads keys over buckets and passes


def _packable(fam):
    return fam.n * 2**fam.n <= 64 and parameter_settings(fam) < 2**63 and _encoder_settings(fam) < 2**63


def _unpack_keys(keys, n):
    """Tables (len(keys), 2**n) int64 of packed keys."""
    shifts = np.arange(2**n, dtype=np.uint64) * np.uint64(n)
    return ((keys[:, None] >> shifts[None, :]) & np.uint64(2**n - 1)).astype(np.int64)


def _distinct(keys):
    """Sorted distinct values of a 1-d array (np.sort and a comparison: numpy 2.4's
    np.unique took 2.8 s on 3 million int64 here, 70x a plain sort)."""
    keys = np.sort(keys)
    if len(keys) == 0:
        return keys
    keep = np.ones(len(keys), dtype=bool)
    keep[1:] = keys[1:] != keys[:-1]
    return keys[keep]


def _reduce_keys(keys, counts):
    """Distinct keys (sorted) and the summed counts of each (exact int64)."""
    if len(keys) == 0:
        return keys, counts
    order = np.argsort(keys, kind="stable")
    keys, counts = keys[order], counts[order]
    new = np.ones(len(keys), dtype=bool)
    new[1:] = keys[1:] != keys[:-1]
    starts = np.flatnonzero(new)
    return keys[starts], np.add.reduceat(counts, starts)


class _KeyAccumulator:
    """Distinct uint64 keys with summed int64 counts, reduced in hash buckets."""

    BUCKETS = 64

    def __init__(self):
        self.parts = [[] for _ in range(self.BUCKETS)]
        self.sizes = [0] * self.BUCKETS

    def add(self, keys, counts):
        keys, counts = _reduce_keys(keys, counts)
        b = (keys * _MIX) >> np.uint64(58)
        order = np.argsort(b, kind="stable")
        bounds = np.searchsorted(b[order], np.arange(self.BUCKETS + 1))
        keys, counts = keys[order], counts[order]
        for j in range(self.BUCKETS):
            lo, hi = bounds[j], bounds[j + 1]
            if lo < hi:
                self.parts[j].append((keys[lo:hi], counts[lo:hi]))
                self.sizes[j] += hi - lo
                if len(self.parts[j]) > 16:
                    self._compact(j)

    def _compact(self, j):
        keys = np.concatenate([k for k, _ in self.parts[j]])
        counts = np.concatenate([c for _, c in self.parts[j]])
        keys, counts = _reduce_keys(keys, counts)
        self.parts[j] = [(keys, counts)]
        self.sizes[j] = len(keys)

    def result(self):
        for j in range(self.BUCKETS):
            if len(self.parts[j]) > 1:
                self._compact(j)
        parts = [p[0] for p in self.parts if p]
        if not parts:
            return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
        keys = np.concatenate([k for k, _ in parts])
        counts = np.concatenate([c for _, c in parts])
        order = np.argsort(keys)
        return keys[order], counts[order]


def _outer_or(options, valid=None):
    """Keys of every choice of one option per pixel.

    options (B, n, S) uint64 (already shifted to the pixel's bit), valid (B, n, S)
    bool or None; returns (keys (B * S**n,), mask or None) in row-major order.
    """
    B, n, S = options.shape
    keys = np.zeros((B,) + (1,) * n, dtype=np.uint64)
    ok = None if valid is None else np.ones((B,) + (1,) * n, dtype=bool)
    for i in range(n):
        shape = [B] + [1] * n
        shape[1 + i] = S
        keys = keys | options[:, i, :].reshape(shape)
        if valid is not None:
            ok = ok & valid[:, i, :].reshape(shape)
    full = (B,) + (S,) * n
    keys = np.broadcast_to(keys, full).reshape(-1)
    return keys, (None if ok is None else np.broadcast_to(ok, full).reshape(-1))


def function_keys(family, *, limit=WORK_LIMIT, force=False, progress=None):
    """The distinct functions of a family with n <= 4 pixels as packed keys, with multiplicities.

    Returns ``(keys, counts)``: keys a sorted numpy uint64 array, one per distinct
    function, in which table entry x is ``(key >> (n * x)) & (2**n - 1)``; counts an
    int64 array of multiplicities summing to :func:`parameter_settings`.  The same
    functions as :func:`enumerate_functions` without a Python object per function
    (2x2 k=2 untied: 68,961,456 functions in about 40 s and 5 GB).

    >>> keys, counts = function_keys(NetworkFamily("1x1", 1, tied=False))
    >>> keys.tolist(), counts.tolist()
    ([0, 1, 2, 3], [30, 2, 2, 30])
    """
    fam = _family(family)
    if not _packable(fam):
        raise InvalidArgument(f"packed keys need at most 4 pixels and fewer than 2**63 settings, got {fam.describe()}")
    _check_cost("enumerating the distinct functions", enumeration_estimate(fam), limit, force)
    return _packed_enumeration(fam, progress=progress)


def _packed_enumeration(fam, progress=None):
    """Every distinct function of a family with n <= 4 as (keys sorted uint64, counts int64).

    One key per (encoder representative, choice of decoder per pixel); counts
    are the representative's weight times the decoder multiplicities.
    """
    n, k = fam.n, fam.hidden
    N = 2**n
    enc = _Encoders(fam)
    shifts = np.arange(N, dtype=np.uint64) * np.uint64(n)
    pixel_bits = np.arange(n, dtype=np.uint64)
    acc = _KeyAccumulator()
    if fam.tied:  # the threshold axis spans every row's range: k * min(A, 0) .. k * max(A, 0) + 1
        A = fam.alphabet
        per_rep = (k * (max(max(A), 0) - min(min(A), 0)) + 2) ** n
    else:
        dec_tables, dec_counts = _decoder_functions(fam)
        G = len(dec_tables)
        if G == 0:
            return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
        per_rep = G**n
        dec_mult = np.ones(1, dtype=np.int64)  # row-major like _outer_or: pixel n-1 fastest
        for i in range(n):
            dec_mult = (dec_mult[:, None] * dec_counts[None, :]).reshape(-1)
    size = max(1, 4_000_000 // per_rep)
    with _progress(enc.reps, "encoders", progress) as bar:
        for idx, w in enc.chunks(size=size):
            codes = enc.codes(idx)  # (B, N)
            B = len(idx)
            if fam.tied:
                V, lo, hi = _tied_bounds(fam, enc, idx)
                Z = np.einsum("bxk,bnk->bxn", _inputs(k)[codes], V)  # (B, N, n)
                S = np.arange(int(lo.min()), int(hi.max()) + 1)
                ge = (Z[:, :, :, None] >= S).astype(np.uint64)  # (B, N, n, S)
                opts = (ge << shifts[None, :, None, None]).sum(1, dtype=np.uint64)
                opts = opts << pixel_bits[None, :, None]
                valid = (S[None, None, :] >= lo[:, :, None]) & (S[None, None, :] <= hi[:, :, None])
                keys, ok = _outer_or(opts, valid)
                counts = np.repeat(w.astype(np.int64), len(S) ** n)
                keys, counts = keys[ok], counts[ok]
            else:
                tabs = dec_tables[:, codes].transpose(1, 0, 2).astype(np.uint64)  # (B, G, N)
                fk = (tabs << shifts).sum(2, dtype=np.uint64)  # (B, G)
                opts = fk[:, None, :] << pixel_bits[None, :, None]  # (B, n, G)
                keys, _ = _outer_or(opts)
                counts = (w.astype(np.int64)[:, None] * dec_mult[None, :]).reshape(-1)
            acc.add(keys, counts)
            bar.update(B)
    return acc.result()


# --------------------------------------------------------------------------- distinct count, untied, n <= 4

# An untied network F = D(H(x)) has n independent decoder units, each any decoder
# function g over the hidden codes: F's pixel functions f_i = g_i o H all lie in
# S(H) = {g o H}.  So F is realised iff its set of pixel functions C lies in
# some S(H), and the number of distinct F is sum_c surj(n, c) * R_c, R_c the
# number of c-sets of functions of x lying in some S(H), surj(n, c) = c! S(n, c)
# the n-tuples with exactly c distinct entries.  A c-set of 2**n-bit functions
# (2**n <= 16, c <= 4) is one uint64 key; R_c is a count of distinct keys.

#: Default bound on the keys held in memory at once by the untied distinct count.
KEY_BUDGET = 200_000_000


def _surjections(n, c):
    """The number of maps from an n-set onto a c-set: c! S(n, c)."""
    from math import comb
    return sum((-1) ** j * comb(c, j) * (c - j) ** n for j in range(c + 1))


def _function_sets(fam):
    """The distinct sets S(H) over encoder representatives: {size s: (rows, s) uint64 sorted}."""
    N = 2**fam.n
    enc = _Encoders(fam)
    dec_tables, _ = _decoder_functions(fam)
    bits = np.uint64(1) << np.arange(N, dtype=np.uint64)
    by_size = {}
    if len(dec_tables) == 0:
        return by_size
    for idx, _w in enc.chunks(size=20_000):
        codes = enc.codes(idx)
        fk = (dec_tables[:, codes].transpose(1, 0, 2).astype(np.uint64) * bits).sum(2, dtype=np.uint64)
        fk.sort(axis=1)
        keep = np.ones(fk.shape, dtype=bool)
        keep[:, 1:] = fk[:, 1:] != fk[:, :-1]
        sizes = keep.sum(1)
        for s in np.unique(sizes).tolist():
            rows = sizes == s
            by_size.setdefault(s, []).append(fk[rows][keep[rows]].reshape(-1, s))
    return {s: np.unique(np.concatenate(parts), axis=0) for s, parts in sorted(by_size.items())}


def _set_keys(V, last, combos, top=None):
    """Keys of sets of row elements: columns ``combos`` (each row of combos ascending, below
    ``last``), then column ``last``, then the value ``top`` if given (larger than every other)."""
    N = 16  # bits per function in a key
    sub = V[:, combos]  # (rows, #combos, j)
    width = combos.shape[1]
    keys = np.broadcast_to(V[:, last][:, None] << np.uint64(N * width), sub.shape[:2]).copy()
    for j in range(width):
        keys |= sub[:, :, j] << np.uint64(N * j)
    if top is not None:
        keys |= np.uint64(top) << np.uint64(N * (width + 1))
    return keys.reshape(-1)


def untied_distinct_estimate(family):
    """The number of candidate function sets that the untied distinct count generates.

    sum over distinct sets S(H) and c = 1..n of binomial(|S(H)|, c); the count
    holds at most :data:`KEY_BUDGET` keys at once, in as many passes as needed.

    >>> untied_distinct_estimate(NetworkFamily("2x2", 2, tied=False))
    3517347
    """
    from math import comb
    fam = _untied_small(family)
    return sum(len(V) * comb(s, c) for s, V in _function_sets(fam).items() for c in range(1, fam.n + 1))


def _untied_small(family):
    fam = _family(family)
    if fam.tied or fam.n > 4:
        raise InvalidArgument(f"the set count needs an untied family with at most 4 pixels, got {fam.describe()}")
    return fam


def _realisable_set_counts(fam, *, budget=KEY_BUDGET, progress=None):
    """{c: R_c}: the number of c-sets of functions of x inside some S(H).

    A set's pass is a hash of its pivot: its largest element, or its second largest
    when the largest is the constant-1 function (in nearly every S(H); pivoting on it
    would put 7% of all sets in one pass).
    """
    from math import comb
    from itertools import combinations
    sets = _function_sets(fam)
    full = np.uint64(2**2**fam.n - 1)
    R = {}
    cache = {}

    def combos(below, j):
        if (below, j) not in cache:
            cache[below, j] = np.array(list(combinations(range(below), j)), dtype=np.int64).reshape(comb(below, j), j)
        return cache[below, j]

    cands = {c: sum(len(V) * comb(s, c) for s, V in sets.items()) for c in range(1, fam.n + 1)}
    with _progress(sum(cands.values()), "function sets", progress) as bar:
        for c in range(1, fam.n + 1):
            passes = max(1, -(-cands[c] // budget))
            total = 0
            for p in range(passes):
                found = []
                for s, V in sets.items():
                    has_full = V[:, -1] == full
                    for last in range(c - 2 if c > 1 else 0, s):
                        mine = ((V[:, last] * _MIX) >> np.uint64(40)) % np.uint64(passes) == p
                        # sets whose largest element is column last (not the constant 1 unless alone)
                        rows = V[mine & ~has_full] if last == s - 1 and c > 1 else V[mine]
                        if last >= c - 1 and len(rows):
                            found.append(_distinct(_set_keys(rows, last, combos(last, c - 1))))
                        # sets {..., column last, constant 1}: pivot column last
                        if c > 1 and last < s - 1:
                            rows2 = V[mine & has_full]
                            if len(rows2):
                                found.append(_distinct(_set_keys(rows2, last, combos(last, c - 2), top=full)))
                        bar.update(int(mine.sum()) * comb(last, c - 1) if last >= c - 1 else 0)
                total += len(_distinct(np.concatenate(found))) if found else 0
            R[c] = total
    return R


def _untied_distinct_count(fam, *, budget=KEY_BUDGET, progress=None):
    R = _realisable_set_counts(fam, budget=budget, progress=progress)
    return sum(_surjections(fam.n, c) * r for c, r in R.items())


def function_summaries(family, **kwargs):
    """Per distinct function: table, multiplicity, fixed images, is_bijection, image_size.

    >>> s = function_summaries(NetworkFamily("1x1", 1, tied=False))
    >>> [(d["fixed_images"], d["is_bijection"], d["image_size"]) for d in s]
    [([0], False, 1), ([0, 1], True, 2), ([], True, 2), ([1], False, 1)]
    """
    return [
        {
            "table": table,
            "multiplicity": mult,
            "fixed_images": _fn.fixed_points(table),
            "is_bijection": _fn.is_bijection(table),
            "image_size": _fn.image_size(table),
        }
        for table, mult in enumerate_functions(family, **kwargs)
    ]


# --------------------------------------------------------------------------- distinct count, k = 1

# Per-pixel options of a k = 1 network F = h ? a : b, as subsets of pairs (a_i, b_i)
# coded e = 2*a_i + b_i; a 4-bit mask per pixel.  Diagonal (a_i = b_i): bits 0 and 3.
_DIAG = 0b1001


def _swap_mask(m):
    return (m & _DIAG) | ((m >> 1) & 1) << 2 | ((m >> 2) & 1) << 1


def _union_size(tuples, n):
    """Size of the union of product sets (each a tuple of n 4-bit masks)."""
    tuples = list({tuple(t) for t in tuples if all(t)})
    if not tuples:
        return 0
    if len(tuples) == 1:
        return prod(bin(m).count("1") for m in tuples[0])
    grid = np.zeros((4,) * n, dtype=bool)
    for t in tuples:
        grid[np.ix_(*[[e for e in range(4) if m >> e & 1] for m in t])] = True
    return int(grid.sum())


def _pair_options(fam, v):
    """Mask of pairs (g(1), g(0)) over decoder units on one hidden bit with weight v."""
    lo, hi = threshold_range((v,), fam.exclude_constant)
    mask = 0
    for s in range(lo, hi + 1):
        a, b = int(v >= s), int(0 >= s)
        mask |= 1 << (2 * a + b)
    return mask


def _distinct_k1(fam):
    n = fam.n
    W, t = unit_settings(n, fam.alphabet, fam.exclude_constant)
    tables = _unit_tables(W, t)
    if fam.tied:
        opt = {v: _pair_options(fam, v) for v in fam.alphabet}
        P = np.array([[opt[int(v)] for v in row] for row in W], dtype=np.int64)
    else:
        m = 0
        for v in fam.alphabet:
            m |= _pair_options(fam, v)
        P = np.full((len(W), n), m, dtype=np.int64)
    keys = _pack_rows(tables)
    groups = {}
    for key, row in zip(keys.tolist(), P.tolist()):
        groups.setdefault(key, set()).add(tuple(row))
    N = 2**n
    # constants: products of value sets (bit 0: value 0, bit 1: value 1)
    const_sets = set()
    for key, rows in groups.items():
        tab = np.frombuffer(key, dtype=bool, count=N)
        for row in rows:
            if tab.all() or not tab.any():  # constant encoder h = v: value g(v)
                shift = 2 if tab[0] else 0  # a-bit (h=1) if v = 1 else b-bit
                vals = tuple(((m >> 0 | m >> 1) & 1) | ((m >> 2 | m >> 3) & 1) << 1 if shift else
                             ((m >> 0 | m >> 2) & 1) | ((m >> 1 | m >> 3) & 1) << 1 for m in row)
            else:
                vals = tuple((m & 1) | ((m >> 3) & 1) << 1 for m in row)
            if all(vals):
                const_sets.add(vals)
    const = np.zeros((2,) * n, dtype=bool)
    for vals in const_sets:
        const[np.ix_(*[[e for e in range(2) if v >> e & 1] for v in vals])] = True
    constants = int(const.sum())
    total_r = 0
    total_x = 0
    for key, rows in groups.items():
        tab = np.frombuffer(key, dtype=bool, count=N)
        if tab.all() or not tab.any():
            continue
        total_r += _union_size(rows, n) - _union_size([tuple(m & _DIAG for m in r) for r in rows], n)
        neg = groups.get((~tab).tobytes())
        if neg:
            inter = [tuple(a & _swap_mask(b) for a, b in zip(r, s)) for r in rows for s in neg]
            total_x += _union_size(inter, n) - _union_size([tuple(m & _DIAG for m in r) for r in inter], n)
    return constants + total_r - total_x // 2


def count_distinct_functions(family, *, limit=WORK_LIMIT, force=False, progress=None):
    """The exact number of distinct functions of a family.

    Three exact routes: k = 1 by structure (F = h ? a : b with h the encoder
    unit, counted up to (h, a, b) ~ (not h, b, a)); untied with n <= 4 by
    counting the sets of pixel functions that some S(H) contains
    (:func:`untied_distinct_estimate` candidate sets, refused past ``limit``);
    otherwise the distinct keys of :func:`enumerate_functions` (refused when
    :func:`enumeration_estimate` exceeds ``limit``).  ``force`` lifts the limit.

    >>> count_distinct_functions(NetworkFamily("2x2", 1, tied=False))
    25936
    >>> count_distinct_functions(NetworkFamily("3x3", 1, tied=False))
    15449108480
    >>> count_distinct_functions(NetworkFamily("2x2", 2, tied=False))
    68961456
    """
    fam = _family(family)
    if fam.hidden == 1 and fam.n <= 10:
        _check_cost("counting the distinct functions (one hidden unit: every unit's table)",
                    unit_setting_count(fam.n, fam.alphabet, fam.exclude_constant) * 2**fam.n, limit, force)
        return _distinct_k1(fam)
    if not fam.tied and fam.n <= 4:
        _check_cost("counting the distinct functions (candidate function sets)",
                    untied_distinct_estimate(fam), limit, force)
        return _untied_distinct_count(fam, progress=progress)
    estimate = enumeration_estimate(fam)
    if estimate > BEYOND_REACH:
        raise TooExpensive(
            f"enumerating the distinct functions of {fam.describe()} is estimated at {estimate} units of "
            f"work, past {BEYOND_REACH} (years on one machine), so it is refused even with force=True: "
            "no exact route for this family's distinct count is implemented (the k = 1 structure and the "
            "untied set count do not apply)"
        )
    _check_cost("enumerating the distinct functions", estimate, limit, force)
    if _packable(fam):
        return len(_packed_enumeration(fam, progress=progress)[0])
    return len(enumerate_functions(fam, limit=limit, force=force, progress=progress))


# --------------------------------------------------------------------------- reconstruction


def _untied_counts(fam):
    n, k = fam.n, fam.hidden
    total = unit_setting_count(n, fam.alphabet, fam.exclude_constant)
    W = _weight_vectors(n, fam.alphabet)
    lo = np.minimum(W, 0).sum(1)
    hi = np.maximum(W, 0).sum(1) + 1
    if fam.exclude_constant:
        lo, hi = lo + 1, hi - 1
    # e_x(1) = sum over weight vectors of #{t in [lo, hi] : t <= w.x}, exact (< 2^63)
    X = _inputs(n).T
    span = np.maximum(hi - lo + 1, 0)
    fire = np.zeros(2**n, dtype=np.int64)
    step = max(1, (1 << 24) // 2**n)  # chunks of weight vectors: bounded memory
    for s in range(0, len(W), step):
        part = (W[s:s + step] @ X) - lo[s:s + step, None] + 1
        fire += np.clip(part, 0, span[s:s + step, None]).sum(0)
    dec_tables, dec_counts = _decoder_functions(fam)
    D1 = [int(v) for v in (dec_counts[:, None] * dec_tables).sum(0)]  # D(c, 1) per code c
    Dtot = int(dec_counts.sum())
    weights = [bin(x).count("1") for x in range(2**n)]
    out = []
    for x in range(2**n):
        e1 = int(fire[x])
        e = (total - e1, e1)
        s = 0
        for c in range(2**k):
            ep = prod(e[(c >> j) & 1] for j in range(k))
            if ep:
                s += ep * D1[c] ** weights[x] * (Dtot - D1[c]) ** (n - weights[x])
        out.append(s)
    return out


def _tied_counts(fam):
    n, k, A = fam.n, fam.hidden, fam.alphabet
    excl = fam.exclude_constant
    f0 = 0 if excl else 1
    cache = {}
    cols = list(product(A, repeat=k))

    def column_terms(c, bit):
        terms = []
        for v in cols:
            z = sum(v[j] for j in range(k) if c >> j & 1)
            mn, mx = sum(min(a, 0) for a in v), sum(max(a, 0) for a in v)
            cnt = (z - mn + f0) if bit else (mx - z + f0)
            if cnt <= 0:
                continue
            delta = tuple((a * bit - min(a, 0)) if c >> j & 1 else (max(a, 0) - a * bit) for j, a in enumerate(v))
            terms.append((delta, cnt))
        return terms

    def count(ones):
        total = 0
        for c in range(2**k):
            states = {(0,) * k: 1}
            for bit in [1] * ones + [0] * (n - ones):
                terms = column_terms(c, bit)
                new = {}
                for st, cnt in states.items():
                    for delta, dc in terms:
                        key = tuple(a + b for a, b in zip(st, delta))
                        new[key] = new.get(key, 0) + cnt * dc
                states = new
            total += sum(cnt * prod(s + f0 for s in st) for st, cnt in states.items())
        return total

    out = []
    for x in range(2**n):
        ones = bin(x).count("1")  # columns commute: the sum depends on the multiset of bits
        if ones not in cache:
            cache[ones] = count(ones)
        out.append(cache[ones])
    return out


def _direct_counts_estimate(fam):
    """Work of the per-image routes: the untied firing sums, or the tied dictionary programme."""
    n, k, a = fam.n, fam.hidden, len(fam.alphabet)
    if not fam.tied:
        return a**n * 2**n + unit_setting_count(k, fam.alphabet, fam.exclude_constant) * 2**k
    amax = max(abs(v) for v in fam.alphabet)
    return (n + 1) * 2**k * n * (n * amax + 1) ** k * a**k


def reconstruction_counts(family, *, limit=BY_WEIGHT_LIMIT, force=False):
    """For every image x, the number of parameter settings with F(x) = x (list of ints).

    Untied: sum over hidden codes c of (#encoders with code c on x) times the
    product over pixels of (#decoder units giving x_i on c).  Tied: a dynamic
    programme over the columns of the weight matrix.  When these are estimated
    past :data:`WORK_LIMIT`, the counts come from
    :func:`reconstruction_counts_by_weight` (the families are invariant under
    every pixel permutation), which refuses past ``limit`` unless ``force``.

    >>> reconstruction_counts(NetworkFamily("1x1", 1, tied=False))
    [32, 32]
    """
    fam = _family(family)
    if _direct_counts_estimate(fam) > WORK_LIMIT:
        by_weight = reconstruction_counts_by_weight(fam, limit=limit, force=force)
        return [by_weight[x.bit_count()] for x in range(2**fam.n)]
    return _tied_counts(fam) if fam.tied else _untied_counts(fam)


def reconstruction_probabilities(family, *, limit=BY_WEIGHT_LIMIT, force=False):
    """For every image x (index = mask), P(F(x) = x) over a uniform parameter setting.

    A list of 2**n Fractions; ``limit`` and ``force`` as in :func:`reconstruction_counts`.

    >>> reconstruction_probabilities(NetworkFamily("1x2", 1, alphabet=(0, 1)))
    [Fraction(5, 16), Fraction(1, 4), Fraction(1, 4), Fraction(5, 16)]
    """
    fam = _family(family)
    total = parameter_settings(fam)
    if total == 0:
        raise InvalidArgument(f"family {fam.describe()} has no parameter setting")
    return [Fraction(c, total) for c in reconstruction_counts(fam, limit=limit, force=force)]


# --------------------------------------------------------------------------- reconstruction by weight


@dataclass(frozen=True)
class FamilySpec:
    """A network family given by its number of inputs only (no grid, no 16-input limit).

    The families of :class:`NetworkFamily` depend on the grid only through its
    number of pixels n, and are invariant under every permutation of the
    inputs; a FamilySpec(inputs=m, ...) is the family of
    ``NetworkFamily(Grid(1, m), ...)`` for any m >= 1.  It is accepted by
    :func:`reconstruction_counts_by_weight`,
    :func:`reconstruction_probabilities_by_weight` and :func:`parameter_settings`.

    >>> FamilySpec(24).describe()
    'tied autoencoder 24 inputs -> 1 -> 24 outputs, weights in {-1, 0, 1}, thresholds incl. constant units'
    >>> FamilySpec.from_family(NetworkFamily("2x2", 2, tied=False))
    FamilySpec(inputs=4, hidden=2, tied=False, alphabet=(-1, 0, 1), exclude_constant=False)
    """

    inputs: int
    hidden: int = 1
    tied: bool = True
    alphabet: tuple = (-1, 0, 1)
    exclude_constant: bool = False

    def __post_init__(self):
        object.__setattr__(self, "inputs", check_int("inputs", self.inputs, min_value=1, max_value=1024))
        _validate_units(self)

    @classmethod
    def from_family(cls, family):
        """The spec of a :class:`NetworkFamily` (its grid forgotten, n inputs)."""
        fam = _family(family)
        return cls(fam.n, fam.hidden, fam.tied, fam.alphabet, fam.exclude_constant)

    @property
    def n(self):
        """Number of inputs (and outputs)."""
        return self.inputs

    def describe(self):
        """One line naming the family."""
        kind = "tied" if self.tied else "untied"
        thr = "non-constant thresholds only" if self.exclude_constant else "thresholds incl. constant units"
        alpha = "{" + ", ".join(str(a) for a in self.alphabet) + "}"
        return (f"{kind} autoencoder {self.inputs} inputs -> {self.hidden} -> {self.inputs} outputs, "
                f"weights in {alpha}, {thr}")


def _spec(family):
    if isinstance(family, FamilySpec):
        return family
    if isinstance(family, NetworkFamily):
        return FamilySpec.from_family(family)
    raise InvalidArgument(f"family must be a NetworkFamily or a FamilySpec, got {describe(family)}")


def _moment_step(M, terms, k):
    """One column of the moment programme.

    ``M[J]`` (J a subset of the k hidden units, as a bit mask) is the sum over
    the partial weight matrices so far of (their weight) * prod_{j in J} S_j,
    S_j the running per-unit sums.  A column adds ``delta`` to S with
    multiplicity ``dc``: prod_{j in J}(S_j + d_j) expands over subsets, applied
    one unit at a time (k * 2^k steps per term).
    """
    size = 1 << k
    out = [0] * size
    for delta, dc in terms:
        V = list(M)
        for j, d in enumerate(delta):
            if d:
                bit = 1 << j
                for J in range(size):
                    if J & bit:
                        V[J] += d * V[J ^ bit]
        for J in range(size):
            out[J] += dc * V[J]
    return out


def _moment_finish(M, k, offset):
    """Sum over J of offset^(k - |J|) * M[J]: the sum of weight * prod_j (S_j + offset)."""
    return sum(offset ** (k - J.bit_count()) * v for J, v in enumerate(M) if v and (offset or J == (1 << k) - 1))


def _spec_settings(spec):
    m, k, A = spec.inputs, spec.hidden, spec.alphabet
    excl = spec.exclude_constant
    if not spec.tied:
        return unit_setting_count(m, A, excl) ** k * unit_setting_count(k, A, excl) ** m
    f0 = 0 if excl else 1
    terms = [(tuple(abs(a) for a in v), sum(abs(a) for a in v) + 2 * f0) for v in product(A, repeat=k)]
    terms = [(d, c) for d, c in terms if c > 0]
    M = [1] + [0] * ((1 << k) - 1)
    for _ in range(m):
        M = _moment_step(M, terms, k)
    return _moment_finish(M, k, 2 * f0)


def _by_weight_estimate(spec):
    m, k, a = spec.inputs, spec.hidden, len(spec.alphabet)
    if not spec.tied:  # the closed form, after tabulating every decoder unit on the 2^k codes
        return (m + 1) * (1 << k) * (m + k) + unit_setting_count(k, spec.alphabet, spec.exclude_constant) * (1 << k)
    return (1 << k) * (m + 1) * (m + 2) // 2 * a**k * (k + 1) * (1 << k)


def reconstruction_counts_by_weight(family, *, limit=BY_WEIGHT_LIMIT, force=False):
    """Per number s of on-bits, the number of settings with F(x) = x for one x of weight s.

    ``family`` is a :class:`NetworkFamily` or a :class:`FamilySpec` (any number
    of inputs m).  Returns a list of m + 1 ints; the families are invariant
    under every permutation of the inputs, so ``reconstruction_counts(fam)[x]``
    is entry ``weight(x)``.  No enumeration of inputs or weights: a unit's
    firing count on x is f0 + sum over inputs of a per-input term (in x:
    max(w_i, 0), outside: -min(w_i, 0)), f0 = 1 with constant units, else 0.
    Untied: a closed form (encoder units are independent and their inputs
    exchangeable).  Tied: a programme over the weight matrix's columns (s
    columns under on-bits, m - s under off-bits) carrying, per code, the 2^k
    moments sum of weight * prod_{j in J} S_j (S_j = encoder unit j's running
    firing sum).  Refuses (TooExpensive) past ``limit`` estimated steps unless
    ``force``.

    >>> reconstruction_counts_by_weight(FamilySpec(1, 1, tied=False))
    [32, 32]
    >>> reconstruction_counts_by_weight(NetworkFamily("1x2", 1, alphabet=(0, 1)))
    [25, 20, 25]
    """
    spec = _spec(family)
    _check_cost(f"the by-weight reconstruction counts of {spec.describe()}", _by_weight_estimate(spec), limit, force)
    m, k, A = spec.inputs, spec.hidden, spec.alphabet
    f0 = 0 if spec.exclude_constant else 1
    a = len(A)
    if not spec.tied:
        total = unit_setting_count(m, A, spec.exclude_constant)
        pos = sum(max(v, 0) for v in A)
        neg = sum(-min(v, 0) for v in A)
        W, t = unit_settings(k, A, spec.exclude_constant)
        dec = _unit_tables(W, t)  # (settings, 2**k): decoder unit output on code c
        D1 = [int(v) for v in dec.sum(0)]
        Dtot = len(t)
        out = []
        for s in range(m + 1):
            e1 = a ** (m - 1) * (s * pos + (m - s) * neg) + f0 * a**m
            e = (total - e1, e1)
            out.append(sum(prod(e[(c >> j) & 1] for j in range(k)) * D1[c] ** s * (Dtot - D1[c]) ** (m - s)
                           for c in range(1 << k)))
        return out
    cols = list(product(A, repeat=k))
    out = [0] * (m + 1)
    for c in range(1 << k):
        per_bit = []
        for bit in (0, 1):
            terms = []
            for v in cols:
                z = sum(v[j] for j in range(k) if c >> j & 1)
                mn, mx = sum(min(x, 0) for x in v), sum(max(x, 0) for x in v)
                cnt = (z - mn + f0) if bit else (mx - z + f0)  # decoder thresholds giving this pixel's bit
                if cnt <= 0:
                    continue
                # encoder unit j's firing (c_j = 1) or silent (c_j = 0) count gains this per-input term
                delta = tuple((x * bit - min(x, 0)) if c >> j & 1 else (max(x, 0) - x * bit)
                              for j, x in enumerate(v))
                terms.append((delta, cnt))
            per_bit.append(terms)
        M = [1] + [0] * ((1 << k) - 1)
        for s in range(m + 1):  # M: after s on-columns
            R = M
            for _ in range(m - s):
                R = _moment_step(R, per_bit[0], k)
            out[s] += _moment_finish(R, k, f0)
            if s < m:
                M = _moment_step(M, per_bit[1], k)
    return out


def reconstruction_probabilities_by_weight(family, *, limit=BY_WEIGHT_LIMIT, force=False):
    """P(F(x) = x) for an input x with s on-bits, for s = 0..m: a list of m + 1 Fractions.

    ``family`` is a :class:`NetworkFamily` or a :class:`FamilySpec` (use the
    spec past the 16 inputs of a NetworkFamily); see
    :func:`reconstruction_counts_by_weight`.  Entry ``weight(x)`` equals
    ``reconstruction_probabilities(family)[x]``.

    >>> reconstruction_probabilities_by_weight(NetworkFamily("1x2", 1, alphabet=(0, 1)))
    [Fraction(5, 16), Fraction(1, 4), Fraction(5, 16)]
    >>> p = reconstruction_probabilities_by_weight(FamilySpec(32, 2, tied=True))
    >>> len(p), p[0] == p[32]
    (33, True)
    """
    spec = _spec(family)
    counts = reconstruction_counts_by_weight(spec, limit=limit, force=force)
    total = _spec_settings(spec)
    if total == 0:
        raise InvalidArgument(f"family {spec.describe()} has no parameter setting")
    return [Fraction(c, total) for c in counts]


def _as_images(fam, D):
    if isinstance(D, (int, np.integer)) and not isinstance(D, bool):
        D = [D]
    try:
        items = list(D)
    except TypeError:
        raise InvalidArgument(f"D must be a list of image masks, got {describe(D)}") from None
    return sorted({check_mask("image in D", d, fam.n) for d in items})


def _weighted_products(weights, per_pixel, big):
    """sum over representatives b of weights[b] * prod_i per_pixel[b, i], as a Python int."""
    per_pixel = per_pixel.astype(object) if big else per_pixel
    return int(np.sum(weights * np.prod(per_pixel, axis=1)))


def _joint_counts(fam, D, *, limit, force, progress):
    """(N_D, [N_{D + x} for every x]) by summing over encoder representatives."""
    n = fam.n
    N = 2**n
    enc = _Encoders(fam)
    D = list(D)
    estimate = enc.reps * N * n
    _check_cost("the conditioned reconstruction", estimate, limit, force)
    big = parameter_settings(fam) >= 2**63
    bits = _inputs(n)  # (N, n)
    Dbits = bits[D] if D else np.zeros((0, n), dtype=np.int64)
    total_D = 0
    totals = [0] * N
    if not fam.tied:
        dec_tables, dec_counts = _decoder_functions(fam)
    with _progress(enc.reps, "encoders", progress) as bar:
        for idx, w in enc.chunks():
            codes = enc.codes(idx)  # (B, N)
            wv = w.astype(object) if big else w
            if fam.tied:
                V, lo, hi = _tied_bounds(fam, enc, idx)
                C = _inputs(fam.hidden)
                Z = np.einsum("bxk,bnk->bxn", C[codes], V)  # (B, N, n): v_i . h(x)
                L = lo.copy()
                U = hi.copy()
                for d, db in zip(D, Dbits):
                    z = Z[:, d, :]
                    U = np.where(db[None, :] == 1, np.minimum(U, z), U)
                    L = np.where(db[None, :] == 0, np.maximum(L, z + 1), L)
                base = np.maximum(U - L + 1, 0)
                total_D += _weighted_products(wv, base, big)
                alive = np.flatnonzero(base.min(axis=1) > 0)
                if len(alive) == 0:
                    bar.update(len(idx))
                    continue
                Za, La, Ua, wa = Z[alive], L[alive], U[alive], wv[alive]
                for x in range(N):
                    if x in D:
                        continue
                    z = Za[:, x, :]
                    xb = bits[x][None, :]
                    Ux = np.where(xb == 1, np.minimum(Ua, z), Ua)
                    Lx = np.where(xb == 0, np.maximum(La, z + 1), La)
                    totals[x] += _weighted_products(wa, np.maximum(Ux - Lx + 1, 0), big)
            else:
                # consistent[b, i, g]: decoder function g gives D's pixel-i values on D's codes
                G = dec_tables.shape[0]
                cons = np.ones((len(idx), n, G), dtype=bool)
                for d, db in zip(D, Dbits):
                    out = dec_tables[:, codes[:, d]].T  # (B, G)
                    cons &= out[:, None, :] == (db[None, :, None] == 1)
                cnt_D = (cons * dec_counts[None, None, :]).sum(2)  # (B, n)
                total_D += _weighted_products(wv, cnt_D, big)
                alive = np.flatnonzero(cnt_D.min(axis=1) > 0)
                if len(alive) == 0:
                    bar.update(len(idx))
                    continue
                ca, wa, codes_a = cons[alive] * dec_counts[None, None, :], wv[alive], codes[alive]
                for x in range(N):
                    if x in D:
                        continue
                    out = dec_tables[:, codes_a[:, x]].T  # (B, G) bool
                    xb = bits[x] == 1
                    match = np.where(xb[None, :, None], out[:, None, :], ~out[:, None, :])
                    totals[x] += _weighted_products(wa, (ca * match).sum(2), big)
            bar.update(len(idx))
    for d in D:
        totals[d] = total_D
    return total_D, totals


# Tied families: a dynamic programme over the columns of the weight matrix.  Fix the
# set Y of images to reconstruct and the hidden code pi(y) of each; then the
# decoder thresholds of pixel i count by its column v_i alone, and the encoder
# threshold of row j counts by the sums z_jy = sum_i inc(w_ji, y_i) (inc: w*y_i
# when pi_j takes both values on Y; w*y_i - min(w, 0) when pi_j = 1 on Y;
# max(w, 0) - w*y_i when pi_j = 0 on Y).  The programme carries the k*|Y| sums;
# pixels with the same bits on Y are interchangeable, so the count for Y = D + x
# depends on x only through how many pixels of each D-profile x sets.


def _dp_patterns(fam, ny):
    return (2**fam.hidden) ** ny


def _dp_column_terms(fam, pattern, profile):
    """[(increments (k*|Y|) tuple, decoder count)] over columns v for one pixel profile."""
    k, e = fam.hidden, int(fam.exclude_constant)
    ny = len(pattern)
    kinds = []
    for j in range(k):
        bits = {(c >> j) & 1 for c in pattern}
        kinds.append("mixed" if len(bits) == 2 else ("one" if 1 in bits else "zero"))
    terms = []
    for v in product(fam.alphabet, repeat=k):
        lo = sum(min(a, 0) for a in v) + e
        hi = sum(max(a, 0) for a in v) + 1 - e
        vals = [sum(v[j] for j in range(k) if (c >> j) & 1) for c in pattern]
        L = max([lo] + [vals[y] + 1 for y in range(ny) if not profile[y]])
        U = min([hi] + [vals[y] for y in range(ny) if profile[y]])
        if U < L:
            continue
        inc = []
        for j in range(k):
            for y in range(ny):
                b = profile[y]
                inc.append(v[j] * b if kinds[j] == "mixed" else
                           (v[j] * b - min(v[j], 0) if kinds[j] == "one" else max(v[j], 0) - v[j] * b))
        terms.append((tuple(inc), U - L + 1))
    return kinds, terms


def _dp_plan(fam, pattern, profiles):
    """(steps, kinds, lows, highs) of the programme for one code pattern, or None if it counts 0."""
    ny = len(pattern)
    dims = fam.hidden * ny
    steps = []
    kinds = _dp_column_terms(fam, pattern, (0,) * ny)[0]
    for prof, m in profiles.items():
        kinds, terms = _dp_column_terms(fam, pattern, prof)
        if not terms:
            return None
        steps.extend([terms] * m)
    lows = [0] * dims
    highs = [0] * dims
    for terms in steps:
        for d in range(dims):
            lows[d] += min(0, min(t[0][d] for t in terms))
            highs[d] += max(0, max(t[0][d] for t in terms))
    return steps, kinds, lows, highs


def _dp_work(plan):
    if plan is None:
        return 0
    steps, _, lows, highs = plan
    return sum(len(t) for t in steps) * prod(h - lo + 1 for lo, h in zip(lows, highs))


def _dp_count(fam, pattern, profiles):
    """Settings with hidden codes `pattern` on Y and F(y) = y, for pixels of these profiles.

    profiles: {profile tuple over Y: number of pixels}.
    """
    k, e = fam.hidden, int(fam.exclude_constant)
    ny = len(pattern)
    dims = k * ny
    plan = _dp_plan(fam, pattern, profiles)
    if plan is None:
        return 0
    steps, kinds, lows, highs = plan
    shape = tuple(h - lo + 1 for lo, h in zip(lows, highs))
    N = np.zeros(shape, dtype=np.int64)
    N[tuple(-lo for lo in lows)] = 1
    for terms in steps:
        new = np.zeros_like(N)
        for inc, c in terms:
            dst, src = [], []
            for d, sh in enumerate(inc):
                size = shape[d]
                dst.append(slice(sh, size) if sh >= 0 else slice(0, size + sh))
                src.append(slice(0, size - sh) if sh >= 0 else slice(-sh, size))
            new[tuple(dst)] += N[tuple(src)] * c
        N = new
    # encoder threshold counts per row from the sums
    grids = np.meshgrid(*[np.arange(lo, h + 1) for lo, h in zip(lows, highs)], indexing="ij", sparse=True)
    weight = np.ones(shape, dtype=np.int64)
    for j in range(k):
        z = [grids[j * ny + y] for y in range(ny)]
        if kinds[j] == "mixed":
            ones = [z[y] for y in range(ny) if (pattern[y] >> j) & 1]
            zeros = [z[y] for y in range(ny) if not (pattern[y] >> j) & 1]
            T = np.minimum.reduce(np.broadcast_arrays(*ones)) - np.maximum.reduce(np.broadcast_arrays(*zeros))
        else:
            T = (np.minimum.reduce(np.broadcast_arrays(*z)) if ny else np.zeros((1,) * dims, dtype=np.int64)) + 1 - e
        weight = weight * np.maximum(T, 0)
    return int((N * weight).sum())


def _dp_total(fam, Y):
    """The number of settings reconstructing every image of Y (tied families, column DP)."""
    from collections import Counter
    if not Y:  # every setting; the row sums below need at least one image
        return parameter_settings(fam)
    profiles = Counter(tuple((y >> i) & 1 for y in Y) for i in range(fam.n))
    return sum(_dp_count(fam, pattern, profiles) for pattern in product(range(2**fam.hidden), repeat=len(Y)))


def _dp_classes(fam, D):
    """One representative x per class of images outside D with the same pixel profiles."""
    n = fam.n
    dprof = [tuple((d >> i) & 1 for d in D) for i in range(n)]
    reps = {}
    for x in range(2**n):
        if x not in D:
            reps.setdefault(tuple(sorted((dprof[i], (x >> i) & 1) for i in range(n))), x)
    return reps


def _dp_estimate(fam, D):
    """Array cells times column terms that the column DP touches for D and every x.

    Exact (the programme's own plan) when there are at most 200,000 (class, code
    pattern) pairs; otherwise the bound classes * patterns * n * |A|^k * (2an+1)^(k|Y|).
    """
    from collections import Counter
    n, k = fam.n, fam.hidden
    D = list(D)
    ny = len(D) + 1
    prof = Counter(tuple((d >> i) & 1 for d in D) for i in range(n))
    classes = prod(m + 1 for m in prof.values())
    patterns = _dp_patterns(fam, ny)
    if (classes + 1) * patterns > 200_000:
        a = max(abs(v) for v in fam.alphabet) or 1
        return (classes + 1) * patterns * n * len(fam.alphabet) ** k * (2 * a * n + 1) ** (k * ny)
    work = 0
    for Y in [D] + [D + [x] for x in _dp_classes(fam, D).values()]:
        if not Y:
            continue
        profiles = Counter(tuple((y >> i) & 1 for y in Y) for i in range(n))
        work += sum(_dp_work(_dp_plan(fam, pat, profiles)) for pat in product(range(2**k), repeat=len(Y)))
    return work


def _dp_joint_counts(fam, D, progress):
    """(N_D, [N_{D + x} for every x]) for a tied family by the column DP."""
    n = fam.n
    N = 2**n
    total_D = _dp_total(fam, D)
    totals = [total_D if x in D else 0 for x in range(N)]
    if total_D == 0:
        return total_D, totals
    dprof = [tuple((d >> i) & 1 for d in D) for i in range(n)]
    reps = _dp_classes(fam, D)
    with _progress(len(reps), "image classes", progress) as bar:
        counts = {}
        for key, x in reps.items():
            counts[key] = _dp_total(fam, list(D) + [x])
            bar.update(1)
    for x in range(N):
        if x not in D:
            totals[x] = counts[tuple(sorted((dprof[i], (x >> i) & 1) for i in range(n)))]
    return total_D, totals


def conditioned_reconstruction(family, D, *, limit=CONDITION_LIMIT, force=False, progress=None):
    """For every image x, P(F(x) = x | F(d) = d for every d in D), exactly.

    Over the parameter settings that reconstruct every image of the training set
    D: what else did they learn?  A list of 2**n Fractions (1 on D itself).
    With D empty this equals :func:`reconstruction_probabilities`.  Raises
    InvalidArgument when no network of the family reconstructs all of D.
    Tied families use a dynamic programme over the weight matrix's columns per
    hidden-code pattern on D + x (fast for small D: 3x3, k = 2, |D| = 2 in
    seconds) when its planned work is below the sum over encoder
    representatives; refused past ``limit`` unless ``force``.

    >>> fam = NetworkFamily("1x2", 1, tied=False)
    >>> conditioned_reconstruction(fam, [0b01])
    [Fraction(3, 80), Fraction(1, 1), Fraction(1, 60), Fraction(3, 80)]
    """
    fam = _family(family)
    D = _as_images(fam, D)
    dp = _dp_estimate(fam, D) if fam.tied and parameter_settings(fam) < 2**62 else None
    if dp is not None and dp < _setting_reps(fam) * 2**fam.n * fam.n:
        _check_cost("the conditioned reconstruction (column programme)", dp, limit, force)
        total_D, totals = _dp_joint_counts(fam, D, progress)
    else:
        total_D, totals = _joint_counts(fam, D, limit=limit, force=force, progress=progress)
    if total_D == 0:
        raise InvalidArgument(f"no network of the family reconstructs every image of D = {D}")
    return [Fraction(c, total_D) for c in totals]


# --------------------------------------------------------------------------- CLI


def cli_networks_arguments(parser):
    """Arguments of ``exactorbit networks``."""
    from .cli import add_group_arguments

    add_group_arguments(parser, default_grid="2x2")
    parser.add_argument("--hidden", type=int, default=1, help="number of hidden units k (default 1)")
    tie = parser.add_mutually_exclusive_group()
    tie.add_argument("--tied", dest="tied", action="store_true", default=True, help="tied decoder (default)")
    tie.add_argument("--untied", dest="tied", action="store_false", help="untied decoder")
    parser.add_argument("--alphabet", default="-1,0,1", help="comma-separated weights (default -1,0,1)")
    if hasattr(parser, "_negative_number_matcher"):  # let '--alphabet -1,1' parse as a value
        import re

        parser._negative_number_matcher = re.compile(r"^-\d+(,-?\d+)*$|^-\d*\.\d+$")
    parser.add_argument("--exclude-constant", action="store_true",
                        help="only non-constant thresholds (strictly inside the range)")
    parser.add_argument("--force", action="store_true", help="allow work over the default limit")
    parser.add_argument("--json", action="store_true", help="print JSON")


def cli_networks(args):
    """Run ``exactorbit networks``: parameter count, distinct functions, reconstruction by orbit."""
    from .actions import orbit
    from .cli import group_from_args
    from .images import render_text

    grid, group = group_from_args(args)
    if isinstance(args.hidden, bool) or not isinstance(args.hidden, int) or not 1 <= args.hidden <= 8:
        raise InvalidArgument(f"--hidden must be an int in 1..8, got {describe(args.hidden)}")
    fam = NetworkFamily(grid, args.hidden, tied=args.tied, alphabet=parse_alphabet(args.alphabet),
                        exclude_constant=args.exclude_constant)
    total = parameter_settings(fam)
    print(f"{fam.describe()}: {total} parameter settings", file=sys.stderr)
    try:
        distinct = count_distinct_functions(fam, force=args.force)
        distinct_note = None
    except TooExpensive as exc:
        distinct, distinct_note = None, str(exc)
    probs = reconstruction_probabilities(fam, force=args.force)
    seen = set()
    rows = []
    for x in range(2**fam.n):
        if x in seen:
            continue
        orb = orbit(group, x)
        seen.update(orb)
        values = {probs[y] for y in orb}
        if len(values) != 1:  # pragma: no cover - theorem 7 fails only for non-invariant families
            raise AssertionError(f"reconstruction probability not constant on the orbit of {x}")
        rows.append({"image": orb[0], "orbit_size": len(orb), "probability": probs[orb[0]]})
    payload = {
        "parameter_settings": total,
        "distinct_functions": distinct,
        "reconstruction": [
            {"image": r["image"], "orbit_size": r["orbit_size"],
             "probability": f"{r['probability'].numerator}/{r['probability'].denominator}"}
            for r in rows
        ],
    }
    lines = [
        fam.describe(),
        f"parameter settings: {total}",
        f"distinct functions: {distinct}" if distinct is not None else f"distinct functions: not computed ({distinct_note})",
        f"reconstruction probability by orbit class under {group.name} (order {group.order()}):",
        f"  {'image':<{max(5, grid.n + grid.h)}} {'mask':>6} {'orbit':>6}  probability",
    ]
    for r in rows:
        p = r["probability"]
        lines.append(
            f"  {render_text(r['image'], grid):<{max(5, grid.n + grid.h)}} {r['image']:>6} {r['orbit_size']:>6}  "
            f"{p.numerator}/{p.denominator}"
        )
    return payload, "\n".join(lines)
