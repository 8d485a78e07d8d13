defimpl String.Chars, for: URI do
  # `[scheme:][//[userinfo@]host[:port]][path][?query][#fragment]`; the port
  # is left out when it is the scheme's default, and a host with ":" (IPv6)
  # is bracketed. Without a host, the deprecated `authority` is used. The
  # authority, query and fragment are the tails of improper lists, so only
  # binaries and charlists pass there, as in Elixir.
  def to_string(%URI{
        scheme: scheme,
        authority: authority,
        userinfo: userinfo,
        host: host,
        port: port,
        path: path,
        query: query,
        fragment: fragment
      } = uri) do
    if host != nil and is_binary(path) and path != "" and not match?("/" <> _, path) do
      raise ArgumentError,
            ":path in URI must be empty or an absolute path if URL has a :host, got: " <> inspect_uri(uri)
    end

    port = if scheme != nil and port == URI.default_port(scheme), do: nil, else: port

    authority =
      cond do
        host != nil -> ["//", userinfo_part(userinfo), host_part(host), port_part(port)]
        authority != nil -> ["//" | authority]
        true -> []
      end

    iodata = [
      if(scheme != nil, do: [scheme, ":"], else: []),
      authority,
      if(path != nil, do: path, else: []),
      if(query != nil, do: ["?" | query], else: []),
      if(fragment != nil, do: ["#" | fragment], else: [])
    ]

    if not (tail_ok?(authority) and tail_ok?(query) and tail_ok?(fragment)) do
      raise ArgumentError, "errors were found at the given arguments:\n\n  * 1st argument: not an iodata term\n"
    end

    IO.iodata_to_binary(iodata)
  end

  # Only a binary or a list may end an iolist (beamlet's
  # IO.iodata_to_binary/1 also takes a byte there).
  defp tail_ok?(["//" | tail]), do: tail_ok?(tail)
  defp tail_ok?(tail), do: tail == nil or is_binary(tail) or is_list(tail)

  defp userinfo_part(nil), do: []
  defp userinfo_part(userinfo), do: [userinfo, "@"]

  defp host_part(host) when is_binary(host) do
    if has_colon?(host), do: ["[", host, "]"], else: host
  end

  # As String.contains?/2 given a host that is not a string.
  defp host_part(_host) do
    raise FunctionClauseError, module: String, function: :contains?, arity: 2
  end

  defp has_colon?(<<?:, _::binary>>), do: true
  defp has_colon?(<<_, rest::binary>>), do: has_colon?(rest)
  defp has_colon?(<<>>), do: false

  defp port_part(nil), do: []
  defp port_part(port) when is_integer(port), do: [":", Integer.to_string(port)]

  # As Integer.to_string/1 given a port that is not an integer.
  defp port_part(_port) do
    raise ArgumentError, "errors were found at the given arguments:\n\n  * 1st argument: not an integer\n"
  end

  # How Elixir inspects a URI: `authority` only when it is set.
  defp inspect_uri(uri) do
    fields =
      [scheme: uri.scheme, authority: uri.authority, userinfo: uri.userinfo, host: uri.host] ++
        [port: uri.port, path: uri.path, query: uri.query, fragment: uri.fragment]

    fields = if uri.authority == nil, do: Keyword.delete(fields, :authority), else: fields
    "%URI{" <> Enum.map_join(fields, ", ", fn {key, value} -> "#{key}: #{inspect(value)}" end) <> "}"
  end
end
