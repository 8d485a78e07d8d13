#!/bin/sh
# Regenerates every NAME.quoted from NAME.ex with real Elixir 1.14 (needs `elixir` on PATH).
cd "$(dirname "$0")" || exit 1
for f in *.ex; do
  elixir -e 'IO.puts(inspect(Code.string_to_quoted!(File.read!(hd(System.argv()))), limit: :infinity, printable_limit: :infinity))' "$f" > "${f%.ex}.quoted" || exit 1
done
