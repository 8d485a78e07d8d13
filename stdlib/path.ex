defmodule Path do
  def basename(path) do
    path = IO.iodata_to_binary(path)
    case String.split(strip_slashes(path), "/") |> List.last() do
      nil -> ""
      last -> last
    end
  end

  def basename(path, ext) do
    base = basename(path)
    ext = IO.iodata_to_binary(ext)
    if ext != "" and String.ends_with?(base, ext) and base != ext do
      String.slice(base, 0, String.length(base) - String.length(ext))
    else
      base
    end
  end

  def extname(path) do
    base = basename(path)
    case String.split(base, ".") do
      [_] -> ""
      ["" | [_]] -> ""
      parts -> "." <> List.last(parts)
    end
  end

  def rootname(path) do
    ext = extname(path)
    p = IO.iodata_to_binary(path)
    String.slice(p, 0, String.length(p) - String.length(ext))
  end

  def dirname(path) do
    p = IO.iodata_to_binary(path)
    case String.split(p, "/") do
      [_] -> "."
      ["", _] -> "/"
      parts -> parts |> Enum.drop(-1) |> Enum.join("/")
    end
  end

  def join(left, right) do
    l = IO.iodata_to_binary(left)
    r = IO.iodata_to_binary(right)
    strip_slashes(l) <> "/" <> strip_leading(r)
  end

  defp strip_slashes(p) do
    if p != "/" and String.ends_with?(p, "/"),
      do: strip_slashes(String.slice(p, 0, String.length(p) - 1)),
      else: p
  end

  defp strip_leading("/" <> rest), do: strip_leading(rest)
  defp strip_leading(p), do: p

  def join([h | t]), do: Enum.reduce(t, IO.iodata_to_binary(h), &join(&2, &1))
end
