defmodule File.Error do
  @moduledoc "Raised by the `!` functions of `File`."
  defexception [:reason, :path, action: ""]

  def message(%{action: action, reason: reason, path: path}) do
    formatted =
      case {action, reason} do
        {"remove directory", :eexist} -> "directory is not empty"
        _ -> format_error(reason)
      end

    "could not #{action} #{inspect(path)}: #{formatted}"
  end

  # What `:file.format_error/1` says of POSIX errors.
  defp format_error(:eacces), do: "permission denied"
  defp format_error(:eagain), do: "resource temporarily unavailable"
  defp format_error(:ebadf), do: "bad file number"
  defp format_error(:ebusy), do: "file busy"
  defp format_error(:edquot), do: "disk quota exceeded"
  defp format_error(:eexist), do: "file already exists"
  defp format_error(:efault), do: "bad address in system call argument"
  defp format_error(:efbig), do: "file too large"
  defp format_error(:eintr), do: "interrupted system call"
  defp format_error(:einval), do: "invalid argument"
  defp format_error(:eio), do: "I/O error"
  defp format_error(:eisdir), do: "illegal operation on a directory"
  defp format_error(:eloop), do: "too many levels of symbolic links"
  defp format_error(:emfile), do: "too many open files"
  defp format_error(:emlink), do: "too many links"
  defp format_error(:enametoolong), do: "file name too long"
  defp format_error(:enfile), do: "file table overflow"
  defp format_error(:enodev), do: "no such device"
  defp format_error(:enoent), do: "no such file or directory"
  defp format_error(:enomem), do: "not enough memory"
  defp format_error(:enospc), do: "no space left on device"
  defp format_error(:enotblk), do: "block device required"
  defp format_error(:enotdir), do: "not a directory"
  defp format_error(:enotempty), do: "directory not empty"
  defp format_error(:enotsup), do: "operation not supported"
  defp format_error(:enxio), do: "no such device or address"
  defp format_error(:eperm), do: "not owner"
  defp format_error(:epipe), do: "broken pipe"
  defp format_error(:erofs), do: "read-only file system"
  defp format_error(:espipe), do: "invalid seek"
  defp format_error(:esrch), do: "no such process"
  defp format_error(:estale), do: "stale remote file handle"
  defp format_error(:etxtbsy), do: "text file or pseudo-device busy"
  defp format_error(:exdev), do: "cross-domain link"
  defp format_error(:badarg), do: "bad argument"
  defp format_error(:terminated), do: "the file server process is terminated"
  defp format_error(:system_limit), do: "a system limit was hit, probably not enough ports"
  defp format_error(_reason), do: "unknown POSIX error"
end
