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

  @doc "Reads `count` bytes at `location` (the position ends after them): `{:ok, data}`, `:eof` or `{:error, reason}`."
  def pread(io_device, location, count) when is_integer(count) and count >= 0 do
    at_position(io_device, location, fn -> read(io_device, count) end)
  end

  @doc "`pread/3` at each `{location, count}`: `{:ok, [data or :eof]}` or `{:error, reason}`."
  def pread(io_device, locations) when is_list(locations) do
    Enum.reduce_while(locations, {:ok, []}, fn {location, count}, {:ok, acc} ->
      case pread(io_device, location, count) do
        {:ok, data} -> {:cont, {:ok, [data | acc]}}
        :eof -> {:cont, {:ok, [:eof | acc]}}
        error -> {:halt, error}
      end
    end)
    |> case do
      {:ok, acc} -> {:ok, :lists.reverse(acc)}
      error -> error
    end
  end

  @doc "Writes `bytes` at `location` (the position ends after them): `:ok` or `{:error, reason}`."
  def pwrite(io_device, location, bytes), do: at_position(io_device, location, fn -> write(io_device, bytes) end)

  @doc "`pwrite/3` at each `{location, bytes}`: `:ok` or `{:error, {n_done, reason}}`."
  def pwrite(io_device, locations) when is_list(locations) do
    Enum.reduce_while(locations, {:ok, 0}, fn {location, bytes}, {:ok, n} ->
      case pwrite(io_device, location, bytes) do
        :ok -> {:cont, {:ok, n + 1}}
        {:error, reason} -> {:halt, {:error, {n, reason}}}
      end
    end)
    |> case do
      {:ok, _} -> :ok
      error -> error
    end
  end

  # (As OTP's file server does, the position is left after the data.)
  defp at_position(io_device, location, fun) do
    with {:ok, _} <- position(io_device, location), do: fun.()
  end

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

  @doc "`{:ok, file_info}` about `name` (following links), or `{:error, reason}`; `opts`: `{:time, :local | :universal | :posix}`."
  def read_file_info(name, opts \\ []) when is_list(opts), do: file_info(File.stat(name, time: info_time(opts)))

  @doc "Same as `read_file_info/1`."
  def raw_read_file_info(name), do: read_file_info(name)

  @doc "Like `read_file_info/2`, about a link itself."
  def read_link_info(name, opts \\ []) when is_list(opts), do: file_info(File.lstat(name, time: info_time(opts)))

  defp info_time(opts), do: Keyword.get(opts, :time, :local)

  defp file_info({:ok, stat}), do: {:ok, File.Stat.to_record(stat)}
  defp file_info(error), do: error

  @doc """
  Writes what a `:file_info` record sets (fields other than `:undefined`):
  `mode`, `atime` and `mtime`, `uid` and `gid`; `opts` as `read_file_info/2`'s.
  """
  def write_file_info(name, info, opts \\ []) when is_list(opts) do
    {:file_info, _size, _type, _access, atime, mtime, _ctime, mode, _links, _major, _minor, _inode, uid, gid} = info
    time = info_time(opts)
    path = IO.chardata_to_string(name)

    with :ok <- if(mode == :undefined, do: :ok, else: File.chmod(path, mode)),
         :ok <- set_times(path, atime, mtime, time),
         :ok <- set_owner(path, uid, gid) do
      :ok
    end
  end

  @doc "Same as `write_file_info/2`."
  def raw_write_file_info(name, info), do: write_file_info(name, info)

  defp set_times(_path, :undefined, :undefined, _time), do: :ok

  defp set_times(path, atime, mtime, time) do
    with {:ok, now} <- File.stat(path, time: :posix) do
      atime = if atime == :undefined, do: now.atime, else: posix_seconds(atime, time)
      mtime = if mtime == :undefined, do: now.mtime, else: posix_seconds(mtime, time)
      :beamlet.file_set_times(path, atime, mtime)
    end
  end

  defp posix_seconds(seconds, :posix) when is_integer(seconds), do: seconds

  defp posix_seconds({{_, _, _}, {_, _, _}} = datetime, _time),
    do: :calendar.datetime_to_gregorian_seconds(datetime) - 62_167_219_200

  defp set_owner(_path, :undefined, :undefined), do: :ok
  defp set_owner(path, uid, gid), do: :beamlet.file_chown(path, owner_id(uid), owner_id(gid))

  defp owner_id(:undefined), do: -1
  defp owner_id(id), do: id

  @doc "Sets the modification time of `name` (a local `{date, time}`)."
  def change_time(name, mtime), do: write_file_info(name, file_info_with(mtime: mtime))

  @doc "Sets the access and modification times of `name`."
  def change_time(name, atime, mtime), do: write_file_info(name, file_info_with(atime: atime, mtime: mtime))

  @doc "Sets the owner of `name`."
  def change_owner(name, uid), do: write_file_info(name, file_info_with(uid: uid))

  @doc "Sets the owner and group of `name`."
  def change_owner(name, uid, gid), do: write_file_info(name, file_info_with(uid: uid, gid: gid))

  @doc "Sets the group of `name`."
  def change_group(name, gid), do: write_file_info(name, file_info_with(gid: gid))

  defp file_info_with(fields) do
    values = for f <- [:atime, :mtime, :mode, :uid, :gid], into: %{}, do: {f, Keyword.get(fields, f, :undefined)}

    {:file_info, :undefined, :undefined, :undefined, values.atime, values.mtime, :undefined, values.mode, :undefined,
     :undefined, :undefined, :undefined, values.uid, values.gid}
  end

  @doc "Same as `list_dir/1` (names that are not valid UTF-8 are kept as binaries)."
  def list_dir_all(name), do: :file.list_dir(name)

  @doc "Same as `read_link/1`."
  def read_link_all(name), do: :file.read_link(name)

  @doc "How file names are encoded: `:utf8`."
  def native_name_encoding, do: :utf8

  @doc "Same as `delete/1` (`opts`: `[:raw]`)."
  def delete(name, opts) when is_list(opts), do: :file.delete(name)

  @doc "Text for a reason `:file`'s functions return."
  def format_error(reason) do
    message = File.Error.message(%File.Error{reason: reason, action: "", path: ""})
    [_, why] = String.split(message, ": ", parts: 2)
    String.to_charlist(why)
  end
end
