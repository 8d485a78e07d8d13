# :binary.match/matches/split/replace with their options (:global, :trim,
# :trim_all, {:scope, ...}, {:insert_replaced, ...}) and compiled patterns.
defmodule Show do
  def run(label, fun) do
    result =
      try do
        inspect(fun.())
      rescue
        e -> "** #{inspect(e.__struct__)} #{Exception.message(e)}"
      end

    IO.puts("#{label}: #{result}")
  end
end

defmodule Main do
  def run do
    s = &Show.run/2
    s.("match", fn -> {:binary.match("abcabc", "bc"), :binary.match("abc", "x"), :binary.match("", "a"), :binary.match("aaa", "aa")} end)
    s.("match longest", fn -> {:binary.match("abcde", ["bc", "bcd", "c"]), :binary.match("abcde", ["cd", "bcd"]), :binary.match("abcde", ["e", "b"])} end)
    s.("match scope", fn ->
      {:binary.match("abcabc", "a", scope: {1, 5}), :binary.match("abcabc", "a", [{:scope, {6, -3}}]),
       :binary.match("abcabc", "c", [{:scope, {0, 2}}]), :binary.match("abcb", "b", [{:scope, {2, 2}}, {:scope, {0, 2}}])}
    end)
    s.("matches", fn -> {:binary.matches("abcb", "b"), :binary.matches("aaaa", "aa"), :binary.matches("aaa", "b"), :binary.matches("", "b")} end)
    s.("matches many", fn -> {:binary.matches("abcde", ["bcd", "b", "cde"]), :binary.matches("a-b_c-", ["-", "_"]), :binary.matches("xyxyx", ["xy", "yx"])} end)
    s.("matches scope", fn -> {:binary.matches("abababab", "ab", [{:scope, {1, 5}}]), :binary.matches("abab", "ab", [{:scope, {4, -4}}])} end)
    s.("split", fn -> {:binary.split("a,b,c", ","), :binary.split("abc", ","), :binary.split("", ","), :binary.split(",", ",")} end)
    s.("split global", fn -> {:binary.split("a,b,,c,", ",", [:global]), :binary.split("a--b--c", "--", [:global])} end)
    s.("split trim", fn -> {:binary.split("a,b,,c,,", ",", [:global, :trim]), :binary.split(",a,", ",", [:trim]), :binary.split("a,", ",", [:trim]), :binary.split(",", ",", [:trim])} end)
    s.("split trim_all", fn -> {:binary.split(",a,,b,,", ",", [:global, :trim_all]), :binary.split(",a", ",", [:trim_all]), :binary.split(",,", ",", [:global, :trim_all])} end)
    s.("split empty", fn -> {:binary.split("", ",", [:trim]), :binary.split("", ",", [:trim_all]), :binary.split("", ",", [:global])} end)
    s.("split many", fn -> {:binary.split("a-b_c", ["-", "_"], [:global]), :binary.split("1 + 2 - 3", [" + ", " - "], [:global])} end)
    s.("split scope", fn ->
      {:binary.split("a,b,c", ",", [{:scope, {0, 3}}, :global]), :binary.split("a,b,c,d", ",", [{:scope, {2, 3}}, :global]),
       :binary.split(",,a,,", ",", [{:scope, {1, 3}}, :global, :trim_all])}
    end)
    s.("replace", fn -> {:binary.replace("abcb", "b", "X"), :binary.replace("abcb", "b", "X", [:global]), :binary.replace("abc", "x", "y"), :binary.replace("", "b", "c", [:global])} end)
    s.("replace empty", fn -> {:binary.replace("abcb", "b", "", [:global]), :binary.replace("aaa", "a", "aa", [:global])} end)
    s.("replace many", fn -> {:binary.replace("abcd", ["b", "c"], "-", [:global]), :binary.replace("abcde", ["bc", "bcd", "d"], "-", [:global])} end)
    s.("replace scope", fn -> {:binary.replace("aaaa", "a", "b", [{:scope, {1, 2}}, :global]), :binary.replace("aaaa", "a", "b", [{:scope, {3, -2}}])} end)
    s.("insert_replaced", fn ->
      {:binary.replace("abcb", "b", "[]", [:global, {:insert_replaced, 1}]), :binary.replace("abcb", "b", "[]", [{:insert_replaced, [0, 1, 2]}]),
       :binary.replace("a", "a", "bc", [{:insert_replaced, [2, 0, 1, 1]}]), :binary.replace("a", "a", "bc", [{:insert_replaced, 0}, {:insert_replaced, 2}]),
       :binary.replace("abcb", "b", "", [:global, {:insert_replaced, 0}])}
    end)
    one = :binary.compile_pattern("ab")
    many = :binary.compile_pattern(["-", "_", "--"])
    s.("compiled", fn -> {elem(one, 0), elem(many, 0), elem(:binary.compile_pattern(["x"]), 0)} end)
    s.("compiled use", fn ->
      {:binary.match("xxab", one), :binary.matches("a--b_c-", many), :binary.split("a--b_c", many, [:global]),
       :binary.replace("a_b", many, "+"), :binary.matches("abab", one, scope: {1, 3})}
    end)
    s.("String", fn -> {String.split("a,b,,c", ","), String.replace("a.b.c", ".", "::"), String.split("a-b_c", ["-", "_"]), String.replace(<<"a", 255, "a">>, "a", "b")} end)
  end
end

Main.run()
