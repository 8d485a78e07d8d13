# Each pair of neighbouring levels, both ways round, and associativity.
a <- b when c
a when b <- c
a \\ b :: c
a when b :: c
a :: b when c
a :: b | c
a | b :: c
a | b = c
a = b | c
a = b || c
a || b = c
a || b && c
a && b || c
a or b and c
a and b or c
a && b == c
a == b && c
a == b < c
a < b == c
a < b |> c
a |> b < c
a |> b in c
a in b |> c
a in b ^^^ c
a ^^^ b in c
a ^^^ b..c
a..b ^^^ c
a ++ b + c
a + b ++ c
a <> b + c
a + b * c
a * b + c
a * b ** c
a ** b * c
a ** b ** c
a + b + c
a - b - c
a * b / c
a / b * c
a ++ b ++ c
a -- b -- c
a <> b <> c
a..b..c
a ++ b -- c
a = b = c
a | b | c
a :: b :: c
a when b when c
a <- b <- c
a \\ b \\ c
a || b || c
a |> b |> c
a == b == c
a < b < c
a in b in c
a ^^^ b ^^^ c
a..b//c + d
1..10//2
-a + b
-a * b
-a ** b
-2 ** 2
!a == b
not a + b
not a == b
^a = b
a = -b
a + -b
a - -b
a * -b
