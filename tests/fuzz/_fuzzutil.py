"""Helpers shared by the fuzz tests (loaded by path: the tests run with --import-mode=importlib).

* :func:`short` - a bounded repr for failure messages (long strings shown as head...<N chars>...tail).
* :func:`run_forked` - run a callable in a forked child with a wall-clock timeout and a memory cap,
  so that a hang inside C code, a memory blow-up or a call that closes file descriptors cannot take
  the test process down; the child reports what happened (return, raise, timeout, crash).
* :func:`alarm` - a SIGALRM guard for in-process calls.
* :func:`memory_cap` - a context manager lowering the soft RLIMIT_AS of this process.
* :func:`tempdir` - a temporary directory removed at exit; :func:`fail` - fail with a plain message.
"""

import contextlib
import os
import pickle
import resource
import select
import signal
import time
import traceback
from dataclasses import dataclass

#: Memory a forked child may map (address space) on top of what the parent already maps.
CHILD_EXTRA_MEMORY = 2 << 30


def tempdir(prefix):
    """A fresh temporary directory, removed when the test process exits."""
    import atexit
    import shutil
    import tempfile
    from pathlib import Path

    path = tempfile.mkdtemp(prefix=prefix)
    pid = os.getpid()
    atexit.register(lambda: os.getpid() == pid and shutil.rmtree(path, ignore_errors=True))
    return Path(path)


_SCRATCH = []


def scratch():
    """One scratch folder per test process, the working directory of every forked child (removed at exit)."""
    if not _SCRATCH:
        _SCRATCH.append(str(tempdir("eo-fuzz-cwd-")))
    return _SCRATCH[0]


def fail(message):
    """Fail with exactly ``message`` (no assertion introspection noise)."""
    __tracebackhide__ = True
    raise AssertionError(message)


#: Hypothesis phases without "explain" (its line lists add nothing to these messages).
from hypothesis import Phase

PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink)


def short(value, limit=160):
    """repr(value), at most ``limit`` characters; long str runs are compressed."""
    if type(value) is str and len(value) > 40:
        head = value[:20]
        if value == value[0] * len(value):
            return f"{value[0]!r}*{len(value)}"
        text = f"{head!r}+...<{len(value)} chars>...+{value[-8:]!r}"
        return text
    if type(value) in (list, tuple):
        parts = [short(v, 60) for v in value[:8]]
        if len(value) > 8:
            parts.append(f"...<{len(value)} items>")
        open_, close = ("[", "]") if isinstance(value, list) else ("(", ",)" if len(value) == 1 else ")")
        text = open_ + ", ".join(parts) + close
    elif type(value) is dict:
        parts = [f"{short(k, 40)}: {short(v, 60)}" for k, v in list(value.items())[:8]]
        text = "{" + ", ".join(parts) + (", ..." if len(value) > 8 else "") + "}"
    else:
        try:
            text = repr(value)
        except Exception as exc:  # noqa: BLE001 - a repr that fails is shown as such
            text = f"<unrepresentable {type(value).__name__}: {exc}>"
    if len(text) > limit:
        text = text[: limit - 20] + f"...<{len(text)} chars>"
    return text


def vm_size():
    """Bytes of address space this process maps now (Linux /proc)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0  # pragma: no cover


@contextlib.contextmanager
def memory_cap(extra=3 << 30):
    """Lower the soft address-space limit to what is mapped now + ``extra`` (restored afterwards)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = vm_size() + extra
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


class CallTimeout(BaseException):
    """Raised by :func:`alarm` when an in-process call runs past its bound."""


@contextlib.contextmanager
def alarm(seconds):
    """Raise CallTimeout in the main thread after ``seconds`` (whole seconds, at least 1)."""

    def handler(signum, frame):
        raise CallTimeout(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, handler)
    signal.alarm(max(1, int(seconds)))
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@dataclass
class Outcome:
    """What a forked call did: kind is 'return', 'raise', 'timeout' or 'crash'."""

    kind: str
    elapsed: float
    value: object = None  # 'return': what the summarise function made of the result
    exc_type: str = ""  # 'raise': module.qualname of the exception
    exc_bases: tuple = ()  # 'raise': qualnames of the exception's classes (mro)
    message: str = ""  # 'raise': str(exc) (bounded); 'crash': how the child died
    tb: str = ""  # 'raise': the last frames of the traceback

    def is_a(self, name):
        """True when the exception raised is an instance of the class called ``name``."""
        return self.kind == "raise" and name in self.exc_bases

    def describe(self):
        if self.kind == "return":
            return f"returned {short(self.value, 200)} in {self.elapsed:.2f} s"
        if self.kind == "raise":
            return f"raised {self.exc_type}: {self.message} (after {self.elapsed:.2f} s)\n{self.tb}"
        if self.kind == "timeout":
            return f"TIMEOUT: still running after {self.elapsed:.1f} s (killed)"
        return f"CRASH: {self.message} after {self.elapsed:.2f} s"


def _qualname(cls):
    return f"{cls.__module__}.{cls.__qualname__}"


def run_forked(fn, *, timeout, extra_memory=CHILD_EXTRA_MEMORY, summarise=lambda v: None, setup=None):
    """Call ``fn()`` in a forked child (stdin/stdout/stderr on /dev/null, address space capped).

    Returns an :class:`Outcome`.  The child never returns into the test process: it reports through a
    pipe and leaves with ``os._exit``.  On timeout the child is killed (SIGKILL).
    """
    cap = vm_size() + extra_memory
    r, w = os.pipe()
    start = time.perf_counter()
    cwd = scratch()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(r)
            os.chdir(cwd)  # a valid relative path (the hostile "x") lands in a scratch folder, not in the repo
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.alarm(0)
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
            if setup is not None:
                setup()
            try:
                payload = ("return", summarise(fn()))
            except BaseException as exc:  # noqa: BLE001 - everything is reported
                payload = ("raise",) + _report(exc)
            data = pickle.dumps(payload)
            view = memoryview(data)
            while view:
                view = view[os.write(w, view):]
        except BaseException:  # noqa: BLE001, S110 - e.g. MemoryError while reporting: the parent sees no report
            pass
        finally:
            os._exit(0)
    os.close(w)
    chunks = []
    deadline = start + timeout
    timed_out = False
    try:
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([r], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(r, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(r)
        if timed_out:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    if timed_out:
        return Outcome("timeout", elapsed)
    if not chunks:
        if os.WIFSIGNALED(status):
            how = f"child killed by signal {signal.Signals(os.WTERMSIG(status)).name}"
        else:
            how = f"child exited with status {os.WEXITSTATUS(status)} without reporting (e.g. MemoryError)"
        return Outcome("crash", elapsed, message=how)
    payload = pickle.loads(b"".join(chunks))
    if payload[0] == "return":
        return Outcome("return", elapsed, value=payload[1])
    _, exc_type, bases, message, tb = payload
    return Outcome("raise", elapsed, exc_type=exc_type, exc_bases=bases, message=message, tb=tb)


def _report(exc):
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if "tests/fuzz/" not in f.filename.replace("\\", "/")][-3:]
    tb = "".join(traceback.format_list(frames)) + "".join(traceback.format_exception_only(type(exc), exc))
    try:
        message = str(exc)
    except Exception:  # noqa: BLE001
        message = "<str() failed>"
    return (_qualname(type(exc)), tuple(c.__name__ for c in type(exc).__mro__),
            short(message, 400) if len(message) > 400 else message, tb[-1500:])


def run_forked_batch(calls, *, per_call, extra_memory=CHILD_EXTRA_MEMORY, setup=None):
    """Run each ``(label, fn)`` of ``calls`` in turn in forked children: [(label, Outcome)], in order.

    One child runs the calls one after another (a fork per call would cost more than most calls), each
    under a SIGALRM bound of ``per_call`` seconds (reported as 'timeout'); the child streams one report
    per call.  When a call hangs where SIGALRM cannot reach it (C code), or kills its process, the parent
    ends the child at the bound, records 'timeout' or 'crash' for that call, and a fresh child runs the rest.
    """
    results = []
    start_index = 0
    while start_index < len(calls):
        batch = calls[start_index:]
        cap = vm_size() + extra_memory
        r, w = os.pipe()
        cwd = scratch()
        pid = os.fork()
        if pid == 0:  # the child
            try:
                os.close(r)
                os.chdir(cwd)  # relative paths land in a scratch folder, not in the repo
                devnull = os.open(os.devnull, os.O_RDWR)
                for fd in (0, 1, 2):
                    os.dup2(devnull, fd)
                _, hard = resource.getrlimit(resource.RLIMIT_AS)
                resource.setrlimit(resource.RLIMIT_AS,
                                   (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
                if setup is not None:
                    setup()

                def handler(signum, frame):
                    raise CallTimeout(f"still running after {per_call} s")

                signal.signal(signal.SIGALRM, handler)
                for _, fn in batch:
                    t0 = time.perf_counter()
                    try:
                        signal.alarm(max(1, int(per_call)))
                        try:
                            value = fn()
                        finally:
                            signal.alarm(0)
                        del value
                        payload = ("return", time.perf_counter() - t0)
                    except CallTimeout:
                        payload = ("timeout", time.perf_counter() - t0)
                    except BaseException as exc:  # noqa: BLE001 - everything is reported
                        payload = ("raise", time.perf_counter() - t0, *_report(exc))
                    data = pickle.dumps(payload)
                    data = len(data).to_bytes(8, "little") + data
                    view = memoryview(data)
                    while view:
                        view = view[os.write(w, view):]
            except BaseException:  # noqa: BLE001, S110 - the parent sees the missing reports
                pass
            finally:
                os._exit(0)
        os.close(w)
        buffer = b""
        reported = 0
        call_start = time.perf_counter()
        status = None
        try:
            while reported < len(batch):
                remaining = call_start + per_call + 5 - time.perf_counter()
                if remaining <= 0:
                    break
                ready, _, _ = select.select([r], [], [], remaining)
                if not ready:
                    continue
                chunk = os.read(r, 1 << 16)
                if not chunk:
                    break
                buffer += chunk
                while len(buffer) >= 8 and len(buffer) >= 8 + int.from_bytes(buffer[:8], "little"):
                    size = int.from_bytes(buffer[:8], "little")
                    payload = pickle.loads(buffer[8:8 + size])
                    buffer = buffer[8 + size:]
                    label = batch[reported][0]
                    if payload[0] == "raise":
                        _, elapsed, exc_type, bases, message, tb = payload
                        outcome = Outcome("raise", elapsed, exc_type=exc_type, exc_bases=bases,
                                          message=message, tb=tb)
                    else:
                        outcome = Outcome(payload[0], payload[1])
                    results.append((label, outcome))
                    reported += 1
                    call_start = time.perf_counter()
        finally:
            os.close(r)
            if reported < len(batch):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:  # pragma: no cover
                    pass
            _, status = os.waitpid(pid, 0)
        if reported < len(batch):
            elapsed = time.perf_counter() - call_start
            if os.WIFSIGNALED(status) and os.WTERMSIG(status) != signal.SIGKILL:
                how = f"child killed by signal {signal.Signals(os.WTERMSIG(status)).name}"
                results.append((batch[reported][0], Outcome("crash", elapsed, message=how)))
            elif elapsed >= per_call + 5:
                results.append((batch[reported][0], Outcome("timeout", elapsed)))
            else:
                results.append((batch[reported][0], Outcome(
                    "crash", elapsed, message="child ended without reporting (e.g. MemoryError or os._exit)")))
            reported += 1
        start_index += reported
    return results
