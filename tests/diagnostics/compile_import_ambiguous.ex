# compile error: get/2 is imported from both Keyword and Map
defmodule C do
  import Keyword, only: [get: 2]
  import Map, only: [get: 2]
  def f, do: get([], :a)
end
