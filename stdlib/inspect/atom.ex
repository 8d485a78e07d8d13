defimpl Inspect, for: Atom do
  import Inspect.Algebra

  # (`:beamlet.inspect_atom/2` is `Macro.inspect_atom/2`, native: it
  # classifies the atom by the tokenizer's rules.)
  def inspect(atom, opts), do: color(:beamlet.inspect_atom(:literal, atom), color_key(atom), opts)

  defp color_key(atom) when is_boolean(atom), do: :boolean
  defp color_key(nil), do: nil
  defp color_key(_), do: :atom
end
