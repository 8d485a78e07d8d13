defprotocol IEx.Info do
  @moduledoc """
  What the shell's `i/1` prints about a term: `info/1` gives the sections,
  `[{title, text}]`. One implementation, for `Any`, covers every type.
  """
  @fallback_to_any true

  @doc "The sections `i/1` prints for `term`: `[{title, text}]`."
  def info(term)
end
