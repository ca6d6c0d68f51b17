"""Byte-level changes to valid certificates of every kind: refused, or still valid by an independent judge.

The grammar the checker accepts is written down in ``proofs/certificates.md`` ("The grammar"): UTF-8
JSON, no duplicate key, no NaN/Infinity, ints only (no fraction, no exponent), at most MAX_DIGITS
digits, nesting at most MAX_DEPTH, then the fields of each kind.  Every certificate of the bank of
``test_certificate_mutation.py`` (every kind, made by the package or by hand) is written as the
producer writes it (``dump_certificate``), then changed byte by byte:

* deterministic: at a seeded sample of positions, the byte deleted, a byte inserted and the byte
  replaced (by each byte of a small hostile alphabet: digits, signs, quotes, brackets, '.', 'e',
  space, NUL, 0xff);
* hypothesis: one to three drawn (position, operation, byte) triples.

The judge is the classifier of ``test_certificate_mutation.py`` (brute force, no exactorbit import):
``parse_strict`` (the standard library's JSON parser with strict hooks for the grammar) then
``classify`` (re-derives every claim: groups listed by closure, orbits and stabilizers by applying
every element, conjugacy classes by conjugating by every element, the hierarchy model by recursion
over parse trees).  Asserted: the checker never accepts what the judge calls invalid, never refuses
as malformed or false what the judge calls valid (TooExpensive is allowed), raises nothing but
CertificateError / TooExpensive and answers within a bound.  Where the judge cannot decide
("unknown": too big for brute force), the checker's verdict on the file must equal its verdict on the
document the judge parsed (the loader loses nothing and invents nothing).
"""

import random

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from exactorbit.certificates import dump_certificate
from exactorbit.checker import check_file, verify_certificate

import _fuzzutil as util  # noqa: E402 - tests/fuzz/conftest.py puts it on the path
import test_certificate_mutation as judge  # noqa: E402 - the independent classifier and the bank

#: Seconds one check of a changed tiny certificate may take (in process, under SIGALRM).
BOUND = 5
#: Positions changed per certificate in the deterministic sweep, and the bytes tried at each.
POSITIONS = 5
ALPHABET = b'09-",[]{}.e \x00\xff'
TEXTS = {name: dump_certificate(cert).encode("utf-8") for name, cert in judge.BANK.items()}
SCRATCH = util.tempdir("eo-fuzz-grammar-") / "certificate.json"


def checker_outcome(call):
    """('ok', bool) | ('raise', class name) for one call, under an alarm; other exceptions fail the test."""
    try:
        with util.alarm(BOUND):
            ok, reason = call()
    except util.CallTimeout:
        util.fail(f"the checker ran past {BOUND} s")
    except Exception as exc:  # noqa: BLE001 - classified below
        name = type(exc).__name__
        if name not in ("CertificateError", "TooExpensive"):
            util.fail(f"the checker raised {name}: {util.short(str(exc), 200)}")
        return "raise", name, str(exc)
    assert isinstance(ok, bool) and isinstance(reason, str) and "\n" not in reason
    return "ok", ok, reason


def check_bytes(data, what):
    SCRATCH.write_bytes(data)
    verdict, why = judge.classify_text(data)
    kind, value, text = checker_outcome(lambda: check_file(str(SCRATCH)))
    described = f"{what}\n  judge: {verdict} {why}\n  checker: {kind} {value} {util.short(text, 300)}"
    if kind == "ok" and value and verdict == "invalid":
        util.fail(f"ACCEPTED AN INVALID certificate: {described}")
    if verdict == "valid" and ((kind == "ok" and not value) or (kind == "raise" and value == "CertificateError")):
        util.fail(f"REFUSED A VALID certificate: {described}")
    if verdict == "unknown":
        doc = judge.parse_strict(data)
        again = checker_outcome(lambda: verify_certificate(doc))[:2]
        assert again == (kind, value), f"file and parsed document disagree: {described}\n  parsed: {again}"
    return verdict, kind, value


def byte_changes(data, rng):
    """(description, changed bytes) at POSITIONS seeded positions: delete, insert and replace."""
    for pos in sorted(rng.sample(range(len(data)), min(POSITIONS, len(data)))):
        yield f"byte {pos} ({data[pos:pos + 1]!r}) deleted", data[:pos] + data[pos + 1:]
        for b in ALPHABET:
            byte = bytes([b])
            yield f"{byte!r} inserted at {pos}", data[:pos] + byte + data[pos:]
            if b != data[pos]:
                yield f"byte {pos} ({data[pos:pos + 1]!r}) replaced by {byte!r}", data[:pos] + byte + data[pos + 1:]


def test_the_bank_is_valid_as_written():
    for name, data in TEXTS.items():
        assert judge.classify_text(data) == ("valid", ""), name
        assert check_file_bytes(data)[0] is True, name


def check_file_bytes(data):
    SCRATCH.write_bytes(data)
    return check_file(str(SCRATCH))


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_sampled_byte_change(name):
    data = TEXTS[name]
    rng = random.Random(f"grammar:{name}")
    seen = set()
    for what, changed in byte_changes(data, rng):
        if changed in seen:
            continue
        seen.add(changed)
        check_bytes(changed, f"{name}: {what}")


@settings(max_examples=150, deadline=None, database=None, phases=util.PHASES,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_drawn_byte_changes(data):
    name = data.draw(st.sampled_from(sorted(TEXTS)), label="certificate")
    text = TEXTS[name]
    log = []
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        if not text:
            break
        pos = data.draw(st.integers(0, len(text) - 1), label="position")
        op = data.draw(st.sampled_from(["delete", "insert", "replace"]), label="op")
        byte = bytes([data.draw(st.sampled_from(list(ALPHABET)) | st.integers(0, 255), label="byte")])
        if op == "delete":
            text = text[:pos] + text[pos + 1:]
        elif op == "insert":
            text = text[:pos] + byte + text[pos:]
        else:
            text = text[:pos] + byte + text[pos + 1:]
        log.append(f"{op} {byte!r} at {pos}")
    what = f"{name}: " + "; ".join(log)
    note(what)
    check_bytes(text, what)


def test_the_sweep_changes_meaning_not_only_syntax():
    """The sweep is not vacuous: some byte changes leave a valid certificate, some a parsable but false one."""
    verdicts = set()
    for name in ("orbit/dihedral-2x2/3", "hierarchy/2,2,1,2,1,s0=1", "count/dihedral-2x2"):
        rng = random.Random(f"grammar:{name}")
        for what, changed in byte_changes(TEXTS[name], rng):
            verdict, kind, value = check_bytes(changed, f"{name}: {what}")
            verdicts.add((verdict, kind, value))
    assert ("valid", "ok", True) in verdicts
    assert ("invalid", "ok", False) in verdicts or ("invalid", "raise", "CertificateError") in verdicts
