# Regexes in module attributes, struct defaults and function heads; recompile; regexes from other engine versions.
defmodule Validator do
  @email ~r/^[\w.+-]+@[\w-]+\.[\w.-]+$/
  @phone ~r/^\+?(?<cc>\d{1,3})[ -](?<num>\d{3,})$/
  @patterns [int: ~r/^-?\d+$/, float: ~r/^-?\d+\.\d+$/, word: ~r/^\w+$/i]
  defstruct name: "x", re: ~r/^[a-z]+$/

  def email?(s), do: s =~ @email
  def phone(s), do: Regex.named_captures(@phone, s)
  def kind(s), do: Enum.find_value(@patterns, :other, fn {k, r} -> if s =~ r, do: k end)
  def check(%Validator{re: re}, s), do: Regex.match?(re, s)
  def patterns, do: @patterns
  def new(fields \\ []), do: struct(Validator, fields)
end

IO.inspect Validator.email?("joe.b+x@mail-host.com")
IO.inspect Validator.email?("not an email")
IO.inspect Validator.phone("+44 12345")
IO.inspect Validator.phone("12345")
IO.inspect Enum.map(["12", "-3.5", "Hello", "??"], &Validator.kind/1)
IO.inspect Validator.check(Validator.new(), "abc")
IO.inspect Validator.check(Validator.new(re: ~r/^\d+$/), "abc")
IO.inspect Keyword.keys(Validator.patterns())
IO.inspect Validator.new()
r = ~r/foo/i
IO.inspect Regex.recompile(r) == {:ok, r}
IO.inspect Regex.recompile!(r) == r
old = %{r | re_version: "an old version"}
IO.inspect Regex.match?(old, "FOO")
IO.inspect Regex.run(old, "xFOOx", return: :index)
IO.inspect Regex.scan(old, "foo FOO")
IO.inspect Regex.replace(old, "foo FOO", "bar")
IO.inspect Regex.split(old, "afoob")
{:ok, again} = Regex.recompile(old)
IO.inspect {Regex.source(again), Regex.opts(again), Regex.match?(again, "FOO")}
gone = Map.delete(~r/(?<n>x)/, :re_version)
IO.inspect Regex.recompile!(gone) |> Regex.names()
by_hand = %Regex{source: "c(?<foo>d|e)", re_pattern: {:re_pattern, 1, 0, 0, <<1, 2, 3>>}, re_version: {"0.0", :big}}
IO.inspect Regex.run(by_hand, "abcd abce", capture: :all_names)
IO.inspect Regex.scan(by_hand, "abcd abce", capture: :all_names)
IO.inspect Regex.names(by_hand)
IO.inspect Regex.names(%Regex{})
list_opts = %{Regex.compile!("a", [:caseless]) | re_version: :old}
IO.inspect Regex.recompile(list_opts)
