@spec foo(integer) :: integer
@spec foo(a, b) :: {a, b} when a: term, b: term
@spec foo(opts) :: :ok when opts: keyword
@spec foo() :: :ok | {:error, term}
@spec foo(list(a)) :: [a] when a: var
@type t :: %__MODULE__{a: integer, b: String.t()}
@type t(a) :: [a]
@typep p :: 1..10
@opaque o :: map
@callback cb(arg :: term) :: :ok
@spec f(...) :: term
@spec f([...]) :: term
@type fun_t :: (integer -> integer)
@type fun0 :: (-> integer)
@type fun2 :: (integer, atom -> :ok)
@type anyfun :: (... -> any)
@type kw :: [key: value, other: 1]
@type m :: %{required(atom) => term, optional(:a) => 1}
@type b :: <<_::8, _::_*4>>
@spec f(term) :: term when is_subtype: true
