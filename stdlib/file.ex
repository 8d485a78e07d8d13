# File: reading, writing and listing files, over the `:file` built-ins of
# vm/src/bif/file.rs; results as in Elixir 1.14 (`{:error, :enoent}`, ...).
# An open file (`open/2`) is a process serving the IO protocol
# (stdlib/beamlet_file_io.ex), so `IO.read/binread/write` work on it.
defmodule File do
  @moduledoc "Functions on files and directories."

  @doc "`{:ok, binary}` with the contents of `path`, or `{:error, reason}`."
  def read(path), do: :file.read_file(to_s(path))

  @doc "The contents of `path`; raises `File.Error`."
  def read!(path) do
    case read(path) do
      {:ok, binary} -> binary
      {:error, reason} -> raise File.Error, reason: reason, action: "read file", path: to_s(path)
    end
  end

  @doc "Writes `content` (iodata) to `path`; `modes` may hold `:append` or `:exclusive`."
  def write(path, content, modes \\ []) do
    :file.write_file(to_s(path), content, modes)
  end

  @doc "Like `write/3`, raising `File.Error`."
  def write!(path, content, modes \\ []) do
    case write(path, content, modes) do
      :ok ->
        :ok

      {:error, reason} ->
        raise File.Error, reason: reason, action: "write to file", path: to_s(path)
    end
  end

  @doc "Whether `path` exists (following links)."
  def exists?(path, opts \\ []) do
    match?({:ok, _, _, _, _}, :beamlet.file_info(to_s(path), follow?(opts)))
  end

  @doc "Whether `path` is a regular file."
  def regular?(path, opts \\ []) do
    match?({:ok, :regular, _, _, _}, :beamlet.file_info(to_s(path), follow?(opts)))
  end

  @doc "Whether `path` is a directory."
  def dir?(path, opts \\ []) do
    match?({:ok, :directory, _, _, _}, :beamlet.file_info(to_s(path), follow?(opts)))
  end

  defp follow?(opts), do: Keyword.get(opts, :follow_links, true) != false

  @doc "`{:ok, cwd}`, or `{:error, reason}`."
  def cwd do
    case :file.get_cwd() do
      {:ok, base} -> {:ok, List.to_string(base)}
      {:error, _} = error -> error
    end
  end

  @doc "The current working directory; raises `File.Error`."
  def cwd! do
    case cwd() do
      {:ok, cwd} -> cwd
      {:error, reason} -> raise File.Error, reason: reason, action: "get current working directory"
    end
  end

  @doc "Changes the current working directory."
  def cd(path), do: :file.set_cwd(to_s(path))

  @doc "Like `cd/1`, raising `File.Error`."
  def cd!(path) do
    case cd(path) do
      :ok ->
        :ok

      {:error, reason} ->
        raise File.Error, reason: reason, action: "set current working directory to", path: to_s(path)
    end
  end

  @doc "Runs `function` with `path` as the working directory, then goes back."
  def cd!(path, function) do
    old = cwd!()
    cd!(path)

    try do
      function.()
    after
      cd!(old)
    end
  end

  @doc "`{:ok, names}` of the files in `path`, or `{:error, reason}`."
  def ls(path \\ ".") do
    case :file.list_dir(to_s(path)) do
      {:ok, file_list} -> {:ok, Enum.map(file_list, &List.to_string/1)}
      {:error, _} = error -> error
    end
  end

  @doc "The names of the files in `path`; raises `File.Error`."
  def ls!(path \\ ".") do
    case ls(path) do
      {:ok, value} -> value
      {:error, reason} -> raise File.Error, reason: reason, action: "list directory", path: to_s(path)
    end
  end

  @doc "Removes the file `path`."
  def rm(path), do: :file.delete(to_s(path))

  @doc "Like `rm/1`, raising `File.Error`."
  def rm!(path) do
    case rm(path) do
      :ok -> :ok
      {:error, reason} -> raise File.Error, reason: reason, action: "remove file", path: to_s(path)
    end
  end

  @doc "Removes the empty directory `path`."
  def rmdir(path), do: :file.del_dir(to_s(path))

  @doc "Like `rmdir/1`, raising `File.Error`."
  def rmdir!(path) do
    case rmdir(path) do
      :ok -> :ok
      {:error, reason} -> raise File.Error, reason: reason, action: "remove directory", path: to_s(path)
    end
  end

  @doc "Removes `path` and everything under it: `{:ok, removed}` or `{:error, reason, file}`."
  def rm_rf(path) do
    do_rm_rf(to_s(path), [])
  end

  @doc "Like `rm_rf/1`, raising `File.Error`."
  def rm_rf!(path) do
    case rm_rf(path) do
      {:ok, files} ->
        files

      {:error, reason, _} ->
        raise File.Error,
          reason: reason,
          path: to_s(path),
          action: "remove files and directories recursively from"
    end
  end

  defp do_rm_rf(path, acc) do
    case :beamlet.file_info(path, false) do
      {:ok, :directory, _, _, _} ->
        {:ok, files} = ls(path)

        acc =
          Enum.reduce(files, acc, fn file, acc ->
            case do_rm_rf(Path.join(path, file), acc) do
              {:ok, acc} -> acc
              {:error, _, _} -> acc
            end
          end)

        case rmdir(path) do
          :ok -> {:ok, [path | acc]}
          {:error, :enoent} -> {:ok, acc}
          {:error, reason} -> {:error, reason, path}
        end

      {:ok, _, _, _, _} ->
        case rm(path) do
          :ok -> {:ok, [path | acc]}
          {:error, :enoent} -> {:ok, acc}
          {:error, reason} -> {:error, reason, path}
        end

      {:error, reason} when reason in [:enoent, :enotdir] ->
        {:ok, acc}

      {:error, reason} ->
        {:error, reason, path}
    end
  end

  @doc "Makes the directory `path`."
  def mkdir(path), do: :file.make_dir(to_s(path))

  @doc "Like `mkdir/1`, raising `File.Error`."
  def mkdir!(path) do
    case mkdir(path) do
      :ok -> :ok
      {:error, reason} -> raise File.Error, reason: reason, action: "make directory", path: to_s(path)
    end
  end

  @doc "Makes the directory `path` and its missing parents."
  def mkdir_p(path), do: do_mkdir_p(to_s(path))

  @doc "Like `mkdir_p/1`, raising `File.Error`."
  def mkdir_p!(path) do
    case mkdir_p(path) do
      :ok ->
        :ok

      {:error, reason} ->
        raise File.Error, reason: reason, action: "make directory (with -p)", path: to_s(path)
    end
  end

  defp do_mkdir_p("/"), do: :ok

  defp do_mkdir_p(path) do
    if dir?(path) do
      :ok
    else
      parent = Path.dirname(path)

      if parent == path do
        {:error, :einval}
      else
        _ = do_mkdir_p(parent)

        case :file.make_dir(path) do
          {:error, :eexist} = error -> if dir?(path), do: :ok, else: error
          other -> other
        end
      end
    end
  end

  @doc "Renames `source` to `destination`."
  def rename(source, destination), do: :file.rename(to_s(source), to_s(destination))


  @doc "`{:ok, %File.Stat{}}` about `path` (following links), or `{:error, reason}`; `time:` is `:universal` (the default; `:local` is taken as it), or `:posix`."
  def stat(path, opts \\ []), do: do_stat(to_s(path), true, opts)

  @doc "Like `stat/2`, but about a link itself rather than what it points to."
  def lstat(path, opts \\ []), do: do_stat(to_s(path), false, opts)

  @doc "Like `stat/2`, raising `File.Error`."
  def stat!(path, opts \\ []), do: stat_or_raise(stat(path, opts), path)

  @doc "Like `lstat/2`, raising `File.Error`."
  def lstat!(path, opts \\ []), do: stat_or_raise(lstat(path, opts), path)

  defp stat_or_raise({:ok, info}, _path), do: info

  defp stat_or_raise({:error, reason}, path) do
    raise File.Error, reason: reason, action: "read file stats", path: to_s(path)
  end

  defp do_stat(path, follow?, opts) do
    with {:ok, type, size, access, mode} <- :beamlet.file_info(path, follow?),
         {:ok, {atime, mtime, ctime, links, dev, inode, uid, gid}} <-
           :beamlet.file_times(path, follow?) do
      time = Keyword.get(opts, :time, :universal)

      {:ok,
       %File.Stat{
         size: size,
         type: type,
         access: access,
         atime: stat_time(atime, time),
         mtime: stat_time(mtime, time),
         ctime: stat_time(ctime, time),
         mode: mode,
         links: links,
         major_device: dev,
         minor_device: 0,
         inode: inode,
         uid: uid,
         gid: gid
       }}
    end
  end

  defp stat_time(seconds, :posix), do: seconds
  defp stat_time(seconds, _universal) do
    days = Integer.floor_div(seconds, 86_400)
    secs = seconds - days * 86_400
    {civil_date(days), {div(secs, 3600), div(rem(secs, 3600), 60), rem(secs, 60)}}
  end

  # The proleptic Gregorian date `days` days after 1970-01-01, counted in
  # 400-year eras of 146_097 days from 0000-03-01.
  defp civil_date(days) do
    shifted = days + 719_468
    era = Integer.floor_div(shifted, 146_097)
    day_of_era = shifted - era * 146_097

    year_of_era =
      div(day_of_era - div(day_of_era, 1460) + div(day_of_era, 36_524) - div(day_of_era, 146_096), 365)

    day_of_year = day_of_era - (365 * year_of_era + div(year_of_era, 4) - div(year_of_era, 100))
    month_from_march = div(5 * day_of_year + 2, 153)
    day = day_of_year - div(153 * month_from_march + 2, 5) + 1
    month = if month_from_march < 10, do: month_from_march + 3, else: month_from_march - 9
    year = year_of_era + era * 400
    {if(month <= 2, do: year + 1, else: year), month, day}
  end

  @doc "Copies the contents of `source` to `destination` (at most `bytes_count` bytes): `{:ok, bytes_copied}` or `{:error, reason}`."
  def copy(source, destination, bytes_count \\ :infinity) do
    with {:ok, data} <- read(source) do
      data =
        if is_integer(bytes_count) and bytes_count < byte_size(data),
          do: binary_part(data, 0, bytes_count),
          else: data

      case write(destination, data) do
        :ok -> {:ok, byte_size(data)}
        error -> error
      end
    end
  end

  @doc "Like `copy/3`, raising `File.CopyError`."
  def copy!(source, destination, bytes_count \\ :infinity) do
    case copy(source, destination, bytes_count) do
      {:ok, bytes} -> bytes
      {:error, reason} -> raise_copy(reason, "copy", source, destination)
    end
  end

  @doc "Copies the file `source` to `destination`: `:ok` or `{:error, reason}`."
  def cp(source, destination, _opts \\ []) do
    case copy(source, destination) do
      {:ok, _} -> :ok
      error -> error
    end
  end

  @doc "Like `cp/3`, raising `File.CopyError`."
  def cp!(source, destination, opts \\ []) do
    case cp(source, destination, opts) do
      :ok -> :ok
      {:error, reason} -> raise_copy(reason, "copy", source, destination)
    end
  end

  defp raise_copy(reason, action, source, destination) do
    raise File.CopyError,
      reason: reason,
      action: action,
      source: to_s(source),
      destination: to_s(destination)
  end

  ## Open files

  @doc "Opens `path` as an IO device: `{:ok, pid}` or `{:error, reason}`. Modes: `:read` (default), `:write`, `:append`, `:exclusive`, `:utf8`, `{:encoding, enc}`, `:charlist`, ...; given a function, runs it with the device and closes it: `{:ok, result}`."
  def open(path, modes_or_function \\ [])

  def open(path, function) when is_function(function, 1), do: open(path, [], function)

  def open(path, modes) when is_list(modes) do
    :beamlet_file_io.open(to_s(path), normalize_modes(modes, true))
  end

  @doc "Opens `path` with `modes`, runs `function` with the device, closes it: `{:ok, result}` or `{:error, reason}`."
  def open(path, modes, function) when is_list(modes) and is_function(function, 1) do
    case open(path, modes) do
      {:ok, device} ->
        try do
          {:ok, function.(device)}
        after
          :ok = close(device)
        end

      other ->
        other
    end
  end

  @doc "Like `open/2`, raising `File.Error`."
  def open!(path, modes_or_function \\ []) do
    case open(path, modes_or_function) do
      {:ok, result} -> result
      {:error, reason} -> raise File.Error, reason: reason, action: "open", path: to_s(path)
    end
  end

  @doc "Like `open/3`, raising `File.Error`."
  def open!(path, modes, function) do
    case open(path, modes, function) do
      {:ok, result} -> result
      {:error, reason} -> raise File.Error, reason: reason, action: "open", path: to_s(path)
    end
  end

  @doc "Closes a file opened with `open/2`: `:ok`."
  def close(io_device), do: :beamlet_file_io.close(io_device)

  defp normalize_modes([:utf8 | rest], binary?), do: [{:encoding, :utf8} | normalize_modes(rest, binary?)]
  defp normalize_modes([mode | rest], _binary?) when mode in [:charlist, :char_list], do: normalize_modes(rest, false)
  defp normalize_modes([mode | rest], binary?), do: [mode | normalize_modes(rest, binary?)]
  defp normalize_modes([], true), do: [:binary]
  defp normalize_modes([], false), do: []

  @doc "A stream over the file `path`, by `:line` or by chunks of `bytes` (characters with an encoding); opened when enumerated."
  def stream!(path, modes \\ [], line_or_bytes \\ :line) do
    File.Stream.__build__(to_s(path), normalize_modes(modes, true), line_or_bytes)
  end

  ## Links, modes, owners, times

  @doc "Makes `new` a hard link to `existing`."
  def ln(existing, new), do: :beamlet.file_link(to_s(existing), to_s(new), false)

  @doc "Like `ln/2`, raising `File.LinkError`."
  def ln!(existing, new) do
    case ln(existing, new) do
      :ok -> :ok
      {:error, reason} -> raise File.LinkError, reason: reason, action: "create hard link", existing: to_s(existing), new: to_s(new)
    end
  end

  @doc "Makes `new` a symbolic link to `existing`."
  def ln_s(existing, new), do: :beamlet.file_link(to_s(existing), to_s(new), true)

  @doc "Like `ln_s/2`, raising `File.LinkError`."
  def ln_s!(existing, new) do
    case ln_s(existing, new) do
      :ok -> :ok
      {:error, reason} -> raise File.LinkError, reason: reason, action: "create symlink", existing: to_s(existing), new: to_s(new)
    end
  end

  @doc "`{:ok, target}` of the symbolic link `path`, or `{:error, reason}` (`:einval` when it is no link)."
  def read_link(path) do
    case :file.read_link(to_s(path)) do
      {:ok, target} -> {:ok, List.to_string(target)}
      error -> error
    end
  end

  @doc "Like `read_link/1`, raising `File.Error`."
  def read_link!(path) do
    case read_link(path) do
      {:ok, target} -> target
      {:error, reason} -> raise File.Error, reason: reason, action: "read link", path: to_s(path)
    end
  end

  @doc "Like `rename/2`, raising `File.RenameError`."
  def rename!(source, destination) do
    case rename(source, destination) do
      :ok -> :ok
      {:error, reason} -> raise File.RenameError, reason: reason, action: "rename", source: to_s(source), destination: to_s(destination)
    end
  end

  @doc "Sets the permission bits of `path`."
  def chmod(path, mode), do: :beamlet.file_chmod(to_s(path), mode)

  @doc "Like `chmod/2`, raising `File.Error`."
  def chmod!(path, mode), do: ok_or_raise(chmod(path, mode), "change mode for", path)

  @doc "Sets the group of `path`."
  def chgrp(path, gid), do: :beamlet.file_chown(to_s(path), -1, gid)

  @doc "Like `chgrp/2`, raising `File.Error`."
  def chgrp!(path, gid), do: ok_or_raise(chgrp(path, gid), "change group for", path)

  @doc "Sets the owner of `path`."
  def chown(path, uid), do: :beamlet.file_chown(to_s(path), uid, -1)

  @doc "Like `chown/2`, raising `File.Error`."
  def chown!(path, uid), do: ok_or_raise(chown(path, uid), "change owner for", path)

  defp ok_or_raise(:ok, _action, _path), do: :ok
  defp ok_or_raise({:error, reason}, action, path), do: raise(File.Error, reason: reason, action: action, path: to_s(path))

  @doc "Creates `path` if it does not exist and sets its access and modification times to `time` (POSIX seconds or a universal `{date, time}`; now by default)."
  def touch(path, time \\ System.os_time(:second)) do
    path = to_s(path)
    seconds = posix_time(time)

    with :ok <- if(exists?(path), do: :ok, else: write(path, "", [:append])) do
      :beamlet.file_set_times(path, seconds, seconds)
    end
  end

  @doc "Like `touch/2`, raising `File.Error`."
  def touch!(path, time \\ System.os_time(:second)), do: ok_or_raise(touch(path, time), "touch", path)

  defp posix_time(seconds) when is_integer(seconds), do: seconds

  defp posix_time({{_, _, _}, {_, _, _}} = datetime),
    do: :calendar.datetime_to_gregorian_seconds(datetime) - 62_167_219_200

  @doc "Writes the mode, times, owner and group of `stat` to `path` (times read as `time:` says: `:universal`, `:local` or `:posix`)."
  def write_stat(path, stat, opts \\ []) do
    path = to_s(path)
    time = Keyword.get(opts, :time, :universal)
    %File.Stat{mode: mode, atime: atime, mtime: mtime, uid: uid, gid: gid} = stat

    if Enum.any?([mode, atime, mtime, uid, gid], &is_nil/1) do
      {:error, :badarg}
    else
      seconds = fn t -> if time == :posix, do: t, else: posix_time(t) end

      with :ok <- chmod(path, mode),
           :ok <- :beamlet.file_set_times(path, seconds.(atime), seconds.(mtime)),
           {:ok, now} <- stat(path) do
        if now.uid == uid and now.gid == gid, do: :ok, else: :beamlet.file_chown(path, uid, gid)
      end
    end
  end

  @doc "Like `write_stat/3`, raising `File.Error`."
  def write_stat!(path, stat, opts \\ []), do: ok_or_raise(write_stat(path, stat, opts), "write file stats", path)

  ## Recursive copy

  @doc "Copies `source` (a file or a directory, recursively) to `destination`: `{:ok, copied}` or `{:error, reason, file}`. Options: `on_conflict: fn source, destination -> overwrite? end`, `dereference_symlinks: false`."
  def cp_r(source, destination, options \\ []) when is_list(options) do
    on_conflict = Keyword.get(options, :on_conflict, fn _, _ -> true end)
    dereference? = Keyword.get(options, :dereference_symlinks, false)

    case do_cp_r(to_s(source), to_s(destination), on_conflict, dereference?, []) do
      {:error, _, _} = error -> error
      copied -> {:ok, copied}
    end
  end

  @doc "Like `cp_r/3`, raising `File.CopyError`."
  def cp_r!(source, destination, options \\ []) do
    case cp_r(source, destination, options) do
      {:ok, files} ->
        files

      {:error, reason, file} ->
        raise File.CopyError,
          reason: reason,
          action: "copy recursively",
          on: file,
          source: to_s(source),
          destination: to_s(destination)
    end
  end

  defp do_cp_r(src, dest, on_conflict, dereference?, acc) when is_list(acc) do
    case :beamlet.file_info(src, false) do
      {:ok, :regular, _, _, _} ->
        cp_file(src, dest, on_conflict, acc)

      {:ok, :symlink, _, _, _} ->
        case read_link(src) do
          {:ok, link} when dereference? ->
            do_cp_r(Path.expand(link, Path.dirname(src)), dest, on_conflict, dereference?, acc)

          {:ok, link} ->
            cp_link(link, src, dest, on_conflict, acc)

          {:error, reason} ->
            {:error, reason, src}
        end

      {:ok, :directory, _, _, _} ->
        case ls(src) do
          {:ok, files} ->
            case mkdir(dest) do
              success when success in [:ok, {:error, :eexist}] ->
                Enum.reduce(files, [dest | acc], fn file, acc ->
                  do_cp_r(Path.join(src, file), Path.join(dest, file), on_conflict, dereference?, acc)
                end)

              {:error, reason} ->
                {:error, reason, dest}
            end

          {:error, reason} ->
            {:error, reason, src}
        end

      {:ok, _, _, _, _} ->
        {:error, :eio, src}

      {:error, reason} ->
        {:error, reason, src}
    end
  end

  # An error in a file below stops the walk.
  defp do_cp_r(_src, _dest, _on_conflict, _dereference?, error), do: error

  defp cp_file(src, dest, on_conflict, acc) do
    if exists?(dest, follow_links: false) do
      if Path.expand(src) != Path.expand(dest) and on_conflict.(src, dest) do
        _ = rm(dest)
        copy_into(src, dest, acc)
      else
        acc
      end
    else
      copy_into(src, dest, acc)
    end
  end

  defp copy_into(src, dest, acc) do
    case copy(src, dest) do
      {:ok, _} ->
        case stat(src) do
          {:ok, %File.Stat{mode: mode}} -> _ = chmod(dest, mode)
          _ -> :ok
        end

        [dest | acc]

      {:error, reason} ->
        {:error, reason, src}
    end
  end

  defp cp_link(link, src, dest, on_conflict, acc) do
    case ln_s(link, dest) do
      :ok ->
        [dest | acc]

      {:error, :eexist} ->
        if Path.expand(src) != Path.expand(dest) and on_conflict.(src, dest) do
          _ = rm(dest)

          case ln_s(link, dest) do
            :ok -> [dest | acc]
            {:error, reason} -> {:error, reason, src}
          end
        else
          acc
        end

      {:error, reason} ->
        {:error, reason, src}
    end
  end

  defp to_s(path) when is_binary(path), do: path
  defp to_s(path) when is_list(path), do: List.to_string(path)
end
