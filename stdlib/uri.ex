# URI: Elixir 1.14's URI module written in the language. `new/1` validates
# as Erlang's :uri_string.parse/1 does on OTP 25 (RFC 3986), reporting the
# same invalid part; `parse/1` splits without validation, as the regex of
# RFC 3986's appendix B does. `to_string/1` is String.Chars.URI
# (stdlib/string/chars/uri.ex); URI.Error is stdlib/uri/error.ex.
defmodule URI do
  @moduledoc """
  Utilities for working with URIs: parsing and validating them, building
  them back, merging them, and percent-encoding and query strings
  (RFC 3986, and "x-www-form-urlencoded").
  """

  defstruct scheme: nil,
            authority: nil,
            userinfo: nil,
            host: nil,
            port: nil,
            path: nil,
            query: nil,
            fragment: nil

  @default_ports %{
    "ftp" => 21,
    "sftp" => 22,
    "tftp" => 69,
    "http" => 80,
    "https" => 443,
    "ldap" => 389,
    "ws" => 80,
    "wss" => 443
  }

  ## Default ports

  # Ports registered with default_port/2 are kept in generated modules,
  # :beamlet_uri_ports_1, _2, ...: each registration defines the next one,
  # whose ports/0 returns the whole table. So any process reads them with a
  # plain call, even from code a built-in runs (Kernel.to_string/1 calling
  # String.Chars.URI), where no message can be received. The newest table
  # is the highest one loaded; with none, the built-in table answers.

  @doc "The default port of `scheme` (a string), or `nil` when none is known."
  def default_port(scheme) when is_binary(scheme) do
    Map.get(ports_table(latest_ports()), scheme)
  end

  @doc "Registers `port` as the default port of `scheme`, for every process."
  def default_port(scheme, port) when is_binary(scheme) and is_integer(port) and port >= 0 do
    latest = latest_ports()
    ports = Map.put(ports_table(latest), scheme, port)
    body = quote(do: def(ports, do: unquote(Macro.escape(ports))))
    Module.create(ports_module(latest + 1), body, file: "uri.ex", line: 1)
    :ok
  end

  defp ports_table(0), do: @default_ports
  defp ports_table(generation), do: ports_module(generation).ports()

  defp ports_module(generation), do: :erlang.binary_to_atom("beamlet_uri_ports_#{generation}", :utf8)

  defp ports_loaded?(generation), do: :erlang.module_loaded(ports_module(generation))

  # The highest generation loaded (they are loaded from 1 up, none unloaded).
  defp latest_ports do
    if ports_loaded?(1), do: latest_ports(1, 2), else: 0
  end

  # `low` is loaded; doubles `high` until it is not, then bisects.
  defp latest_ports(low, high) do
    if ports_loaded?(high), do: latest_ports(high, high * 2), else: bisect_ports(low, high)
  end

  defp bisect_ports(low, high) when high - low <= 1, do: low

  defp bisect_ports(low, high) do
    middle = div(low + high, 2)
    if ports_loaded?(middle), do: bisect_ports(middle, high), else: bisect_ports(low, middle)
  end

  ## Characters

  @doc "Whether `character` is reserved in a URI (RFC 3986, section 2.2)."
  def char_reserved?(character) do
    character in ':/?#[]@!$&\'()*+,;='
  end

  @doc "Whether `character` is unreserved in a URI (RFC 3986, section 2.3)."
  def char_unreserved?(character) do
    character in ?0..?9 or character in ?a..?z or character in ?A..?Z or character in '~_-.'
  end

  @doc "Whether `character` may stay unescaped in a URI (reserved or unreserved)."
  def char_unescaped?(character) do
    char_reserved?(character) or char_unreserved?(character)
  end

  ## Percent-encoding

  @doc """
  Percent-escapes each byte of `string` for which `predicate` is falsy
  (by default, every byte that is neither reserved nor unreserved).
  """
  def encode(string, predicate \\ &char_unescaped?/1)
      when is_binary(string) and is_function(predicate, 1) do
    replace_bytes(string, fn byte -> if predicate.(byte), do: nil, else: percent(byte) end)
  end

  @doc "Encodes `string` as \"x-www-form-urlencoded\" (a space becomes `+`)."
  def encode_www_form(string) when is_binary(string) do
    replace_bytes(string, fn
      ?\s -> "+"
      byte -> if char_unreserved?(byte), do: nil, else: percent(byte)
    end)
  end

  defp percent(byte), do: <<?%, hex_digit(div(byte, 16)), hex_digit(rem(byte, 16))>>

  defp hex_digit(n) when n < 10, do: ?0 + n
  defp hex_digit(n), do: ?A + n - 10

  @doc "Percent-unescapes `uri` (a `%` not followed by two hex digits stays as it is)."
  def decode(uri), do: unpercent(uri, 0, false)

  @doc "Decodes `string` as \"x-www-form-urlencoded\" (`+` becomes a space)."
  def decode_www_form(string) when is_binary(string), do: unpercent(string, 0, true)

  defp unpercent(string, from, spaces) when is_binary(string) do
    unpercent(string, from, from, byte_size(string), spaces, [])
  end

  # `start` is where the bytes not yet copied begin, `acc` the pieces so
  # far, last first.
  defp unpercent(string, start, size, size, _spaces, acc), do: join_pieces(string, start, size, acc)

  defp unpercent(string, start, index, size, spaces, acc) do
    case byte_at(string, index) do
      ?+ when spaces ->
        unpercent(string, index + 1, index + 1, size, spaces, [" ", slice(string, start, index) | acc])

      ?% when index + 2 < size ->
        hi = byte_at(string, index + 1)
        lo = byte_at(string, index + 2)

        if hex?(hi) and hex?(lo) do
          byte = hex_value(hi) * 16 + hex_value(lo)
          unpercent(string, index + 3, index + 3, size, spaces, [<<byte>>, slice(string, start, index) | acc])
        else
          unpercent(string, start, index + 1, size, spaces, acc)
        end

      _ ->
        unpercent(string, start, index + 1, size, spaces, acc)
    end
  end

  defp hex?(c), do: c in ?0..?9 or c in ?a..?f or c in ?A..?F

  defp hex_value(c) when c in ?0..?9, do: c - ?0
  defp hex_value(c) when c in ?a..?f, do: c - ?a + 10
  defp hex_value(c), do: c - ?A + 10

  ## Bytes

  # These walk binaries by index and copy runs of bytes as slices, so a
  # long string costs time in proportion to its length.

  defp byte_at(string, index) do
    <<byte>> = binary_part(string, index, 1)
    byte
  end

  defp slice(string, from, to), do: binary_part(string, from, to - from)

  # The first index in `from..to-1` of `byte`, or nil.
  defp index_of(_string, _byte, from, to) when from >= to, do: nil

  defp index_of(string, byte, from, to) do
    if byte_at(string, from) == byte, do: from, else: index_of(string, byte, from + 1, to)
  end

  # The first index in `from..to-1` of one of `bytes`, or nil.
  defp index_of_any(_string, _bytes, from, to) when from >= to, do: nil

  defp index_of_any(string, bytes, from, to) do
    if byte_at(string, from) in bytes, do: from, else: index_of_any(string, bytes, from + 1, to)
  end

  # `string` with each byte for which `replace` gives a binary replaced by
  # it (nil keeps the byte).
  defp replace_bytes(string, replace), do: replace_bytes(string, replace, 0, 0, byte_size(string), [])

  defp replace_bytes(string, _replace, start, size, size, acc), do: join_pieces(string, start, size, acc)

  defp replace_bytes(string, replace, start, index, size, acc) do
    case replace.(byte_at(string, index)) do
      nil ->
        replace_bytes(string, replace, start, index + 1, size, acc)

      replacement ->
        acc = [replacement, slice(string, start, index) | acc]
        replace_bytes(string, replace, index + 1, index + 1, size, acc)
    end
  end

  # The pieces in `acc` (last first) and then `string` from `start` to `size`.
  defp join_pieces(string, 0, size, []), do: slice(string, 0, size)
  defp join_pieces(string, start, size, acc), do: IO.iodata_to_binary(:lists.reverse(acc, [slice(string, start, size)]))

  ## Query strings

  @doc """
  Encodes `enumerable` (of `{key, value}` pairs) into a query string,
  with `:www_form` (the default) or `:rfc3986` encoding. Keys and values
  go through `String.Chars`; lists are refused.
  """
  def encode_query(enumerable, encoding \\ :www_form) do
    Enum.map_join(enumerable, "&", &encode_kv_pair(&1, encoding))
  end

  defp encode_kv_pair({key, _}, _encoding) when is_list(key) do
    raise ArgumentError, "encode_query/2 keys cannot be lists, got: " <> inspect(key)
  end

  defp encode_kv_pair({_, value}, _encoding) when is_list(value) do
    raise ArgumentError, "encode_query/2 values cannot be lists, got: " <> inspect(value)
  end

  # Keys and values go through String.Chars by interpolation.
  defp encode_kv_pair({key, value}, :rfc3986) do
    encode("#{key}", &char_unreserved?/1) <> "=" <> encode("#{value}", &char_unreserved?/1)
  end

  defp encode_kv_pair({key, value}, :www_form) do
    encode_www_form("#{key}") <> "=" <> encode_www_form("#{value}")
  end

  @dict_deprecation "URI.decode_query/3 expects the second argument to be a map, other usage is deprecated"

  @doc """
  Decodes `query` into `map` (later keys win), keys and values
  unescaped with `:www_form` (the default) or `:rfc3986` encoding.
  """
  def decode_query(query, map \\ %{}, encoding \\ :www_form)

  def decode_query(query, %_{} = dict, encoding) when is_binary(query) do
    IO.warn(@dict_deprecation)
    decode_query_into_dict(query, 0, dict, encoding)
  end

  def decode_query(query, map, encoding) when is_binary(query) and is_map(map) do
    decode_query_into_map(query, 0, map, encoding)
  end

  def decode_query(query, dict, encoding) when is_binary(query) do
    IO.warn(@dict_deprecation)
    decode_query_into_dict(query, 0, dict, encoding)
  end

  defp decode_query_into_map(query, from, map, encoding) do
    case next_query_pair(query, from, encoding) do
      nil -> map
      {{key, value}, next} -> decode_query_into_map(query, next, Map.put(map, key, value), encoding)
    end
  end

  # Dictionaries other than maps, as Elixir's deprecated Dict took them.
  defp decode_query_into_dict(query, from, dict, encoding) do
    case next_query_pair(query, from, encoding) do
      nil -> dict
      {{key, value}, next} -> decode_query_into_dict(query, next, dict_put(dict, key, value), encoding)
    end
  end

  defp dict_put(%{__struct__: module} = dict, key, value) when is_atom(module), do: module.put(dict, key, value)
  defp dict_put(dict, key, value) when is_list(dict), do: Keyword.put(dict, key, value)
  defp dict_put(dict, _key, _value), do: raise(ArgumentError, "unsupported dict: " <> inspect(dict))

  @doc """
  A stream of the `{key, value}` pairs of `query`, unescaped with
  `:www_form` (the default) or `:rfc3986` encoding.
  """
  def query_decoder(query, encoding \\ :www_form) when is_binary(query) do
    fn acc, fun -> reduce_query(query, 0, encoding, acc, fun) end
  end

  defp reduce_query(_query, _from, _encoding, {:halt, acc}, _fun), do: {:halted, acc}

  defp reduce_query(query, from, encoding, {:suspend, acc}, fun) do
    {:suspended, acc, &reduce_query(query, from, encoding, &1, fun)}
  end

  defp reduce_query(query, from, encoding, {:cont, acc}, fun) do
    case next_query_pair(query, from, encoding) do
      nil -> {:done, acc}
      {pair, next} -> reduce_query(query, next, encoding, fun.(pair, acc), fun)
    end
  end

  # The pair of `query` starting at byte `from` and where the next one
  # starts, or nil at the end.
  defp next_query_pair(query, from, encoding) do
    size = byte_size(query)

    if from >= size do
      nil
    else
      stop = index_of(query, ?&, from, size) || size

      {key, value} =
        case index_of(query, ?=, from, stop) do
          nil -> {slice(query, from, stop), ""}
          equals -> {slice(query, from, equals), slice(query, equals + 1, stop)}
        end

      {{decode_with_encoding(key, encoding), decode_with_encoding(value, encoding)}, stop + 1}
    end
  end

  defp decode_with_encoding(string, :www_form), do: decode_www_form(string)
  defp decode_with_encoding(string, :rfc3986), do: decode(string)

  @doc """
  Appends `query` (not encoded) to the query of `uri`, separated by `&`
  unless the query is empty or already ends with one.
  """
  def append_query(%URI{} = uri, query) when is_binary(query) do
    case uri.query do
      old when old in [nil, ""] ->
        %{uri | query: query}

      old ->
        if ends_with_ampersand?(old),
          do: %{uri | query: old <> query},
          else: %{uri | query: old <> "&" <> query}
    end
  end

  defp ends_with_ampersand?(""), do: false

  defp ends_with_ampersand?(string) when is_binary(string) do
    size = byte_size(string) - 1
    match?(<<_::binary-size(size), ?&>>, string)
  end

  # As String.ends_with?/2 given a query that is not a string.
  defp ends_with_ampersand?(_query) do
    raise FunctionClauseError, module: String, function: :ends_with?, arity: 2
  end

  ## Building back

  @doc "The string of `uri` (`String.Chars.URI.to_string/1`)."
  def to_string(uri), do: String.Chars.URI.to_string(uri)

  @doc """
  Merges the reference `rel` onto the base URI `base`, which must have a
  host (RFC 3986, section 5.2, as Elixir 1.14 resolves dot segments).
  Either may be a string.
  """
  def merge(%URI{host: nil}, _rel) do
    raise ArgumentError, "you must merge onto an absolute URI"
  end

  def merge(_base, %URI{scheme: scheme} = rel) when scheme != nil do
    %{rel | path: remove_dot_segments(rel.path)}
  end

  def merge(base, %URI{host: host} = rel) when host != nil do
    %{rel | scheme: base.scheme, path: remove_dot_segments(rel.path)}
  end

  def merge(%URI{} = base, %URI{path: nil} = rel) do
    %{base | query: rel.query || base.query, fragment: rel.fragment}
  end

  def merge(%URI{} = base, %URI{} = rel) do
    %{base | path: merge_paths(base.path, rel.path), query: rel.query, fragment: rel.fragment}
  end

  def merge(base, rel), do: merge(parse(base), parse(rel))

  defp merge_paths(_base_path, "/" <> _ = rel_path), do: remove_dot_segments(rel_path)
  defp merge_paths(nil, rel_path), do: merge_paths("/", rel_path)

  defp merge_paths(base_path, rel_path) do
    # The base's last segment goes; the reference's segments follow the rest.
    [_last | base_dirs] = Enum.reverse(segments(base_path))
    resolve_segments(Enum.reverse(base_dirs, segments(rel_path)), [])
  end

  defp remove_dot_segments(nil), do: nil
  defp remove_dot_segments(path), do: resolve_segments(segments(path), [])

  # The parts of `path` between "/"s (any bytes, not only UTF-8).
  defp segments(path) when is_binary(path), do: segments(path, 0, byte_size(path), [])

  # As String.split/3 given a path that is not a string.
  defp segments(_path), do: raise(FunctionClauseError, module: String, function: :split, arity: 3)

  defp segments(path, from, size, acc) do
    case index_of(path, ?/, from, size) do
      nil -> :lists.reverse(acc, [slice(path, from, size)])
      slash -> segments(path, slash + 1, size, [slice(path, from, slash) | acc])
    end
  end

  # `acc` holds the segments kept so far, last first. "." goes; ".." drops
  # the segment before it, but never the first one kept (then it goes too),
  # and stays when nothing is kept yet.
  defp resolve_segments([], acc), do: acc |> Enum.reverse() |> Enum.join("/")
  defp resolve_segments(["." | rest], acc), do: resolve_segments(rest, acc)
  defp resolve_segments([".." | rest], [_, _ | _] = acc), do: resolve_segments(rest, tl(acc))
  defp resolve_segments([".." | rest], [_] = acc), do: resolve_segments(rest, acc)
  defp resolve_segments([segment | rest], acc), do: resolve_segments(rest, [segment | acc])

  ## Parsing without validation

  @doc """
  Splits `uri` into its components without validating them (RFC 3986,
  appendix B), filling in the default port of the scheme and the
  deprecated `:authority`. A `%URI{}` is returned as it is.
  """
  def parse(%URI{} = uri), do: uri

  def parse(string) when is_binary(string) do
    size = byte_size(string)
    {scheme, i} = split_scheme(string, size)

    {authority, i} =
      if i + 1 < size and byte_at(string, i) == ?/ and byte_at(string, i + 1) == ?/ do
        stop = index_of_any(string, '/?#', i + 2, size) || size
        {slice(string, i + 2, stop), stop}
      else
        {nil, i}
      end

    path_start = i
    path_end = index_of_any(string, '?#', i, size) || size

    {query, i} =
      if path_end < size and byte_at(string, path_end) == ?? do
        query_end = index_of(string, ?#, path_end + 1, size) || size
        {slice(string, path_end + 1, query_end), query_end}
      else
        {nil, path_end}
      end

    # The fragment ends at a newline, as "." stops there in the regex of
    # RFC 3986's appendix B.
    fragment = if i < size, do: slice(string, i + 1, index_of(string, ?\n, i + 1, size) || size)

    {userinfo, host, port} = split_authority(authority)
    port = if port == nil and scheme != nil, do: default_port(scheme), else: port

    %URI{
      scheme: scheme,
      authority: authority,
      userinfo: userinfo,
      host: host,
      port: port,
      path: nilify(slice(string, path_start, path_end)),
      query: query,
      fragment: fragment
    }
  end

  defp nilify(""), do: nil
  defp nilify(string), do: string

  # The scheme (downcased) and the index after its ":" when `string` starts
  # with `ALPHA *(ALPHA / DIGIT / "+" / "-" / ".") ":"`, else `{nil, 0}`.
  defp split_scheme(string, size) do
    if size > 0 and alpha?(byte_at(string, 0)) do
      case scheme_colon(string, 1, size) do
        nil -> {nil, 0}
        colon -> {downcase(slice(string, 0, colon)), colon + 1}
      end
    else
      {nil, 0}
    end
  end

  defp scheme_colon(_string, size, size), do: nil

  defp scheme_colon(string, index, size) do
    case byte_at(string, index) do
      ?: -> index
      c -> if scheme_char?(c), do: scheme_colon(string, index + 1, size), else: nil
    end
  end

  defp alpha?(c), do: c in ?a..?z or c in ?A..?Z
  defp scheme_char?(c), do: alpha?(c) or c in ?0..?9 or c in '+-.'

  defp downcase(string) do
    replace_bytes(string, fn c -> if c in ?A..?Z, do: <<c + 32>>, else: nil end)
  end

  # `{userinfo, host, port}` of an authority: the userinfo runs to the last
  # "@" before any newline; the host is a bracketed `[hex:.]` literal or runs
  # to the first ":"; the port is the digits right after that ":".
  defp split_authority(nil), do: {nil, nil, nil}
  defp split_authority(""), do: {nil, "", nil}

  defp split_authority(authority) do
    size = byte_size(authority)
    newline = index_of(authority, ?\n, 0, size) || size

    {userinfo, host_start} =
      case last_index_of(authority, ?@, newline - 1) do
        nil -> {nil, 0}
        at -> {slice(authority, 0, at), at + 1}
      end

    host_end =
      case bracketed_end(authority, host_start, size) do
        nil -> index_of(authority, ?:, host_start, size) || size
        close -> close + 1
      end

    port =
      if host_end < size and byte_at(authority, host_end) == ?: do
        case digits_end(authority, host_end + 1, size) do
          digits_end when digits_end == host_end + 1 -> nil
          digits_end -> String.to_integer(slice(authority, host_end + 1, digits_end))
        end
      end

    host = if host_end == host_start, do: nil, else: trim_brackets(authority, host_start, host_end)
    {nilify(userinfo), host, port}
  end

  defp last_index_of(_string, _byte, index) when index < 0, do: nil

  defp last_index_of(string, byte, index) do
    if byte_at(string, index) == byte, do: index, else: last_index_of(string, byte, index - 1)
  end

  # The index of the "]" closing a `[hex:.]` literal at `from`, or nil.
  defp bracketed_end(string, from, size) do
    if from < size and byte_at(string, from) == ?[, do: bracket_close(string, from + 1, size)
  end

  defp bracket_close(_string, size, size), do: nil

  defp bracket_close(string, index, size) do
    case byte_at(string, index) do
      ?] -> index
      c -> if alpha?(c) or c in ?0..?9 or c in ':.', do: bracket_close(string, index + 1, size), else: nil
    end
  end

  defp digits_end(string, index, size) do
    if index < size and byte_at(string, index) in ?0..?9, do: digits_end(string, index + 1, size), else: index
  end

  # The host without all its leading "[" and trailing "]".
  defp trim_brackets(string, from, to) do
    cond do
      from < to and byte_at(string, from) == ?[ -> trim_brackets(string, from + 1, to)
      from < to and byte_at(string, to - 1) == ?] -> trim_brackets(string, from, to - 1)
      true -> slice(string, from, to)
    end
  end

  ## Parsing with validation

  @doc """
  Parses and validates `uri` as RFC 3986: `{:ok, uri}`, or `{:error, part}`
  with the invalid part. The scheme is downcased and, without a port, its
  default port filled in. A `%URI{}` gives `{:ok, uri}`.
  """
  def new(%URI{} = uri), do: {:ok, uri}

  def new(string) when is_binary(string) do
    try do
      {:ok, uri_from_parts(rfc_reference(string))}
    catch
      :throw, {:uri_invalid, part} -> {:error, part}
    end
  end

  @doc "As `new/1`, but returns the URI or raises `URI.Error`."
  def new!(%URI{} = uri), do: uri

  def new!(string) when is_binary(string) do
    case new(string) do
      {:ok, uri} -> uri
      {:error, part} -> raise URI.Error, action: :parse, reason: :invalid_uri, part: part
    end
  end

  defp uri_from_parts(parts) do
    uri = %URI{
      userinfo: Map.get(parts, :userinfo),
      host: Map.get(parts, :host),
      port: Map.get(parts, :port),
      path: nilify(Map.get(parts, :path, "")),
      query: Map.get(parts, :query),
      fragment: Map.get(parts, :fragment)
    }

    case parts do
      %{scheme: scheme} ->
        scheme = downcase(scheme)

        if Map.has_key?(parts, :port),
          do: %{uri | scheme: scheme},
          else: %{uri | scheme: scheme, port: default_port(scheme)}

      _ ->
        uri
    end
  end

  # The parser follows OTP 25's :uri_string.parse/1 state by state: an
  # invalid character throws `{:uri_invalid, part}`, caught where
  # :uri_string catches (so the reported part is the one it reports), and
  # invalid UTF-8 raises the FunctionClauseError of the :uri_string
  # function that met it. Each state gets the whole string `s`, the index
  # `i` it reads at, where its component began (`start`), and the map of
  # the components found so far.

  defp rfc_reference(""), do: %{path: ""}

  defp rfc_reference(s) do
    try do
      rfc_scheme_start(s)
    catch
      :throw, {:uri_invalid, _} -> rfc_relative(s)
    end
  end

  defp rfc_relative(s) do
    if slashes?(s, 0) do
      rfc_authority(s, 2, %{})
    else
      case char_at(s, 0, :parse_relative_part, 2) do
        {?/, i} -> rfc_segment(s, i, 0, %{})
        {??, i} -> rfc_query(s, i, i, %{})
        {?#, i} -> rfc_fragment(s, i, i, %{})
        {c, i} -> if c != ?: and pchar?(c), do: rfc_segment_nz_nc(s, i, 0, %{}), else: invalid(c)
      end
    end
  end

  defp rfc_scheme_start(s) do
    case char_at(s, 0, :parse_scheme_start, 2) do
      {c, i} -> if alpha?(c), do: rfc_scheme(s, i), else: invalid(c)
    end
  end

  defp rfc_scheme(s, i) do
    if i == byte_size(s) do
      throw({:uri_invalid, ""})
    else
      case char_at(s, i, :parse_scheme, 2) do
        {?:, next} -> rfc_hier(s, next, %{scheme: slice(s, 0, i)})
        {c, next} -> if scheme_char?(c), do: rfc_scheme(s, next), else: invalid(c)
      end
    end
  end

  defp rfc_hier(s, i, parts) do
    cond do
      slashes?(s, i) ->
        rfc_authority(s, i + 2, parts)

      i == byte_size(s) ->
        parts

      true ->
        case char_at(s, i, :parse_hier, 2) do
          {?/, next} -> rfc_segment(s, next, i, parts)
          {??, next} -> rfc_query(s, next, next, parts)
          {?#, next} -> rfc_fragment(s, next, next, parts)
          {c, next} -> if pchar?(c), do: rfc_segment(s, next, i, parts), else: invalid(c)
        end
    end
  end

  defp slashes?(s, i), do: i + 1 < byte_size(s) and byte_at(s, i) == ?/ and byte_at(s, i + 1) == ?/

  # An authority is read as userinfo "@" host first, and again as a host
  # alone when that fails anywhere later on (as :uri_string does).
  defp rfc_authority(s, i, parts) do
    try do
      rfc_userinfo(s, i, i, parts)
    catch
      :throw, {:uri_invalid, _} -> rfc_host(s, i, i, parts)
    end
  end

  defp rfc_userinfo(s, i, start, parts) do
    size = byte_size(s)

    if i == size do
      throw({:uri_invalid, ""})
    else
      case char_at(s, i, :parse_userinfo, 2) do
        {?@, ^size} -> Map.merge(parts, %{userinfo: slice(s, start, i), host: ""})
        {?@, next} -> rfc_host(s, next, next, Map.put(parts, :userinfo, slice(s, start, i)))
        {c, next} -> if c == ?: or reg_name?(c), do: rfc_userinfo(s, next, start, parts), else: invalid(c)
      end
    end
  end

  defp rfc_host(s, i, start, parts) do
    if i == byte_size(s) do
      put_host(parts, s, start, i)
    else
      case char_at(s, i, :parse_host, 2) do
        {?:, next} -> rfc_port(s, next, next, put_host(parts, s, start, i))
        {?/, next} -> rfc_segment(s, next, i, put_host(parts, s, start, i))
        {??, next} -> rfc_query(s, next, next, put_host(parts, s, start, i))
        {?[, next} -> rfc_ipv6(s, next, next, start, parts)
        {?#, next} -> rfc_fragment(s, next, next, put_host(parts, s, start, i))
        {c, _next} when c in ?0..?9 -> rfc_ipv4(s, i, start, parts)
        _ -> rfc_reg_name(s, i, start, parts)
      end
    end
  end

  # :uri_string tries a dotted IPv4 address first, and a reg-name when that
  # fails; both read the same from here on, but the first meets invalid
  # UTF-8 right after the address under its own name.
  defp rfc_ipv4(s, i, start, parts) do
    cond do
      i == byte_size(s) ->
        rfc_reg_name(s, start, start, parts)

      byte_at(s, i) in ?0..?9 or byte_at(s, i) == ?. ->
        rfc_ipv4(s, i + 1, start, parts)

      true ->
        char_at(s, i, :parse_ipv4_bin, 3)
        rfc_reg_name(s, start, start, parts)
    end
  end

  defp rfc_reg_name(s, i, start, parts) do
    if i == byte_size(s) do
      put_host(parts, s, start, i)
    else
      case char_at(s, i, :parse_reg_name, 2) do
        {?:, next} -> rfc_port(s, next, next, put_host(parts, s, start, i))
        {?/, next} -> rfc_segment(s, next, i, put_host(parts, s, start, i))
        {??, next} -> rfc_query(s, next, next, put_host(parts, s, start, i))
        {?#, next} -> rfc_fragment(s, next, next, put_host(parts, s, start, i))
        {c, next} -> if reg_name?(c), do: rfc_reg_name(s, next, start, parts), else: invalid(c)
      end
    end
  end

  # `address` is where the address (after "[") began, `start` the host's "[".
  defp rfc_ipv6(s, i, address, start, parts) do
    if i == byte_size(s) do
      throw({:uri_invalid, ""})
    else
      case char_at(s, i, :parse_ipv6_bin, 3) do
        {?], next} ->
          address = slice(s, address, i)
          if not ipv6_address?(address), do: throw({:uri_invalid, address})
          rfc_ipv6_end(s, next, start, parts)

        {c, next} ->
          if ipv6_char?(c), do: rfc_ipv6(s, next, address, start, parts), else: invalid(c)
      end
    end
  end

  defp rfc_ipv6_end(s, i, start, parts) do
    if i == byte_size(s) do
      put_host(parts, s, start, i)
    else
      case char_at(s, i, :parse_ipv6_bin_end, 2) do
        {?:, next} -> rfc_port(s, next, next, put_host(parts, s, start, i))
        {?/, next} -> rfc_segment(s, next, i, put_host(parts, s, start, i))
        {??, next} -> rfc_query(s, next, next, put_host(parts, s, start, i))
        {?#, next} -> rfc_fragment(s, next, next, put_host(parts, s, start, i))
        # Hex digits, ":" and "." after the "]" are taken into the host.
        {c, next} -> if ipv6_char?(c), do: rfc_ipv6_end(s, next, start, parts), else: invalid(c)
      end
    end
  end

  defp rfc_port(s, i, start, parts) do
    if i == byte_size(s) do
      put_port(parts, s, start, i)
    else
      case char_at(s, i, :parse_port, 2) do
        {?/, next} -> rfc_segment(s, next, i, put_port(parts, s, start, i))
        {??, next} -> rfc_query(s, next, next, put_port(parts, s, start, i))
        {?#, next} -> rfc_fragment(s, next, next, put_port(parts, s, start, i))
        {c, next} -> if c in ?0..?9, do: rfc_port(s, next, start, parts), else: invalid(c)
      end
    end
  end

  defp rfc_segment(s, i, start, parts) do
    if i == byte_size(s) do
      Map.put(parts, :path, slice(s, start, i))
    else
      case char_at(s, i, :parse_segment, 2) do
        {?/, next} -> rfc_segment(s, next, start, parts)
        {??, next} -> rfc_query(s, next, next, Map.put(parts, :path, slice(s, start, i)))
        {?#, next} -> rfc_fragment(s, next, next, Map.put(parts, :path, slice(s, start, i)))
        {c, next} -> if pchar?(c), do: rfc_segment(s, next, start, parts), else: invalid(c)
      end
    end
  end

  # The first segment of a relative path: no ":" in it.
  defp rfc_segment_nz_nc(s, i, start, parts) do
    if i == byte_size(s) do
      Map.put(parts, :path, slice(s, start, i))
    else
      case char_at(s, i, :parse_segment_nz_nc, 2) do
        {?/, next} -> rfc_segment(s, next, start, parts)
        {??, next} -> rfc_query(s, next, next, Map.put(parts, :path, slice(s, start, i)))
        {?#, next} -> rfc_fragment(s, next, next, Map.put(parts, :path, slice(s, start, i)))
        {c, next} -> if c != ?: and pchar?(c), do: rfc_segment_nz_nc(s, next, start, parts), else: invalid(c)
      end
    end
  end

  defp rfc_query(s, i, start, parts) do
    if i == byte_size(s) do
      Map.put(parts, :query, slice(s, start, i))
    else
      case char_at(s, i, :parse_query, 2) do
        {?#, next} -> rfc_fragment(s, next, next, Map.put(parts, :query, slice(s, start, i)))
        {c, next} -> if c in '/?' or pchar?(c), do: rfc_query(s, next, start, parts), else: invalid(c)
      end
    end
  end

  defp rfc_fragment(s, i, start, parts) do
    if i == byte_size(s) do
      Map.put(parts, :fragment, slice(s, start, i))
    else
      case char_at(s, i, :parse_fragment, 2) do
        {c, next} -> if c in '/?' or pchar?(c), do: rfc_fragment(s, next, start, parts), else: invalid(c)
      end
    end
  end

  # The host read from `start` to `stop`, without the brackets of an IP literal.
  defp put_host(parts, s, start, stop) do
    host =
      cond do
        byte_at_or_nil(s, start) != ?[ -> slice(s, start, stop)
        byte_at(s, stop - 1) == ?] -> slice(s, start + 1, stop - 1)
        true -> slice(s, start + 1, stop)
      end

    Map.put(parts, :host, host)
  end

  defp byte_at_or_nil(s, i), do: if(i < byte_size(s), do: byte_at(s, i))

  defp put_port(parts, _s, start, start), do: Map.put(parts, :port, :undefined)
  defp put_port(parts, s, start, stop), do: Map.put(parts, :port, String.to_integer(slice(s, start, stop)))

  # The character at `i` and the index after it, or the FunctionClauseError
  # :uri_string raises on invalid UTF-8.
  defp char_at(s, i, function, arity) do
    case byte_at(s, i) do
      byte when byte < 128 ->
        {byte, i + 1}

      _ ->
        case binary_part(s, i, min(4, byte_size(s) - i)) do
          <<c::utf8, _::binary>> -> {c, i + byte_size(<<c::utf8>>)}
          _ -> raise FunctionClauseError, module: :uri_string, function: function, arity: arity
        end
    end
  end

  defp invalid(c), do: throw({:uri_invalid, <<c::utf8>>})

  defp pchar?(c), do: c in '%:@' or reg_name?(c)

  defp reg_name?(c) do
    c in ?a..?z or c in ?A..?Z or c in ?0..?9 or c in '-._~%!$&\'()*+,;='
  end

  defp ipv6_char?(c), do: c in ?0..?9 or c in ?a..?f or c in ?A..?F or c in ':.'

  # Whether `address` is an IPv6 address as inet:parse_ipv6strict_address/1
  # takes it: eight groups of 1 to 4 hex digits, the last two possibly
  # written as a dotted IPv4 address, or fewer around one "::".
  defp ipv6_address?("::"), do: true

  defp ipv6_address?(address) do
    case String.split(address, "::") do
      [whole] ->
        groups_count(String.split(whole, ":"), true) == 8

      ["", after_gap] ->
        count = groups_count(String.split(after_gap, ":"), true)
        count != nil and count <= 7

      [before_gap, ""] ->
        count = groups_count(String.split(before_gap, ":"), false)
        count != nil and count <= 7

      [before_gap, after_gap] ->
        before_count = groups_count(String.split(before_gap, ":"), false)
        after_count = groups_count(String.split(after_gap, ":"), true)
        before_count != nil and after_count != nil and before_count + after_count <= 7

      _ ->
        false
    end
  end

  # How many 16-bit groups `groups` make (a trailing IPv4 address counts
  # two when `ipv4_last`), or nil when one is malformed.
  defp groups_count(groups, ipv4_last), do: groups_count(groups, ipv4_last, 0)

  defp groups_count([last], true, count) do
    cond do
      hex_group?(last) -> count + 1
      ipv4_address?(last) -> count + 2
      true -> nil
    end
  end

  defp groups_count([group | rest], ipv4_last, count) do
    if hex_group?(group), do: groups_count(rest, ipv4_last, count + 1), else: nil
  end

  defp groups_count([], _ipv4_last, count), do: count

  defp hex_group?(group) do
    byte_size(group) in 1..4 and all_bytes?(group, fn c -> c in ?0..?9 or c in ?a..?f or c in ?A..?F end)
  end

  # Four dot-separated decimals up to 255, without leading zeros.
  defp ipv4_address?(address) do
    case String.split(address, ".") do
      [_, _, _, _] = fields -> Enum.all?(fields, &ipv4_field?/1)
      _ -> false
    end
  end

  defp ipv4_field?("0"), do: true
  defp ipv4_field?("0" <> _), do: false

  defp ipv4_field?(field) do
    byte_size(field) in 1..3 and all_bytes?(field, fn c -> c in ?0..?9 end) and String.to_integer(field) <= 255
  end

  defp all_bytes?(<<c, rest::binary>>, fun), do: fun.(c) and all_bytes?(rest, fun)
  defp all_bytes?(<<>>, _fun), do: true
end
