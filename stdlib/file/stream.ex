defmodule File.Stream do
  @moduledoc """
  A file as a stream (`File.stream!/3`): enumerating it opens the file and
  reads `line_or_bytes` at a time; collecting into it writes the file.
  `raw` is true when no encoding was given (bytes are read as they are).
  """
  defstruct [:path, :modes, :line_or_bytes, :raw]

  @doc false
  def __build__(path, modes, line_or_bytes) do
    raw = :lists.keyfind(:encoding, 1, modes) == false

    modes =
      if raw do
        if :lists.keyfind(:read_ahead, 1, modes) == {:read_ahead, false},
          do: [:raw | :lists.keydelete(:read_ahead, 1, modes)],
          else: [:raw, :read_ahead | modes]
      else
        modes
      end

    %File.Stream{path: path, modes: modes, raw: raw, line_or_bytes: line_or_bytes}
  end
end
