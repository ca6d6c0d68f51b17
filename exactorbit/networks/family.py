"""Network families: threshold units, autoencoders n -> k -> n, their settings and function tables.

The model (the conventions of :mod:`exactorbit.networks`): a threshold unit on
input bits u has integer weights in an alphabet and a threshold t and outputs
[w.u >= t]; a :class:`NetworkFamily` is every encoder (k units over the n pixels)
and decoder (n units over the k hidden bits; tied: the transposed encoder
weights, own thresholds), each setting counted once.  A :class:`FamilySpec` is
the same family given by its number of inputs only.  :func:`parameter_settings`
counts settings exactly (the moment programme for tied families);
:func:`network_tables` evaluates networks, vectorised.

>>> parameter_settings(NetworkFamily("3x3", 1, tied=False))
21134460321792
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import TYPE_CHECKING

import numpy as np

from .._budget import LIMITS, refuse_if_over
from .._validation import check_flag, check_int, check_items, describe
from ..errors import InvalidArgument
from ..images import Grid, parse_grid

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from numpy.typing import ArrayLike, NDArray

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
]


def parse_alphabet(text: str | Iterable[int]) -> tuple[int, ...]:
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
    alphabet: tuple[int, ...] = (-1, 0, 1)
    exclude_constant: bool = False

    if TYPE_CHECKING:  # the dataclass's own __init__ at run time: it also takes "HxW" and an alphabet's text
        def __init__(self, grid: str | Grid, hidden: int, tied: bool = True,
                     alphabet: str | Iterable[int] = (-1, 0, 1), exclude_constant: bool = False) -> None: ...

    def __post_init__(self) -> None:
        grid = parse_grid(self.grid)
        cap = LIMITS["network_pixels"].value
        if grid.n > cap:
            raise InvalidArgument(f"grid must have at most {cap} pixels for network tables, got {grid}")
        object.__setattr__(self, "grid", grid)
        _validate_units(self)

    @property
    def n(self) -> int:
        """Number of pixels (inputs and outputs)."""
        return self.grid.n

    @property
    def symmetric_alphabet(self) -> bool:
        """Whether the alphabet is closed under negation (hidden units may then be negated)."""
        return set(self.alphabet) == {-a for a in self.alphabet}

    def _repr_html_(self):
        from .._display import family_html

        return family_html(self.describe(), parameter_settings(self))

    def describe(self) -> str:
        """One line naming the family.

        >>> NetworkFamily("2x2", 1, tied=False).describe()
        'untied autoencoder 2x2 -> 1 -> 2x2, weights in {-1, 0, 1}, thresholds incl. constant units'
        """
        kind = "tied" if self.tied else "untied"
        thr = "non-constant thresholds only" if self.exclude_constant else "thresholds incl. constant units"
        alpha = "{" + ", ".join(str(a) for a in self.alphabet) + "}"
        return f"{kind} autoencoder {self.grid} -> {self.hidden} -> {self.grid}, weights in {alpha}, {thr}"


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
    alphabet: tuple[int, ...] = (-1, 0, 1)
    exclude_constant: bool = False

    if TYPE_CHECKING:  # the dataclass's own __init__ at run time: it also takes an alphabet's text
        def __init__(self, inputs: int, hidden: int = 1, tied: bool = True,
                     alphabet: str | Iterable[int] = (-1, 0, 1), exclude_constant: bool = False) -> None: ...

    def __post_init__(self) -> None:
        object.__setattr__(self, "inputs", check_int("inputs", self.inputs, min_value=1, max_value=1024))
        _validate_units(self)

    @classmethod
    def from_family(cls, family: NetworkFamily) -> FamilySpec:
        """The spec of a :class:`NetworkFamily` (its grid forgotten, n inputs)."""
        fam = _family(family)
        return cls(fam.n, fam.hidden, fam.tied, fam.alphabet, fam.exclude_constant)

    @property
    def n(self) -> int:
        """Number of inputs (and outputs)."""
        return self.inputs

    def describe(self) -> str:
        """One line naming the family."""
        kind = "tied" if self.tied else "untied"
        thr = "non-constant thresholds only" if self.exclude_constant else "thresholds incl. constant units"
        alpha = "{" + ", ".join(str(a) for a in self.alphabet) + "}"
        return (f"{kind} autoencoder {self.inputs} inputs -> {self.hidden} -> {self.inputs} outputs, "
                f"weights in {alpha}, {thr}")


def _family(family):
    if not isinstance(family, NetworkFamily):
        raise InvalidArgument(f"family must be a NetworkFamily, got {describe(family)}")
    return family


def _spec(family):
    if isinstance(family, FamilySpec):
        return family
    if isinstance(family, NetworkFamily):
        return FamilySpec.from_family(family)
    raise InvalidArgument(f"family must be a NetworkFamily or a FamilySpec, got {describe(family)}")


#: Most inputs of one unit the counting functions take (grids hold at most 4096 pixels).
MAX_UNIT_INPUTS = 4096


def threshold_range(weights: Sequence[int], exclude_constant: bool = False) -> tuple[int, int]:
    """The inclusive range (lo, hi) of thresholds of a unit with these weights.

    lo = min_u w.u and hi = max_u w.u + 1, or lo + 1 and hi - 1 without the
    constant units (then lo > hi means no threshold at all).

    >>> threshold_range((1, -1, 0)), threshold_range((1, -1, 0), exclude_constant=True)
    ((-1, 2), (0, 1))
    """
    w = [check_int("weight", v) for v in check_items("weights", weights, limit=1 << 16)]
    exclude_constant = check_flag("exclude_constant", exclude_constant)
    lo = sum(min(v, 0) for v in w)
    hi = sum(max(v, 0) for v in w) + 1
    return (lo + 1, hi - 1) if exclude_constant else (lo, hi)


def _inputs(m):
    """(2**m, m) array of the input bits: row u, column j = bit j of u."""
    return ((np.arange(2**m, dtype=np.int64)[:, None] >> np.arange(m, dtype=np.int64)) & 1).astype(np.int64)


def _weight_vectors(m, alphabet):
    vectors = list(product(alphabet, repeat=m))
    return np.array(vectors, dtype=np.int64).reshape(len(vectors), m)


def unit_settings(m: int, alphabet: str | Iterable[int] = (-1, 0, 1), exclude_constant: bool = False
                  ) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """All settings (weights, threshold) of a threshold unit on m inputs.

    Returns ``(W, t)``: W of shape (S, m) and t of shape (S,), weight vectors in
    lexicographic order over the sorted alphabet, thresholds increasing.

    >>> W, t = unit_settings(1)
    >>> W[:, 0].tolist(), t.tolist()
    ([-1, -1, -1, 0, 0, 1, 1, 1], [-1, 0, 1, 0, 1, 0, 1, 2])
    """
    m = check_int("m", m, min_value=0, max_value=16)
    alphabet = parse_alphabet(alphabet)
    exclude_constant = check_flag("exclude_constant", exclude_constant)
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


def unit_setting_count(m: int, alphabet: str | Iterable[int] = (-1, 0, 1), exclude_constant: bool = False) -> int:
    """The number of settings of one unit on m inputs (closed form).

    sum over w in A^m of (sum_i |w_i| + 2), or of sum_i |w_i| without constant units.

    >>> unit_setting_count(9), unit_setting_count(1, exclude_constant=True)
    (157464, 2)
    """
    m = check_int("m", m, min_value=0, max_value=MAX_UNIT_INPUTS)
    alphabet = parse_alphabet(alphabet)
    exclude_constant = check_flag("exclude_constant", exclude_constant)
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


def _distinct_rows(tables, weights=None):
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


def threshold_functions(m: int, alphabet: str | Iterable[int] = (-1, 0, 1), exclude_constant: bool = False, *,
                        force: bool = False, limit: int | None = None) -> tuple[NDArray[np.bool_], list[int]]:
    """The distinct Boolean functions of one threshold unit on m inputs, with multiplicities.

    Returns ``(tables, counts)``: tables (F, 2**m) bool in lexicographic order of
    rows, counts a list of ints (settings realising each) summing to
    :func:`unit_setting_count`.  (OEIS A000609 counts all threshold functions,
    which need larger weights from m = 3 on.)

    >>> tables, counts = threshold_functions(2)
    >>> len(tables), sum(counts)
    (14, 30)
    """
    m = check_int("m", m, min_value=0, max_value=MAX_UNIT_INPUTS)
    cost = unit_setting_count(m, alphabet, exclude_constant) * 2**m
    refuse_if_over(f"the truth tables of every unit on {m} inputs", cost, "network_work", limit=limit, force=force)
    W, t = unit_settings(m, alphabet, exclude_constant)
    tables, counts = _distinct_rows(_unit_tables(W, t))
    return tables, [int(c) for c in counts]


def nonempty_settings(family: NetworkFamily | FamilySpec) -> int:
    """``parameter_settings(family)``, refusing a family with no setting (InvalidArgument saying why).

    >>> nonempty_settings(NetworkFamily("1x1", 1, alphabet=(0,), exclude_constant=True))
    Traceback (most recent call last):
    ...
    exactorbit.errors.InvalidArgument: the family tied autoencoder 1x1 -> 1 -> 1x1, weights in {0}, non-constant thresholds only has no parameter setting (with constant units excluded, every unit needs a non-zero weight): add a non-zero weight to the alphabet or keep the constant units
    """
    total = parameter_settings(family)
    if total == 0:
        raise InvalidArgument(
            f"the family {family.describe()} has no parameter setting (with constant units excluded, "
            "every unit needs a non-zero weight): add a non-zero weight to the alphabet or keep the constant units")
    return total


def parameter_settings(family: NetworkFamily | FamilySpec) -> int:
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


@lru_cache(maxsize=256)
def _spec_settings(spec):
    """The count for a (hashable, frozen) FamilySpec; kept, since families with many hidden units take seconds."""
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
    encoder_weights: tuple[tuple[int, ...], ...]
    encoder_thresholds: tuple[int, ...]
    decoder_weights: tuple[tuple[int, ...], ...]
    decoder_thresholds: tuple[int, ...]

    if TYPE_CHECKING:  # the dataclass's own __init__ at run time: it takes any sequences and stores tuples
        def __init__(self, family: NetworkFamily, encoder_weights: Sequence[Sequence[int]],
                     encoder_thresholds: Sequence[int], decoder_weights: Sequence[Sequence[int]],
                     decoder_thresholds: Sequence[int]) -> None: ...

    def __post_init__(self) -> None:
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


def _batch(name: str, value: ArrayLike, shape: tuple[int, ...], batch: int | None = None) -> NDArray[np.int64]:
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


def network_tables(family: NetworkFamily, enc_w: ArrayLike, enc_t: ArrayLike, dec_w: ArrayLike, dec_t: ArrayLike
                   ) -> NDArray[np.int64]:
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


def network_table(network: Network) -> NDArray[np.int64]:
    """The function table of one network (numpy int64 array of length 2**n).

    >>> fam = NetworkFamily("1x1", 1)
    >>> network_table(Network(fam, ((-1,),), (0,), ((-1,),), (0,))).tolist()
    [0, 1]
    """
    if not isinstance(network, Network):
        raise InvalidArgument(f"network must be a Network, got {describe(network)}")
    return network_tables(network.family, [network.encoder_weights], [network.encoder_thresholds],
                          [network.decoder_weights], [network.decoder_thresholds])[0]


def random_network(family: NetworkFamily, seed: int | np.random.Generator | None = None) -> Network:
    """A network with weights uniform in the alphabet and thresholds uniform in their ranges.

    ``seed``: None (fresh randomness), an int >= 0, or a ``numpy.random.Generator``.

    (Not uniform over settings; for examples.  Units without any threshold are redrawn.)

    >>> net = random_network(NetworkFamily("2x2", 2), seed=1)
    >>> len(network_table(net))
    16
    """
    fam = _family(family)
    if seed is not None and not isinstance(seed, np.random.Generator):
        seed = check_int("seed", seed, min_value=0)
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
