# The functions of OTP 25's `:file` written in the language: open files
# (`open/2` gives an IO-device process, stdlib/beamlet_file_io.ex) and
# their `read`, `write`, `read_line`, `position`, `close`, and helpers over
# the built-ins (vm/src/bif/file.rs holds `read_file`, `write_file/3`,
# `list_dir`, `delete`, `make_dir`, `del_dir`, `rename`, `get_cwd`,
# `set_cwd`, `read_link`).
defmodule :file do
  @moduledoc false

  @doc "Opens `name` with `modes`: `{:ok, io_device}` or `{:error, reason}` (lists are read unless `:binary`)."
  def open(name, modes) when is_list(modes), do: :beamlet_file_io.open(name, modes)

  @doc "Closes `io_device`."
  def close(io_device), do: :beamlet_file_io.close(io_device)

  @doc "Reads `count` bytes (characters with an encoding): `{:ok, data}`, `:eof` or `{:error, reason}`."
  def read(io_device, count) when is_integer(count) and count >= 0 do
    case :io.request(io_device, {:get_chars, :latin1, '', count}) do
      data when is_binary(data) or is_list(data) -> {:ok, data}
      other -> other
    end
  end

  @doc "Reads a line: `{:ok, line}`, `:eof` or `{:error, reason}`."
  def read_line(io_device) do
    case :io.request(io_device, {:get_line, :latin1, ''}) do
      data when is_binary(data) or is_list(data) -> {:ok, data}
      other -> other
    end
  end

  @doc "Writes iodata: `:ok` or `{:error, reason}`."
  def write(io_device, bytes), do: :io.request(io_device, {:put_chars, :latin1, bytes})

  @doc "Moves the position of `io_device`: `{:ok, new_position}` or `{:error, reason}`."
  def position(io_device, location), do: :beamlet_file_io.position(io_device, location)

  @doc "Flushes what `io_device` holds to the file (writes are not held back: `:ok`)."
  def sync(_io_device), do: :ok

  @doc "Same as `sync/1`."
  def datasync(_io_device), do: :ok

  @doc "Writes `bytes` to the file `name` (replacing it)."
  def write_file(name, bytes), do: :file.write_file(name, bytes, [])

  @doc "Copies `source` to `destination`: `{:ok, bytes_copied}` or `{:error, reason}`."
  def copy(source, destination, byte_count \\ :infinity) do
    with {:ok, data} <- :file.read_file(source) do
      data =
        if is_integer(byte_count) and byte_count < byte_size(data),
          do: binary_part(data, 0, byte_count),
          else: data

      with :ok <- :file.write_file(destination, data, []), do: {:ok, byte_size(data)}
    end
  end

  @doc "Makes `new` a hard link to `existing`."
  def make_link(existing, new), do: :beamlet.file_link(existing, new, false)

  @doc "Makes `new` a symbolic link to `existing`."
  def make_symlink(existing, new), do: :beamlet.file_link(existing, new, true)

  @doc "Sets the permission bits of `name`."
  def change_mode(name, mode), do: :beamlet.file_chmod(name, mode)

  @doc "Deletes the directory `name` and everything in it."
  def del_dir_r(name) do
    case File.rm_rf(name) do
      {:ok, _} -> :ok
      {:error, reason, _} -> {:error, reason}
    end
  end

  @doc "The current directory of `drive` (there are no drives here: the current one)."
  def get_cwd(_drive), do: :file.get_cwd()

  @doc "Text for a reason `:file`'s functions return."
  def format_error(reason) do
    message = File.Error.message(%File.Error{reason: reason, action: "", path: ""})
    [_, why] = String.split(message, ": ", parts: 2)
    String.to_charlist(why)
  end
end
