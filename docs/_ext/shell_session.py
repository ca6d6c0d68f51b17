"""Run ``exactorbit ...`` command lines from a documentation page, as a reader would type them.

The pages of the site call :func:`run` in code cells whose input is hidden: the reader sees a
terminal session (``$ command`` and what it printed), and the build fails when a command exits
with another code than the page expects. The command runs in a fresh process, with this
Python's ``-m exactorbit`` standing for the ``exactorbit`` script (the same program) and this
Python for ``python3``.
"""

import os
import re
import shlex
import subprocess
import sys

#: ``exactorbit`` or ``python3`` where a shell would run it: at the start, or after ``&&``, ``||``, ``;`` or ``|``.
_COMMAND = re.compile(r"(^|&&|\|\||;|\|)(\s*)(exactorbit|python3)\b")


def run(command, expect=0, cwd=None, columns=92):
    """Print ``$ command`` and its output (stdout and stderr, in order); raise if the exit code is not ``expect``."""
    python = shlex.quote(sys.executable)
    programs = {"exactorbit": f"{python} -m exactorbit", "python3": python}
    shell_command = _COMMAND.sub(lambda m: f"{m.group(1)}{m.group(2)}{programs[m.group(3)]}", command)
    env = dict(os.environ, COLUMNS=str(columns), PYTHONUNBUFFERED="1")   # stdout and stderr in the order written
    proc = subprocess.run(shell_command, shell=True, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=300)
    print("$ " + command)
    if proc.stdout.strip():
        print(proc.stdout.rstrip("\n"))
    if proc.returncode != expect:
        raise RuntimeError(f"{command!r} exited with {proc.returncode}, the page expects {expect}")
    return None
