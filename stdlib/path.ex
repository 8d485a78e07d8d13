# Path: file names as strings (Unix rules). Written in the language after
# Elixir 1.14's Path and Erlang's :filename (OTP 25).
defmodule Path do
  @moduledoc "Functions on file system paths (strings or chardata)."

  @doc "`path` made absolute against the current working directory."
  def absname(path), do: absname(path, File.cwd!())

  @doc "`path` made absolute against `relative_to` (no `..` is resolved)."
  def absname(path, relative_to) do
    path = to_s(path)

    case type(path) do
      :relative -> absname_join([relative_to, path])
      :absolute -> absname_join([path])
    end
  end

  defp absname_join([]), do: ""

  defp absname_join([name1, name2 | rest]) do
    joined = do_absname_join(String.to_charlist(to_s(name1)), String.to_charlist(relative(name2)), [])
    absname_join([joined | rest])
  end

  defp absname_join([name]) do
    do_absname_join(String.to_charlist(to_s(name)), [], [])
  end

  # `result` is the name so far, reversed.
  defp do_absname_join([?/ | rest], rel, [?., ?/ | result]), do: do_absname_join(rest, rel, [?/ | result])
  defp do_absname_join([?/ | rest], rel, [?/ | result]), do: do_absname_join(rest, rel, [?/ | result])
  defp do_absname_join([], [], result), do: List.to_string(reverse_maybe_remove_dir_sep(result))
  defp do_absname_join([], rel, [?/ | result]), do: do_absname_join(rel, [], [?/ | result])
  defp do_absname_join([], rel, result), do: do_absname_join(rel, [], [?/ | result])
  defp do_absname_join([c | rest], rel, result), do: do_absname_join(rest, rel, [c | result])

  defp reverse_maybe_remove_dir_sep([?/]), do: [?/]
  defp reverse_maybe_remove_dir_sep([?/ | name]), do: :lists.reverse(name)
  defp reverse_maybe_remove_dir_sep(name), do: :lists.reverse(name)

  @doc "`path` made absolute, with `~` expanded and `.`/`..` resolved."
  def expand(path) do
    expand_dot(absname(expand_home(path), File.cwd!()))
  end

  @doc "`path` expanded against `relative_to`."
  def expand(path, relative_to) do
    expand_dot(absname(absname(expand_home(path), expand_home(relative_to)), File.cwd!()))
  end

  defp expand_home(path) do
    case to_s(path) do
      "~" <> rest -> resolve_home(rest)
      rest -> rest
    end
  end

  defp resolve_home(""), do: System.user_home!()
  defp resolve_home("/" <> _ = rest), do: System.user_home!() <> rest
  defp resolve_home(rest), do: "~" <> rest

  defp expand_dot("/" <> rest), do: "/" <> do_expand_dot(rest)
  defp expand_dot(path), do: do_expand_dot(path)

  defp do_expand_dot(path), do: do_expand_dot(String.split(path, "/"), [])
  defp do_expand_dot([".." | t], [_, _ | acc]), do: do_expand_dot(t, acc)
  defp do_expand_dot([".." | t], []), do: do_expand_dot(t, [])
  defp do_expand_dot(["." | t], acc), do: do_expand_dot(t, acc)
  defp do_expand_dot([h | t], acc), do: do_expand_dot(t, ["/", h | acc])
  defp do_expand_dot([], []), do: ""
  defp do_expand_dot([], ["/" | acc]), do: Enum.join(:lists.reverse(acc))

  @doc "`:absolute` or `:relative`."
  def type(name) when is_list(name) or is_binary(name) do
    case to_s(name) do
      "/" <> _ -> :absolute
      _ -> :relative
    end
  end

  @doc "`name` without its leading `/` (`\".\"` for `/` itself)."
  def relative(name) do
    case to_s(name) do
      "/" -> "."
      "/" <> rest -> rest
      other -> other
    end
  end

  @doc "`path` relative to `from`, or `path` itself when it is not under `from`."
  def relative_to(path, from) do
    path = to_s(path)
    relative_to(split(path), split(from), path)
  end

  defp relative_to(path, path, _original), do: "."
  defp relative_to([h | t1], [h | t2], original), do: relative_to(t1, t2, original)
  defp relative_to([_ | _] = l1, [], _original), do: join(l1)
  defp relative_to(_, _, original), do: original

  @doc """
  `path`, relative, with `.` and `..` resolved: `{:ok, path}`, or `:error` when it is
  absolute or a `..` would leave it.
  """
  def safe_relative(path), do: safe_relative_to(path, File.cwd!())

  @doc "As `safe_relative/1`; `relative_to` is the directory `path` stays under."
  def safe_relative_to(path, relative_to) do
    _ = to_s(relative_to)
    path = to_s(path)

    case type(path) do
      :absolute -> :error
      :relative -> safe_components(split(path), [])
    end
  end

  defp safe_components([], acc), do: {:ok, acc |> :lists.reverse() |> Enum.join("/")}
  defp safe_components(["." | t], acc), do: safe_components(t, acc)
  defp safe_components([".." | _], []), do: :error
  defp safe_components([".." | t], [_ | acc]), do: safe_components(t, acc)
  defp safe_components([h | t], acc), do: safe_components(t, [h | acc])

  @doc "`path` relative to the current working directory, when it is under it."
  def relative_to_cwd(path) do
    case :file.get_cwd() do
      {:ok, base} -> relative_to(path, List.to_string(base))
      _ -> path
    end
  end

  @doc "The last component of `path` (trailing `/` ignored)."
  def basename(path) do
    path |> to_s() |> String.split("/") |> Enum.reject(&(&1 == "")) |> List.last() || ""
  end

  @doc "The last component of `path` without the extension `extension`, if it ends so."
  def basename(path, extension) do
    name = to_s(path)
    ext = to_s(extension)
    base = basename(name)
    keep = byte_size(base) - byte_size(ext)

    if keep >= 0 and String.ends_with?(name, ext) do
      binary_part(name, byte_size(name) - byte_size(ext) - keep, keep)
    else
      base
    end
  end

  @doc "The directory part of `path`."
  def dirname(path) do
    path |> to_s() |> String.to_charlist() |> dirname([], []) |> List.to_string()
  end

  # `dir` and `file` are reversed: the directory so far and the component read since the last `/`.
  defp dirname([?/ | rest], dir, file), do: dirname(rest, file ++ dir, [?/])
  defp dirname([c | rest], dir, file), do: dirname(rest, dir, [c | file])

  defp dirname([], [], file) do
    case :lists.reverse(file) do
      [?/ | _] -> [?/]
      _ -> [?.]
    end
  end

  defp dirname([], [?/ | rest], file), do: dirname([], rest, file)
  defp dirname([], dir, _file), do: :lists.reverse(dir)

  @doc "The extension of the last component of `path` (`\".ex\"`), or `\"\"`."
  def extname(path) do
    name = to_s(path)

    case last_dot(name) do
      {at, start} when at > start -> binary_part(name, at, byte_size(name) - at)
      _ -> ""
    end
  end

  @doc "`path` without its extension."
  def rootname(path) do
    name = to_s(path)

    case last_dot(name) do
      {at, start} when at > start or start == 0 -> binary_part(name, 0, at)
      _ -> name
    end
  end

  # `{at, start}`: where the last `.` of the last component of `name` (the
  # text after its last `/`) is, and where that component starts; `nil`
  # without a `.`. A `.` that begins a component starts no extension
  # (`foo/.profile`), but a whole name that is one dotfile has only a root
  # of `""`, as `:filename.rootname/1` says.
  defp last_dot(name) do
    last = name |> String.split("/") |> List.last()

    case String.split(last, ".") do
      [_] ->
        nil

      parts ->
        ext = List.last(parts)
        {byte_size(name) - byte_size(ext) - 1, byte_size(name) - byte_size(last)}
    end
  end

  @doc "`path` without the extension `extension`, if it ends so."
  def rootname(path, extension) do
    name = to_s(path)
    ext = to_s(extension)
    size = byte_size(name) - byte_size(ext)

    if size >= 0 and String.ends_with?(name, ext) do
      root = binary_part(name, 0, size)
      if String.ends_with?(root, "/"), do: name, else: root
    else
      name
    end
  end

  @doc "The components of `path` joined with `/`."
  def join([name1, name2 | rest]), do: join([join(name1, name2) | rest])
  def join([name]), do: to_s(name)

  @doc "`left` and `right` joined with `/`."
  def join(left, right) do
    left = to_s(left)
    remove_dir_sep(do_join(left, right))
  end

  defp do_join(left, "/"), do: remove_dir_sep(left)
  defp do_join("", right), do: relative(right)
  defp do_join("/", right), do: "/" <> relative(right)
  defp do_join(left, right), do: remove_dir_sep(left) <> "/" <> relative(right)

  defp remove_dir_sep(""), do: ""
  defp remove_dir_sep("/"), do: "/"

  defp remove_dir_sep(bin) do
    if String.ends_with?(bin, "/"), do: binary_part(bin, 0, byte_size(bin) - 1), else: bin
  end

  @doc "The components of `path`: `[\"/\", \"usr\", \"bin\"]`."
  def split(path) do
    name = to_s(path)
    parts = name |> String.split("/") |> Enum.reject(&(&1 == ""))

    case name do
      "/" <> _ -> ["/" | parts]
      _ -> parts
    end
  end

  @doc "The files matching the glob `glob` (`*`, `?`, `**`, `{a,b}`, `[a-z]`), sorted."
  def wildcard(glob, opts \\ []) when is_list(opts) do
    glob = to_s(glob)
    dot? = Keyword.get(opts, :match_dot, false)

    {root, parts} =
      case split(glob) do
        ["/" | parts] -> {"/", parts}
        parts -> {nil, parts}
      end

    root
    |> expand_glob(parts, dot?)
    |> Enum.sort()
  end

  defp expand_glob(dir, [], _dot?), do: if(dir, do: [dir], else: [])

  defp expand_glob(dir, ["**" | rest], dot?) do
    here = expand_glob(dir, rest, dot?)

    below =
      dir
      |> list_dir(dot?)
      |> Enum.filter(fn name -> File.dir?(child(dir, name)) end)
      |> Enum.flat_map(fn name -> expand_glob(child(dir, name), ["**" | rest], dot?) end)

    here ++ below
  end

  defp expand_glob(dir, [part | rest], dot?) do
    if glob?(part) do
      pattern = compile_glob(String.to_charlist(part))

      dir
      |> list_dir(dot? or String.starts_with?(part, "."))
      |> Enum.filter(fn name -> glob_match?(pattern, String.to_charlist(name)) end)
      |> Enum.flat_map(fn name -> expand_glob(child(dir, name), rest, dot?) end)
    else
      path = child(dir, part)

      cond do
        rest == [] and File.exists?(path) -> [path]
        rest != [] and File.dir?(path) -> expand_glob(path, rest, dot?)
        true -> []
      end
    end
  end

  defp child(nil, name), do: name
  defp child("/", name), do: "/" <> name
  defp child(dir, name), do: dir <> "/" <> name

  defp list_dir(dir, dot?) do
    case File.ls(dir || ".") do
      {:ok, names} -> if dot?, do: names, else: Enum.reject(names, &String.starts_with?(&1, "."))
      _ -> []
    end
  end

  defp glob?(part) do
    Enum.any?(["*", "?", "{", "["], &String.contains?(part, &1))
  end

  # A glob component as a list of tokens: :star, :any, {:set, [ranges]}, {:alt, [patterns]}, chars.
  defp compile_glob([]), do: []
  defp compile_glob([?* | rest]), do: [:star | compile_glob(rest)]
  defp compile_glob([?? | rest]), do: [:any | compile_glob(rest)]

  defp compile_glob([?[ | rest]) do
    {set, rest} = glob_set(rest, [])
    [{:set, set} | compile_glob(rest)]
  end

  defp compile_glob([?{ | rest]) do
    {alts, rest} = glob_alts(rest, [], [])
    [{:alt, Enum.map(alts, &compile_glob/1)} | compile_glob(rest)]
  end

  defp compile_glob([?\\, c | rest]), do: [c | compile_glob(rest)]
  defp compile_glob([c | rest]), do: [c | compile_glob(rest)]

  defp glob_set([?] | rest], acc), do: {:lists.reverse(acc), rest}
  defp glob_set([a, ?-, b | rest], acc) when b != ?], do: glob_set(rest, [{a, b} | acc])
  defp glob_set([c | rest], acc), do: glob_set(rest, [{c, c} | acc])
  defp glob_set([], acc), do: {:lists.reverse(acc), []}

  defp glob_alts([?} | rest], cur, acc), do: {:lists.reverse([:lists.reverse(cur) | acc]), rest}
  defp glob_alts([?, | rest], cur, acc), do: glob_alts(rest, [], [:lists.reverse(cur) | acc])
  defp glob_alts([c | rest], cur, acc), do: glob_alts(rest, [c | cur], acc)
  defp glob_alts([], cur, acc), do: {:lists.reverse([:lists.reverse(cur) | acc]), []}

  defp glob_match?([], []), do: true
  defp glob_match?([:star | rest], name), do: glob_star(rest, name)
  defp glob_match?([:any | rest], [_ | name]), do: glob_match?(rest, name)

  defp glob_match?([{:set, ranges} | rest], [c | name]) do
    Enum.any?(ranges, fn {a, b} -> c >= a and c <= b end) and glob_match?(rest, name)
  end

  defp glob_match?([{:alt, alts} | rest], name) do
    Enum.any?(alts, fn alt -> glob_match?(alt ++ rest, name) end)
  end

  defp glob_match?([c | rest], [c | name]) when is_integer(c), do: glob_match?(rest, name)
  defp glob_match?(_, _), do: false

  defp glob_star(rest, []), do: glob_match?(rest, [])
  defp glob_star(rest, [_ | tail] = name), do: glob_match?(rest, name) or glob_star(rest, tail)

  defp to_s(path), do: IO.chardata_to_string(path)
end
