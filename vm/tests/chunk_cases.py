#!/usr/bin/env python3
"""Splits the generated case tables of inspect_cases.rs into functions of 16
cases each: rustc takes minutes on one huge `vec![...]` and seconds on many
small ones. Run after the generator:

    elixir vm/tests/gen_inspect_cases.exs > vm/tests/inspect_cases.rs
    python3 vm/tests/chunk_cases.py vm/tests/inspect_cases.rs
"""
import sys

path = sys.argv[1]
lines = open(path).read().split('\n')


def split(sig_prefix, name, ret):
    global lines
    i = next(k for k, l in enumerate(lines) if l.startswith(sig_prefix))
    if lines[i + 1].strip() != 'vec![':
        return  # already split
    j = i + 2
    while lines[j].strip() != ']':
        j += 1
    cases = lines[i + 2:j]
    chunks = [cases[k:k + 16] for k in range(0, len(cases), 16)]
    out = []
    for n, c in enumerate(chunks):
        out += [f"fn {name}_{n}() -> {ret} {{", "    vec!["] + c + ["    ]", "}", ""]
    out.append("/// The cases in pieces: rustc compiles many small functions far faster than one huge one.")
    out += [lines[i], "    let mut v = Vec::new();"]
    out += [f"    v.extend({name}_{n}());" for n in range(len(chunks))]
    out += ["    v", "}"]
    lines = lines[:i] + out + lines[j + 2:]


split("fn inspect_cases()", "inspect_cases", "Vec<(Value, InspectOpts, &'static str)>")
split("fn to_string_cases()", "to_string_cases", "Vec<(Value, Result<Vec<u8>, (&'static str, String)>)>")
open(path, 'w').write('\n'.join(lines))
