defmodule FromHeader do
  require Record
  @path Path.join(System.tmp_dir!(), "record_module_#{System.pid()}.hrl")
  File.write!(@path, """
  %% records to extract
  -define(DEFAULT, 42).
  -record(item, {id, name = "x" :: string(), tags = [a, b], n = ?DEFAULT + 1}).
  -record(pair, {left = #item{id = 1}, right = {1.5, <<"bin">>, 'Q'}}).
  """)
  Record.defrecord(:item, Record.extract(:item, from: @path))
  @all Record.extract_all(from: @path)
  @missing (try do
              Record.extract(:missing, from: @path)
            rescue
              e -> inspect(e.__struct__)
            end)
  File.rm!(@path)
  def all, do: @all
  def missing, do: @missing
  def demo, do: {item(), item(id: 7), item(item(), :n)}
end

defmodule Shapes do
  require Record
  Record.defrecord(:user, name: "meg", age: 25)
  Record.defrecord(:point, Point, x: 0, y: 0)
  Record.defrecordp(:secret, [:key, value: nil])
  Record.defrecord(:box, contents: [1, 2], meta: %{kind: :box}, size: {1, 2})
  Record.defrecord(:empty, [])
  @records @__records__
  def records, do: @records

  def secret_demo do
    s = secret(key: :k)
    {s, secret(s, :key), secret(s, value: 1), secret(s), secret(:value), Record.is_record(s, :secret)}
  end

  def classify(user(age: age)) when age < 18, do: :minor
  def classify(user(name: name) = u) when user(u, :age) >= 65, do: {:senior, name}
  def classify(user(name: "meg")), do: :meg
  def classify(user()), do: :user
  def classify(point(x: 0, y: 0)), do: :origin
  def classify(point(x: same, y: same)), do: {:diagonal, same}
  def classify(r) when Record.is_record(r, :box), do: {:box, box(r, :size)}
  def classify(r) when Record.is_record(r), do: {:record, elem(r, 0)}
  def classify(_), do: :other
end

defmodule Main do
  import Shapes
  import Record, only: [is_record: 1, is_record: 2]

  def trace(label, value) do
    IO.puts("#{label} evaluated")
    value
  end

  def error(code) do
    Code.eval_string(code)
    IO.puts("no error")
  rescue
    e ->
      case Exception.message(e) do
        "invalid value for record field a, cannot escape #Function" <> _ -> IO.puts("cannot escape a function")
        message -> IO.puts("#{inspect(e.__struct__)}: #{message}")
      end
  end

  def run do
    u = user()
    IO.inspect({u, user(name: "bob"), user(age: 3, name: "ann"), point(), point(y: 7)})
    IO.inspect({user(:name), user(:age), point(:y), user(u), user(u, :age), user(u, age: 26, name: "x")})
    IO.inspect({user(u, []), user([]), user(_: :all), user(_: 0, age: 1), box(), empty(), empty([])})
    user(name: name, age: age) = user(name: "zed", age: 40)
    point(x: px) = point(x: 5)
    IO.inspect({name, age, px, match?(user(name: "meg"), u), match?(user(name: "x"), u)})
    IO.inspect(Enum.map([user(age: 10), user(age: 70, name: "old"), u, user(name: "kim"),
      point(), point(x: 2, y: 2), point(x: 1), box(), {:tag, 1}, {}, :atom], &classify/1))
    IO.inspect(for user(name: n) <- [u, point(), user(name: "eve")], do: n)
    IO.inspect(user(name: trace("name", "n"), age: trace("age", 1)))
    IO.inspect(user(age: trace("age", 2), name: trace("name", "m")))
    IO.inspect(user(trace("record", u), age: trace("age", 3)))
    IO.inspect({is_record(u), is_record(u, :user), is_record(u, :point), is_record({}), is_record({1}),
      is_record(:user), is_record({"s", 1}), is_record(point(), Point), is_record({:a}, "a")})
    IO.inspect(Enum.filter([u, point(), {:x}, 3], &is_record(&1, :user)))
    IO.inspect(Shapes.secret_demo())
    IO.inspect(Shapes.records())
    IO.inspect(Shapes.__info__(:macros))
    case point(x: 1, y: 2) do
      point(y: y) = p when is_record(p, Point) -> IO.inspect({:matched, y, point(p)})
    end
    error("import Shapes; user(foo: 1)")
    error("import Shapes; user(:foo)")
    error("import Shapes; user({:user, 1}, :bar)")
    error("import Shapes; user({:user, 1}, bar: 2)")
    error("import Shapes; user({:user, 1}, 5)")
    error("import Shapes; user(name: 1, nope: 2, other: 3)")
    error("import Shapes; user(r, name: 1) = {:user, 1, 2}")
    error("import Shapes; user({:user, 1, 2, 3})")
    error("import Shapes; r = point(); user(r)")
    error("import Shapes; x = :atom; user(x)")
    error("defmodule Bad1 do\n require Record\n Record.defrecord(:r, [1])\nend")
    error("defmodule Bad2 do\n require Record\n Record.defrecord(:r, [{\"s\", 1}])\nend")
    error("defmodule Bad3 do\n require Record\n Record.defrecord(:r, [a: fn -> 1 end])\nend")
    error("defmodule Bad4 do\n require Record\n def r(x), do: x\n Record.defrecord(:r, a: 1)\nend")
    error("defmodule Bad5 do\n require Record\n def r(), do: 1\n Record.defrecord(:r, b: 1)\nend")
    error("defmodule Bad6 do\n require Record\n Record.defrecord(:r, :a, 3)\nend")
    error("require Shapes; Shapes.secret()")
    error("defmodule Ok1 do\n require Record\n Record.defrecord(:r, [:a, b: 2])\n def t, do: r(a: r(:b))\nend; IO.inspect(Ok1.t())")
    IO.inspect({FromHeader.all(), FromHeader.missing(), FromHeader.demo()})
    error("Record.extract(:item, [])")
    try do
      user({:user, 1}, :age)
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}")
    end
  end
end

Main.run()
