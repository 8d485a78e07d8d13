# File: reading, writing and listing files, over the `:file` built-ins of
# vm/src/bif/file.rs; results as in Elixir 1.14 (`{:error, :enoent}`, ...).
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

  @doc "Creates `path` if it does not exist (its time is not changed here)."
  def touch(path) do
    path = to_s(path)
    if exists?(path), do: :ok, else: write(path, "", [:append])
  end

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

  defp to_s(path) when is_binary(path), do: path
  defp to_s(path) when is_list(path), do: List.to_string(path)
end
