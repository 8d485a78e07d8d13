# Maps tagged with a struct name that lack some of its fields (or carry
# extra ones) inspect as the struct's Inspect implementation reads them:
# derived implementations and URI/Version show missing fields as nil.
defmodule Only do
  @derive {Inspect, only: [:a, :b]}
  defstruct a: 1, b: 2, c: 3
end

defmodule Except do
  @derive {Inspect, except: [:c]}
  defstruct a: 1, b: 2, c: 3
end

defmodule Opt do
  @derive {Inspect, optional: [:b]}
  defstruct a: 1, b: nil
end

defmodule Plain do
  defstruct a: 1, b: 2
end

IO.inspect(%{__struct__: Only, a: 5})
IO.inspect(%{__struct__: Except, b: 5})
IO.inspect(%{__struct__: Opt, a: 5})
IO.inspect(%{__struct__: Opt, b: 5})
IO.inspect(%{__struct__: Plain, b: 5})
IO.inspect(%{__struct__: Plain, b: 5, z: 1})
IO.inspect(%{__struct__: Only, a: 5, b: 6, c: 7, zz: 1})
IO.inspect(%{__struct__: URI, host: "h"})
IO.inspect(%{__struct__: URI, host: "h", authority: "h"})
IO.inspect(URI.parse("https://example.com:8080/p?q=1#f"))
IO.inspect(%URI{host: "x"})
IO.inspect(%{__struct__: Version, major: 1})
IO.inspect(%{__struct__: Version, major: 1, pre: [], build: "b"})
IO.inspect(Version.parse!("1.2.3-rc.1+build.5"))
IO.inspect(Version.parse!("1.2.3"))
IO.inspect([%{__struct__: Version, major: 2, minor: 0}], width: 30)
