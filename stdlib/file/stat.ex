defmodule File.Stat do
  @moduledoc "What `File.stat/2` and `File.lstat/2` return about a file."

  defstruct [
    :size,
    :type,
    :access,
    :atime,
    :mtime,
    :ctime,
    :mode,
    :links,
    :major_device,
    :minor_device,
    :inode,
    :uid,
    :gid
  ]
end
