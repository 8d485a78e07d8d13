# Integer: the errors of its functions (bad bases, bad digits, division by zero, non-integers)
require Integer

show = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

show.(fn -> Integer.mod(3, 0) end)
show.(fn -> Integer.mod(3.0, 2) end)
show.(fn -> Integer.floor_div(-50, 0) end)
show.(fn -> Integer.floor_div(20, 1.2) end)
show.(fn -> Integer.digits(10, 1) end)
show.(fn -> Integer.digits(1.5) end)
show.(fn -> Integer.undigits([1, 0, 1], 1) end)
show.(fn -> Integer.undigits([1, 2, 17], 16) end)
show.(fn -> Integer.undigits([1, 10]) end)
show.(fn -> Integer.parse("2", 1) end)
show.(fn -> Integer.parse("2", 37) end)
show.(fn -> Integer.parse("2", 10.2) end)
show.(fn -> Integer.parse("2", nil) end)
show.(fn -> Integer.parse(12) end)
show.(fn -> Integer.to_string(42.0) end)
show.(fn -> Integer.to_string(42, 37) end)
show.(fn -> Integer.to_string(:forty_two, 16) end)
show.(fn -> Integer.to_charlist("42") end)
show.(fn -> Integer.to_charlist(42, 1) end)
show.(fn -> Integer.pow(2, -1) end)
show.(fn -> Integer.pow(2.0, 2) end)
show.(fn -> Integer.gcd(2.0, 4) end)
show.(fn -> Integer.extended_gcd(2, :a) end)
show.(fn -> 0 ** -1 end)
