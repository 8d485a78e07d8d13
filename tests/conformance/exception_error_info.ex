# Exception.normalize/3 reading a stack entry's error_info (OTP's format_error
# convention), and :erlang.element/2 / elem/2 errors explained per argument
defmodule Info do
  def g(_e, _s), do: %{general: "foo"}
  def p(_e, _s), do: %{1 => "first bad", 3 => "third bad"}
  def gp(_e, _s), do: %{2 => "second bad", general: "gen"}
  def none(_e, _s), do: %{}
  def format_error(_e, _s), do: %{general: "default"}
end

for f <- [:g, :p, :gp, :none, nil] do
  meta = if f, do: %{module: Info, function: f}, else: %{module: Info}
  for reason <- [:no_translation, :badarg, :system_limit, {:badmatch, 1}] do
    e = Exception.normalize(:error, reason, [{:io, :put_chars, [1, 2], [error_info: meta]}])
    IO.inspect(e)
    IO.puts(Exception.message(e))
  end
end
IO.inspect(Exception.normalize(:error, :oops, [{:io, :put_chars, [1], [line: 3]}]))
IO.inspect(Exception.normalize(:error, :oops, [{:io, :put_chars, [1], [error_info: :bad]}]))
IO.inspect(Exception.normalize(:error, :oops, [{:io, :put_chars, 1, [error_info: %{module: Info, function: :p}]}]))

cases = [{"foo", "bar"}, {0, {1}}, {2, {1}}, {1, "x"}, {:a, {1}}, {1.0, {1}}, {1.0, "x"},
         {100000000000000000000000, {1}}, {-1, {1}}, {0, {}}, {1152921504606846975, {1}}]
for {i, t} <- cases do
  try do
    elem(Process.get(:x, t), Process.get(:x, i)) |> IO.inspect()
  rescue
    e -> IO.puts(Exception.message(e))
  end
  try do
    :erlang.element(Process.get(:x, i), Process.get(:x, t)) |> IO.inspect()
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
