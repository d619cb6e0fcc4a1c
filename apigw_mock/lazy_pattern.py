"""A regular expression compiled on its first use, for modules that define many and use few on a call.

Contract:
- `LazyPattern(source, flags).fullmatch(text)` answers as `re.compile(source, flags).fullmatch(text)` does.
- Nothing is compiled until the first `fullmatch`. That call compiles the pattern and binds the compiled pattern's
  own `fullmatch` on the instance, so every later call is the compiled method itself (no extra Python frame).
- Threads (server mode) may race on the first use: each compiles (re's cache makes the second one a lookup) and
  binds an equal pattern, so either binding answers the same.
- Why: the domain modules a first call imports hold some twenty validation patterns (mapping expressions, ARNs,
  path parts...); compiling them at import was about 3 ms of the first call of a process (ARCHITECTURE.md,
  "Cold start"), for patterns most tests never use.
"""

from __future__ import annotations

import re


class LazyPattern:
    """`re.compile(source, flags)`, deferred to the first `fullmatch`."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self.flags = flags

    def fullmatch(self, text: str) -> re.Match[str] | None:
        compiled = re.compile(self.pattern, self.flags)
        vars(self)["fullmatch"] = compiled.fullmatch  # shadows this method from now on
        return compiled.fullmatch(text)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"
