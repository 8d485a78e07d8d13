#!/usr/bin/env python3
"""Normalizes ExUnit output for comparison (see ../README.md).

- times: the numbers of `Finished in ...` and trace mode's `(1.2ms)` become T;
- stack frames of ExUnit's own code (`(ex_unit 1.14.0) lib/ex_unit/...` in
  real Elixir's output, `... ExUnit.Runner.f/1` in others) are dropped, and
  so are the library frames (`(elixir 1.14.0) ...`, `(stdlib 4.2) ...`,
  beamlet's `stdlib/...`) right below them, which ExUnit's code called: they depend on how the
  library itself is written.

Reads stdin (or the files given), writes stdout.
"""
import io
import re
import sys

FINISHED = re.compile(r"^Finished in ")
NUMBER = re.compile(r"[0-9]+\.[0-9]+")
TRACE_TIME = re.compile(r"\([0-9]+\.[0-9]+ms\)")
INTERNAL = re.compile(
    r"^       (\(ex_unit [^)]*\) "
    r"|.*\bExUnit\.[A-Z][A-Za-z]*\."
    r"|.*anonymous fn/[0-9]+ in ExUnit\.)"
)
# Real Elixir's library frames (`(elixir 1.14.0) lib/...`), and beamlet's
# (`stdlib/...`).
LIBRARY = re.compile(r"^       (\(|stdlib/)")


def normalize(lines):
    out = []
    in_stack = False
    dropping = False
    for line in lines:
        if FINISHED.match(line):
            line = NUMBER.sub("T", line)
        line = TRACE_TIME.sub("(Tms)", line)
        if line.rstrip("\n") == "     stacktrace:":
            in_stack = True
        elif in_stack and not line.startswith("       "):
            in_stack = False
        if in_stack and (INTERNAL.match(line) or (dropping and LIBRARY.match(line))):
            dropping = True
            continue
        dropping = False
        out.append(line)
    return out


def main():
    # newline="" keeps trace mode's carriage returns inside their lines.
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    files = sys.argv[1:]
    if files:
        for name in files:
            with open(name, encoding="utf-8", newline="") as f:
                out.write("".join(normalize(f.readlines())))
    else:
        stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")
        out.write("".join(normalize(stdin.readlines())))
    out.flush()


if __name__ == "__main__":
    main()
