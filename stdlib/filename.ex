# Erlang/OTP 25's `:filename` for Unix file names, written in the language.
#
# A name is a binary, an atom, or a (deep) list of characters and atoms: a
# binary gives binary results, anything else charlists (the two-name
# functions give a binary when either side is one). The work is done on
# binaries. OTP's rules kept here: `join` drops empty and `.` components
# except a leading and a last `.` (`"./a/."`); `dirname` and `basename`
# ignore a trailing `/`; `extension` is from the last dot of the last
# component unless that dot starts it; `rootname` cuts at the last dot
# after the last `/` unless the dot follows the `/` directly (so
# `rootname(".bashrc")` is `""` but `rootname("d/.x")` is `"d/.x"`). A deep
# list holding a binary is a FunctionClauseError named as OTP's helper,
# except for `flatten/1`, `pathtype/1` and `validate/1`.
defmodule :filename do
  @moduledoc false

  @doc "The absolute name of `file`, relative to the current directory."
  def absname(file) do
    {f, k} = chars(file, :absname, 1)
    out(abs_join(File.cwd!(), f), k)
  end

  @doc "The absolute name of `file`, relative to `dir`."
  def absname(file, dir) do
    {f, fk} = chars(file, :absname, 2)
    {d, dk} = chars(dir, :absname, 2)
    out(abs_join(d, f), if(fk == :bin or dk == :bin, do: :bin, else: :list))
  end

  @doc "Joins `dir` and `file` as `absname/2` does."
  def absname_join(dir, file) do
    {d, dk} = chars(dir, :absname_join, 2)
    {f, fk} = chars(file, :absname_join, 2)
    out(abs_join(d, f), if(fk == :bin or dk == :bin, do: :bin, else: :list))
  end

  defp abs_join(_d, "/" <> _ = f), do: normalize(f)
  defp abs_join(d, f), do: normalize(d <> "/" <> f)

  @doc "The last component of `file` (a trailing `/` ignored)."
  def basename(file) do
    {f, k} = chars(file, :basename1, 3)
    out(base(f), k)
  end

  @doc "The last component of `file` without `ext` when it ends with it."
  def basename(file, ext) do
    {f, fk} = chars(file, :basename1, 3)
    {e, ek} = chars(ext, :basename1, 3)
    k = if(fk == :bin or ek == :bin, do: :bin, else: :list)
    b = base(f)

    if String.ends_with?(f, "/") or not String.ends_with?(b, e) or e == "" do
      out(b, k)
    else
      out(binary_part(b, 0, byte_size(b) - byte_size(e)), k)
    end
  end

  defp base(f) do
    f |> strip_trailing() |> String.split("/") |> List.last()
  end

  defp strip_trailing(f) do
    if f != "/" and String.ends_with?(f, "/"), do: strip_trailing(binary_part(f, 0, byte_size(f) - 1)), else: f
  end

  @doc "The directory part of `file`: `\".\"` when it has none."
  def dirname(file) do
    {f, k} = chars(file, :dirname, 4)

    parts = String.split(f, "/")
    {init, _last} = Enum.split(parts, -1)

    dir =
      case {f, Enum.reject(init, &(&1 == ""))} do
        {"/" <> _, []} -> "/"
        {"/" <> _, comps} -> "/" <> Enum.join(comps, "/")
        {_, []} -> "."
        {_, comps} -> Enum.join(comps, "/")
      end

    out(dir, k)
  end

  @doc "The extension of `file`'s last component (from its last dot), or `\"\"`."
  def extension(file) do
    {f, k} = chars(file, :extension, 3)
    b = base(f)

    ext =
      case :binary.matches(b, ".") do
        [] ->
          ""

        ms ->
          {pos, _} = List.last(ms)
          if pos > 0, do: binary_part(b, pos, byte_size(b) - pos), else: ""
      end

    out(ext, k)
  end

  @doc "`file` without its extension."
  def rootname(file) do
    {f, k} = chars(file, :rootname, 4)
    out(root(f), k)
  end

  # The extension starts at the last dot after the last `/` that does not
  # follow a `/` directly.
  defp root(f) do
    last_slash =
      case :binary.matches(f, "/") do
        [] -> -1
        ms -> ms |> List.last() |> elem(0)
      end

    dot =
      :binary.matches(f, ".")
      |> Enum.map(&elem(&1, 0))
      |> Enum.filter(&(&1 > last_slash and (&1 == 0 or :binary.at(f, &1 - 1) != ?/)))
      |> List.last()

    if dot, do: binary_part(f, 0, dot), else: f
  end

  @doc "`file` without `ext` when it ends with it (and it is not the whole last component)."
  def rootname(file, ext) do
    {f, fk} = chars(file, :rootname, 4)
    {e, ek} = chars(ext, :rootname, 4)
    k = if(fk == :bin or ek == :bin, do: :bin, else: :list)
    size = byte_size(f) - byte_size(e)

    stripped =
      if size >= 0 and binary_part(f, size, byte_size(e)) == e do
        rest = binary_part(f, 0, size)
        if String.ends_with?(rest, "/"), do: f, else: rest
      else
        f
      end

    out(stripped, k)
  end

  @doc "The components of `file`; an absolute name starts with `\"/\"`."
  def split(file) do
    {f, k} = chars(file, :split, 4)
    comps = f |> String.split("/") |> Enum.reject(&(&1 == ""))
    comps = if String.starts_with?(f, "/"), do: ["/" | comps], else: comps
    Enum.map(comps, &out(&1, k))
  end

  @doc "Joins the components of a non-empty list."
  def join([name]), do: join1(name)
  def join([a, b | rest]), do: join([join(a, b) | rest])
  def join(_other), do: raise(FunctionClauseError, module: :filename, function: :join, arity: 1)

  defp join1(name) do
    {n, k} = chars(name, :join1, 4)
    out(normalize(n), k)
  end

  @doc "Joins `name1` and `name2` with a `/` (an absolute `name2` wins)."
  def join(name1, name2) when (is_binary(name1) or is_list(name1) or is_atom(name1)) and
                               (is_binary(name2) or is_list(name2) or is_atom(name2)) do
    {a, ak} = chars(name1, :join1, 4)
    {b, bk} = chars(name2, :join1, 4)
    joined = if String.starts_with?(b, "/"), do: normalize(b), else: normalize(a <> "/" <> b)
    out(joined, if(ak == :bin or bk == :bin, do: :bin, else: :list))
  end

  # Drops empty components and `.` ones except a leading and a last one.
  defp normalize(n) do
    abs = String.starts_with?(n, "/")
    comps = n |> String.split("/") |> Enum.reject(&(&1 == ""))
    last = length(comps) - 1

    kept =
      comps
      |> Enum.with_index()
      |> Enum.reject(fn {c, i} -> c == "." and i != last and not (i == 0 and not abs) end)
      |> Enum.map(&elem(&1, 0))

    if abs, do: "/" <> Enum.join(kept, "/"), else: Enum.join(kept, "/")
  end

  def join(_name1, _name2), do: raise(FunctionClauseError, module: :filename, function: :join, arity: 2)

  @doc "`dir`, a `/` and `name`, as they are (a binary when either is one)."
  def append(dir, name) when is_binary(dir) or is_binary(name) do
    {d, _} = chars(dir, :append, 2)
    {n, _} = chars(name, :append, 2)
    d <> "/" <> n
  end

  # Neither a binary: OTP appends the lists as they are, so an atom `name`
  # ends an improper list and an atom `dir` is a badarg.
  def append(dir, name) when is_list(dir), do: dir ++ [?/ | name]
  def append(_dir, _name), do: :erlang.error(:badarg)

  @doc "`:absolute` or `:relative`."
  def pathtype(file) do
    {f, _} = chars(file, :pathtype, 1, true)
    if String.starts_with?(f, "/"), do: :absolute, else: :relative
  end

  @doc "`file` as a flat charlist, or the binary itself."
  def flatten(file) when is_binary(file), do: file
  def flatten(file) when is_atom(file), do: Atom.to_charlist(file)
  def flatten(file) when is_list(file), do: do_flatten(file, [])

  defp do_flatten([h | t], acc) when is_list(h), do: do_flatten(t, acc ++ do_flatten(h, []))
  defp do_flatten([h | t], acc) when is_atom(h), do: do_flatten(t, acc ++ Atom.to_charlist(h))
  defp do_flatten([h | t], acc) when is_integer(h) or is_binary(h), do: do_flatten(t, acc ++ [h])
  defp do_flatten([], acc), do: acc

  @doc "`file` in the platform's form: duplicate and trailing slashes and inner `.` dropped."
  def nativename(file) do
    {f, k} = chars(file, :join1, 4)
    out(normalize(f), k)
  end

  @doc "Whether `file` is a valid file name (non-empty, no NUL)."
  def validate(file) when is_binary(file), do: file != "" and not String.contains?(file, <<0>>)

  def validate(file) when is_atom(file), do: validate(Atom.to_string(file))

  def validate(file) when is_list(file) do
    flat = List.flatten(file)

    flat != [] and
      Enum.all?(flat, fn
        c when is_integer(c) -> c > 0
        a when is_atom(a) -> validate(Atom.to_string(a))
        _ -> false
      end)
  end

  @doc "The standard directory of `type` for `application`."
  def basedir(type, application), do: basedir(type, application, %{})

  @doc "The standard directory of `type` for `application`, with `opts` (`:author`, `:os`, `:version`)."
  def basedir(type, application, opts) when is_map(opts) do
    {app, k} = chars(application, :basedir, 3)
    home = System.get_env("HOME", "")
    version = Map.get(opts, :version)

    suffix = fn base ->
      path = base <> "/" <> app
      if version, do: path <> "/" <> elem(chars(version, :basedir, 3), 0), else: path
    end

    xdg = fn var, default ->
      case System.get_env(var) do
        nil -> default
        "" -> default
        v -> v
      end
    end

    case type do
      :user_cache -> out(suffix.(xdg.("XDG_CACHE_HOME", home <> "/.cache")), k)
      :user_config -> out(suffix.(xdg.("XDG_CONFIG_HOME", home <> "/.config")), k)
      :user_data -> out(suffix.(xdg.("XDG_DATA_HOME", home <> "/.local/share")), k)
      :user_log -> out(suffix.(xdg.("XDG_CACHE_HOME", home <> "/.cache")) <> "/log", k)
      :site_data -> site(xdg.("XDG_DATA_DIRS", "/usr/local/share/:/usr/share/"), suffix, k)
      :site_config -> site(xdg.("XDG_CONFIG_DIRS", "/etc/xdg"), suffix, k)
      other -> raise CaseClauseError, term: other
    end
  end

  defp site(dirs, suffix, k) do
    dirs
    |> String.split(":", trim: true)
    |> Enum.map(&(&1 |> strip_trailing() |> suffix.() |> out(k)))
  end

  # `{binary, :bin}` for a binary, `{binary, :list}` for an atom or a deep
  # list of characters and atoms; anything else is the function's clause error.
  defp chars(name, fun, arity, allow_bins \\ false)
  defp chars(name, _fun, _arity, _) when is_binary(name), do: {name, :bin}
  defp chars(name, _fun, _arity, _) when is_atom(name), do: {Atom.to_string(name), :list}

  defp chars(name, fun, arity, allow_bins) when is_list(name) do
    if deep_chars?(name, allow_bins) do
      {name |> flat_chars() |> List.to_string(), :list}
    else
      raise FunctionClauseError, module: :filename, function: fun, arity: arity
    end
  end

  defp chars(_name, _fun, _arity, _),
    do: raise(FunctionClauseError, module: :filename, function: :do_flatten, arity: 2)

  defp deep_chars?(list, allow_bins) do
    Enum.all?(list, fn
      c when is_integer(c) -> c >= 0
      a when is_atom(a) -> true
      l when is_list(l) -> deep_chars?(l, allow_bins)
      b when is_binary(b) -> allow_bins
      _ -> false
    end)
  end

  defp flat_chars(list) do
    Enum.flat_map(list, fn
      c when is_integer(c) -> [c]
      a when is_atom(a) -> Atom.to_charlist(a)
      l when is_list(l) -> flat_chars(l)
      b when is_binary(b) -> String.to_charlist(b)
    end)
  end

  defp out(bin, :bin), do: bin
  defp out(bin, :list), do: String.to_charlist(bin)
end
