defimpl Inspect, for: Atom do
  import Inspect.Algebra

  def inspect(atom, opts), do: color(Macro.inspect_atom(:literal, atom), color_key(atom), opts)

  defp color_key(atom) when is_boolean(atom), do: :boolean
  defp color_key(nil), do: nil
  defp color_key(_), do: :atom
end
