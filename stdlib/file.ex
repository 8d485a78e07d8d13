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

  defp to_s(path) when is_binary(path), do: path
  defp to_s(path) when is_list(path), do: List.to_string(path)
end
