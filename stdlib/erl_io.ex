# The parts of Erlang/OTP 25's `:io` module scripts call: `format/1,2,3`
# (`fwrite`), `put_chars/1,2`, `nl/0,1`, `write/1,2`, over `:io_lib`
# (stdlib/io_lib.ex) and IO. Reading (`get_line/2`, `get_chars/3`) is
# built in (vm/src/bif/io.rs). A device is `:standard_io` (or `:user`),
# `:standard_error`, or a pid speaking the IO protocol.
defmodule :io do
  @moduledoc false

  @doc "Writes `format` to standard output; `:ok`."
  def format(format), do: format(:standard_io, format, [])

  @doc "Writes `format` filled from `args` to standard output; `:ok`."
  def format(format, args), do: format(:standard_io, format, args)

  @doc "Writes `format` filled from `args` to `device`; `:ok`."
  def format(device, format, args) do
    put_chars(device, :io_lib.format(format, args))
  end

  @doc "Same as `format/1`."
  def fwrite(format), do: format(format)
  @doc "Same as `format/2`."
  def fwrite(format, args), do: format(format, args)
  @doc "Same as `format/3`."
  def fwrite(device, format, args), do: format(device, format, args)

  @doc "Writes characters (chardata) to standard output; `:ok`."
  def put_chars(chars), do: put_chars(:standard_io, chars)

  @doc "Writes characters (chardata) to `device`; `:ok`."
  def put_chars(device, chars) do
    IO.write(device(device), IO.chardata_to_string(chars))
    :ok
  end

  @doc "Writes a newline."
  def nl, do: put_chars(:standard_io, '\n')
  def nl(device), do: put_chars(device, '\n')

  @doc "Writes the Erlang text of `term`."
  def write(term), do: put_chars(:standard_io, :io_lib.write(term))
  def write(device, term), do: put_chars(device, :io_lib.write(term))

  defp device(:standard_io), do: :stdio
  defp device(:user), do: :stdio
  defp device(:standard_error), do: :stderr
  defp device(other), do: other
end
