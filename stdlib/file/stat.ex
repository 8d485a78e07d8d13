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

  @fields [:size, :type, :access, :atime, :mtime, :ctime, :mode, :links, :major_device, :minor_device, :inode, :uid, :gid]

  @doc "The `:file_info` record (a tuple, as `:file.read_file_info/1` gives) of `stat`."
  def to_record(%File.Stat{} = stat) do
    List.to_tuple([:file_info | Enum.map(@fields, &Map.fetch!(stat, &1))])
  end

  @doc "A `File.Stat` from a `:file_info` record."
  def from_record(file_info) when is_tuple(file_info) and tuple_size(file_info) == 14 and elem(file_info, 0) == :file_info do
    [_ | values] = Tuple.to_list(file_info)
    struct(File.Stat, Enum.zip(@fields, values))
  end
end
