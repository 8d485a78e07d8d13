# Integer: digits/undigits, parse, to_string/to_charlist, gcd, extended_gcd, mod, floor_div, pow, is_even/is_odd
require Integer

for n <- [0, 1, -1, 123, -123, 58127, 10 ** 25] do
  IO.inspect({n, Integer.digits(n), Integer.digits(n, 2), Integer.digits(n, 16)})
end
IO.inspect({Integer.digits(123, 123), Integer.digits(-456, 1000)})
IO.inspect({Integer.undigits([]), Integer.undigits([1, 0, -5]), Integer.undigits([-1, -1, -5]), Integer.undigits([1, 4], 16), Integer.undigits([1, 1], 2)})

for {s, base} <- [{"12", 10}, {"012", 10}, {"+12", 10}, {"-12", 12}, {"12.5", 10}, {"7.5e-3", 10}, {"12x", 10}, {"++1", 10}, {"three", 10}, {"64eb", 16}, {"64eb", 10}, {"ZZ top", 36}, {"", 10}, {"-", 10}] do
  IO.inspect({s, base, Integer.parse(s, base)})
end
IO.inspect(Integer.parse("123456789012345678901234567890abc"))

for n <- [0, 42, -42, 255, 10 ** 20, -(2 ** 70)] do
  IO.inspect({Integer.to_string(n), Integer.to_string(n, 2), Integer.to_string(n, 16), Integer.to_string(n, 36), Integer.to_charlist(n), Integer.to_charlist(n, 16)})
end

for {a, b} <- [{1, 5}, {8, 12}, {-8, 12}, {8, -12}, {0, 3}, {3, 0}, {0, 0}, {-27, -27}, {2 ** 80, 2 ** 70 * 3}] do
  IO.inspect({a, b, Integer.gcd(a, b)})
end

for {a, b} <- [{0, 0}, {0, 5}, {0, -5}, {5, 0}, {-5, 0}, {240, 46}, {-240, 46}, {240, -46}, {-240, -46}, {7, 7}, {3, 9}, {17, 5}] do
  IO.inspect({a, b, Integer.extended_gcd(a, b)})
end

for {a, b} <- [{3, 2}, {-3, 2}, {3, -2}, {-3, -2}, {-20, 11}, {30000, 2001}, {0, 10}, {10 ** 30 + 1, -7}] do
  IO.inspect({a, b, Integer.mod(a, b), Integer.floor_div(a, b), rem(a, b), div(a, b)})
end

IO.inspect({Integer.pow(2, 10), Integer.pow(-3, 3), Integer.pow(0, 0), Integer.pow(2, 100), Integer.pow(7, 1)})
IO.inspect({2 ** 10, 2 ** -1, 2.0 ** 3, 4 ** 0.5, (-2) ** 3})

check = fn n when Integer.is_even(n) -> :even; n when Integer.is_odd(n) -> :odd; _ -> :not_integer end
IO.inspect(Enum.map([0, 1, 2, -1, -2, 2 ** 65 + 1, 1.0, :a], check))
IO.inspect({Integer.is_even(10), Integer.is_odd(10)})
