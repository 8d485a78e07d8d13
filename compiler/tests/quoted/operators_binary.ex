# Every binary operator of Elixir 1.14, one per line.
a <- b
a \\ b
a when b
a :: b
a | b
a = b
a || b
a ||| b
a or b
a && b
a &&& b
a and b
a == b
a != b
a =~ b
a === b
a !== b
a < b
a > b
a <= b
a >= b
a |> b
a <<< b
a >>> b
a <<~ b
a ~>> b
a <~ b
a ~> b
a <~> b
a <|> b
a in b
a not in b
a ^^^ b
a..b//c
a ++ b
a -- b
a +++ b
a --- b
a..b
a <> b
a + b
a - b
a * b
a / b
a ** b
a.b
