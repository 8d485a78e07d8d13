defimpl Inspect, for: Regex do
  import Inspect.Algebra

  # `~r/source/opts`: the source as written, a `/` escaped, control
  # characters as escapes; options given as a list (not as letters) make
  # it `Regex.compile!(source, options)`.
  def inspect(%Regex{source: source, opts: []}, opts) do
    color("~r/" <> escape(source, "") <> "/", :regex, opts)
  end

  def inspect(%Regex{source: source, opts: regex_opts}, opts) when is_binary(regex_opts) do
    color("~r/" <> escape(source, "") <> "/" <> regex_opts, :regex, opts)
  end

  def inspect(%Regex{source: source, opts: regex_opts}, opts) do
    concat(["Regex.compile!(", to_doc(source, opts), ", ", to_doc(regex_opts, opts), ")"])
  end

  # A backslash keeps the character after it as it is.
  defp escape(<<?\\, char::utf8, rest::binary>>, acc), do: escape(rest, <<acc::binary, ?\\, char::utf8>>)
  defp escape(<<?/, rest::binary>>, acc), do: escape(rest, acc <> "\\/")
  defp escape(<<?#, ?{, rest::binary>>, acc), do: escape(rest, acc <> "\\\#{")
  defp escape(<<0, rest::binary>>, acc), do: escape(rest, acc <> "\\0")
  defp escape(<<?\a, rest::binary>>, acc), do: escape(rest, acc <> "\\a")
  defp escape(<<?\f, rest::binary>>, acc), do: escape(rest, acc <> "\\f")
  defp escape(<<?\n, rest::binary>>, acc), do: escape(rest, acc <> "\\n")
  defp escape(<<?\r, rest::binary>>, acc), do: escape(rest, acc <> "\\r")
  defp escape(<<?\t, rest::binary>>, acc), do: escape(rest, acc <> "\\t")
  defp escape(<<?\v, rest::binary>>, acc), do: escape(rest, acc <> "\\v")

  defp escape(<<char::utf8, rest::binary>>, acc) do
    if printable?(char) do
      escape(rest, <<acc::binary, char::utf8>>)
    else
      escape(rest, acc <> hex(char))
    end
  end

  defp escape(<<byte, rest::binary>>, acc), do: escape(rest, acc <> hex(byte))
  defp escape(<<>>, acc), do: acc

  defp printable?(c),
    do: c in 32..126 or c in 0xA0..0xD7FF or c in 0xE000..0xFFFD or c in 0x10000..0x10FFFF

  defp hex(c) when c < 0x100, do: "\\x" <> String.pad_leading(Integer.to_string(c, 16), 2, "0")
  defp hex(c), do: "\\x{" <> Integer.to_string(c, 16) <> "}"
end
