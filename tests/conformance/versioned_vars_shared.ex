defmodule VV do
  defmacro show(tag) do
    vars = __CALLER__.versioned_vars
    IO.puts("#{tag}: #{map_size(vars)} vars")
    IO.inspect(vars |> Map.keys() |> Enum.sort() |> Enum.take(-3), label: tag)
    IO.inspect(Macro.Env.has_var?(__CALLER__, {:v7, nil}), label: "has v7")
    IO.inspect(Macro.Env.has_var?(__CALLER__, {:w30, nil}), label: "has w30")
    :ok
  end
end

defmodule Body do
  require VV
  v0 = 0
  v1 = 1
  v2 = 2
  v3 = 3
  v4 = 4
  v5 = 5
  v6 = 6
  v7 = 7
  v8 = 8
  v9 = 9
  v10 = 10
  v11 = 11
  v12 = 12
  v13 = 13
  v14 = 14
  v15 = 15
  v16 = 16
  v17 = 17
  v18 = 18
  v19 = 19
  v20 = 20
  v21 = 21
  v22 = 22
  v23 = 23
  v24 = 24
  v25 = 25
  v26 = 26
  v27 = 27
  v28 = 28
  v29 = 29
  v30 = 30
  v31 = 31
  v32 = 32
  v33 = 33
  v34 = 34
  v35 = 35
  v36 = 36
  v37 = 37
  v38 = 38
  v39 = 39
  VV.show("forty")
  w0 = v0 + 1
  w1 = v1 + 1
  w2 = v2 + 1
  w3 = v3 + 1
  w4 = v4 + 1
  VV.show("forty-five")
  w5 = 5
  w6 = 6
  w7 = 7
  w8 = 8
  w9 = 9
  w10 = 10
  w11 = 11
  w12 = 12
  w13 = 13
  w14 = 14
  w15 = 15
  w16 = 16
  w17 = 17
  w18 = 18
  w19 = 19
  w20 = 20
  w21 = 21
  w22 = 22
  w23 = 23
  w24 = 24
  w25 = 25
  w26 = 26
  w27 = 27
  w28 = 28
  w29 = 29
  w30 = 30
  w31 = 31
  w32 = 32
  w33 = 33
  w34 = 34
  w35 = 35
  w36 = 36
  w37 = 37
  w38 = 38
  w39 = 39
  w40 = 40
  w41 = 41
  w42 = 42
  w43 = 43
  w44 = 44
  VV.show("eighty-five")
  VV.show("again")
  def f(a, b) do
    c = a + b
    VV.show("in f")
    c
  end
  IO.inspect(w44 + v39, label: "sum")
end
IO.inspect(Body.f(1, 2))

defmodule Small do
  defmacro m, do: (IO.inspect(__CALLER__.versioned_vars); :ok)
end

defmodule UsesSmall do
  require Small

  def f(b, a) do
    z = 1
    c = 2
    Small.m()
    {a, b, c, z}
  end
end

IO.inspect(UsesSmall.f(1, 2))
