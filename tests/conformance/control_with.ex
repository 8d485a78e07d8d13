defmodule Signup do
  def validate_name(""), do: {:error, :empty_name}
  def validate_name(n), do: {:ok, n}
  def validate_age(a) when is_integer(a) and a >= 18, do: {:ok, a}
  def validate_age(a) when is_integer(a), do: {:error, :too_young}
  def validate_age(_), do: {:error, :bad_age}

  def run(params) do
    with {:ok, name} <- validate_name(params[:name]),
         {:ok, age} <- validate_age(params[:age]),
         greeting = "welcome #{name}",
         true <- age < 150 do
      {:ok, greeting, age}
    else
      {:error, :empty_name} -> "name required"
      {:error, reason} -> "invalid: #{reason}"
      false -> "implausible age"
    end
  end

  def simple(map) do
    with {:ok, a} <- Map.fetch(map, :a),
         {:ok, b} <- Map.fetch(map, :b) do
      a + b
    end
  end
end

IO.inspect(Signup.run(%{name: "ann", age: 30}))
IO.inspect(Signup.run(%{name: "", age: 30}))
IO.inspect(Signup.run(%{name: "bo", age: 12}))
IO.inspect(Signup.run(%{name: "cy", age: "x"}))
IO.inspect(Signup.run(%{name: "di", age: 200}))
IO.inspect(Signup.simple(%{a: 1, b: 2}))
IO.inspect(Signup.simple(%{a: 1}))
IO.inspect(Signup.simple(%{}))

r = with [h | _] <- [1, 2], x when x > 0 <- h, do: {:first, x}
IO.inspect(r)
r2 = with [h | _] <- [], do: h
IO.inspect(r2)
r3 = with {:ok, x} when x > 5 <- {:ok, 3}, do: x
IO.inspect(r3)
