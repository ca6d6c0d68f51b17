"""The paper's claims as computed verdicts on a toy case (proofs/claims.md says what each means).

Every claim returns a :class:`Claim`: an id (C1, ...), the statement, a verdict
(``holds``, ``fails`` or ``undecided``) computed from exact numbers, and the
evidence (JSON-able: ints, lists, "p/q" strings).  Verdicts are never written
in: change the inputs and they change.

One module per claim, named like ``examples/c*_*.py``; each has ``claim(case)``,
a pure function of a :class:`Case` (the toy case, every shared datum computed
once), and the same judgement on explicit data (``claim_c5_simplest_first(group,
probabilities)``, ...) for tests and teaching.  :data:`CLAIMS` lists the
case-level functions in order; :func:`evaluate` runs them.

>>> case = Case("2x2", "translations")
>>> [c.verdict for c in evaluate(case)][:2]
['holds', 'holds']
"""


from __future__ import annotations

from typing import TYPE_CHECKING, Any
from .._validation import describe
from ..errors import InvalidArgument, TooExpensive
from ._claim import FAILS, HOLDS, UNDECIDED, Claim, fraction_str, undecided
from ._ranking import Ranking, class_probabilities, kendall_tau, pair_counts, rank_classes, ranking_violations
from . import (
    c1_uniform_search,
    c2_not_a_group,
    c3_shadows,
    c4_minimal_orbits,
    c5_simplest_first,
    c6_shadow_ranking,
    c7_diagonal,
    c8_depth,
)
from .c1_uniform_search import claim_c1_uniform_search
from .c2_not_a_group import claim_c2_not_a_group
from .c3_shadows import claim_c3_shadows
from .c4_minimal_orbits import claim_c4_minimal_orbits
from .c5_simplest_first import claim_c5_simplest_first
from .c6_shadow_ranking import claim_c6_shadow_ranking
from .c7_diagonal import claim_c7_diagonal
from .c8_depth import claim_c8_depth
from .case import Case

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "Claim",
    "HOLDS",
    "FAILS",
    "UNDECIDED",
    "fraction_str",
    "Case",
    "CLAIMS",
    "evaluate",
    "kendall_tau",
    "pair_counts",
    "class_probabilities",
    "ranking_violations",
    "Ranking",
    "rank_classes",
    "claim_c1_uniform_search",
    "claim_c2_not_a_group",
    "claim_c3_shadows",
    "claim_c4_minimal_orbits",
    "claim_c5_simplest_first",
    "claim_c6_shadow_ranking",
    "claim_c7_diagonal",
    "claim_c8_depth",
]

#: The case-level claims, in order: (id, function of a Case).
CLAIMS = (
    ("C1", c1_uniform_search.claim),
    ("C2", c2_not_a_group.claim),
    ("C3", c3_shadows.claim),
    ("C4", c4_minimal_orbits.claim),
    ("C5", c5_simplest_first.claim),
    ("C6", c6_shadow_ranking.claim),
    ("C7", c7_diagonal.claim),
    ("C8", c8_depth.claim),
)


#: Each claim's statement on a case (for a claim whose work is refused as a whole).
STATEMENTS = {
    "C1": lambda case: c1_uniform_search.statement(),
    "C2": lambda case: c2_not_a_group.statement(),
    "C3": lambda case: c3_shadows.statement(case.tolerance, case.n),
    "C4": lambda case: c4_minimal_orbits.statement(),
    "C5": lambda case: c5_simplest_first.statement(),
    "C6": lambda case: c6_shadow_ranking.statement(),
    "C7": lambda case: c7_diagonal.statement(),
    "C8": lambda case: c8_depth.statement(),
}


def evaluate(case: Any, *, say: Callable[[str], Any] | None = None) -> list:
    """Every claim on ``case``, in order (a list of :class:`Claim`); ``say(id)`` is called before each.

    A claim whose work is over a limit is ``undecided``, with the refusal (its
    estimate, limit and flag) as the reason; the other claims still run.
    """
    if not isinstance(case, Case):
        raise InvalidArgument(f"case must be a Case, got {describe(case)}")
    if say is not None and not callable(say):
        raise InvalidArgument(f"say must be a function of the claim id or None, got {describe(say)}")
    out = []
    for cid, claim in CLAIMS:
        if say is not None:
            say(cid)
        try:
            result = claim(case)
        except TooExpensive as exc:
            result = undecided(cid, STATEMENTS[cid](case), f"not computed: {exc}")
        result.grid = case.grid
        out.append(result)
    return out
