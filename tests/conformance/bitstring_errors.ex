for {x, f} <- [{:a, fn x -> <<x>> end}, {:a, fn x -> <<x::float>> end}, {-1, fn x -> <<x::utf8>> end}, {[1], fn x -> <<x::binary>> end}, {"ab", fn x -> <<x::binary-size(3)>> end}, {<<1::3>>, fn x -> <<x::binary>> end}, {1, fn x -> <<x::size(x)-unit(8)-binary>> end}, {-1, fn x -> <<1::size(x)>> end}] do
  try do
    f.(x) |> IO.inspect
  rescue e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end
for c <- ["<<[1, 2]::binary>>", "<<[]>>"] do
  try do
    Code.eval_string(c) |> IO.inspect
  rescue e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end
for c <- [~s["foo" <> :bar], ~s["foo" <> 1 <> "x"], ~s[a <> "b" = "ab"], ~s["a" <> b <> "c" = "abc"], ~s[<<"foo"::integer>>], ~s[<<1.0::integer>>], ~s[<<1::binary>>], ~s[<<'foo'::binary>>]] do
  try do
    Code.eval_string(c) |> IO.inspect
  rescue e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end
