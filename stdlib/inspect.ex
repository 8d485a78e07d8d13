defprotocol Inspect do
  @moduledoc """
  The protocol `inspect/2` and `IO.inspect/2` print terms with: `inspect(term,
  opts)` returns a document of `Inspect.Algebra` (`opts` is an
  `Inspect.Opts`). Every built-in type has an implementation
  (`stdlib/inspect/*.ex`); a struct without its own prints as
  `%Name{field: value, ...}` (`Inspect.Any`), and `@derive {Inspect, only:
  [...]}` / `except:` / `optional:` choose the fields shown.

  `Kernel.inspect/2` prints terms without user implementations natively
  (`:beamlet.inspect_fast/3`, the same text, faster); everything else
  goes through this protocol.
  """

  @fallback_to_any true

  @doc "The document of `term` (see `Inspect.Algebra`)."
  def inspect(term, opts)
end
