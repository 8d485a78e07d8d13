defimpl IEx.Info, for: Any do
  def info(term) do
    [{"Term", inspect(term)} | details(term)] ++ protocols(term)
  end

  defp details(term) when is_integer(term), do: [{"Data type", "Integer"}, {"Reference modules", "Integer"}]
  defp details(term) when is_float(term), do: [{"Data type", "Float"}, {"Reference modules", "Float"}]

  defp details(term) when is_atom(term) do
    if is_boolean(term) or term == nil or not module?(term) do
      [{"Data type", "Atom"}, {"Reference modules", "Atom"}]
    else
      [{"Data type", "Atom"}, {"Module bytecode", "(in memory)"}, {"Source", source(term)}, {"Reference modules", "Module, Atom"}]
    end
  end

  defp details(term) when is_binary(term) do
    if String.printable?(term) do
      [
        {"Data type", "BitString"},
        {"Byte size", "#{byte_size(term)}"},
        {"Description",
         "This is a string: a UTF-8 encoded binary. It's printed surrounded by\n\"double quotes\" because all UTF-8 encoded code points in it are printable."},
        {"Raw representation", inspect(term, binaries: :as_binaries)},
        {"Reference modules", "String, :binary"}
      ]
    else
      [
        {"Data type", "BitString"},
        {"Byte size", "#{byte_size(term)}"},
        {"Description",
         "This is a binary: a collection of bytes. It's printed with the `<<>>`\nsyntax (as opposed to double quotes) because it is not a UTF-8 encoded\nbinary (the first invalid byte being `<<#{first_invalid(term)}>>`)"},
        {"Reference modules", ":binary"}
      ]
    end
  end

  defp details(term) when is_bitstring(term) do
    [{"Data type", "BitString"}, {"Description", "This is a bitstring. It's a chunk of bits that are not divisible by 8."}, {"Reference modules", ":erlang"}]
  end

  defp details([]), do: [{"Data type", "List"}, {"Reference modules", "List"}]

  defp details(term) when is_list(term) do
    cond do
      List.ascii_printable?(term) ->
        [
          {"Data type", "List"},
          {"Description",
           "This is a list of integers that is printed as a sequence of characters\ndelimited by single quotes because all the integers in it represent printable\nASCII characters. Conventionally, a list of Unicode code points is known as a\ncharlist and a list of ASCII characters is a subset of it."},
          {"Raw representation", inspect(term, charlists: :as_lists)},
          {"Reference modules", "List"}
        ]

      Keyword.keyword?(term) ->
        [
          {"Data type", "List"},
          {"Description",
           "This is what is referred to as a \"keyword list\". A keyword list is a list\nof two-element tuples where the first element of each tuple is an atom."},
          {"Reference modules", "Keyword, List"}
        ]

      true ->
        [{"Data type", "List"}, {"Reference modules", "List"}]
    end
  end

  defp details(term) when is_tuple(term), do: [{"Data type", "Tuple"}, {"Reference modules", "Tuple"}]
  defp details(%module{}) when is_atom(module), do: [{"Data type", inspect(module)}, {"Description", "This is a struct. Structs are maps with a __struct__ key."}, {"Reference modules", "#{inspect(module)}, Map"}]
  defp details(term) when is_map(term), do: [{"Data type", "Map"}, {"Reference modules", "Map"}]
  defp details(term) when is_function(term) do
    info = Function.info(term)
    [{"Data type", "Function"}, {"Arity", "#{info[:arity]}"}, {"Type", "#{info[:type]}"}, {"Reference modules", "Function"}]
  end
  defp details(term) when is_pid(term) do
    alive = Process.alive?(term)
    [{"Data type", "PID"}, {"Alive", "#{alive}"}, {"Description", "Use Process.info/1 to get more info about this process"}, {"Reference modules", "Process, Node"}]
  end
  defp details(term) when is_reference(term), do: [{"Data type", "Reference"}]
  defp details(_term), do: [{"Data type", "Term"}]

  defp protocols(term) do
    impls =
      [Collectable, Enumerable, IEx.Info, Inspect, List.Chars, String.Chars]
      |> Enum.filter(fn protocol -> protocol.impl_for(term) != nil end)
      |> Enum.map(&inspect/1)

    case impls do
      [] -> []
      names -> [{"Implemented protocols", Enum.join(names, ", ")}]
    end
  end

  defp module?(atom) do
    Code.ensure_loaded?(atom) and function_exported?(atom, :__info__, 1)
  end

  defp source(module) do
    case module.__info__(:compile)[:source] do
      nil -> "(unknown)"
      source -> List.to_string(source)
    end
  end

  defp first_invalid(<<_::utf8, rest::binary>>), do: first_invalid(rest)
  defp first_invalid(<<byte, _::binary>>), do: byte
  defp first_invalid(_), do: 0
end
