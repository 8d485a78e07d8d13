defmodule Loggable do
  defmacro __using__(opts) do
    prefix = Keyword.fetch!(opts, :prefix)
    quote do
      def log(msg), do: IO.puts(unquote(prefix) <> msg)
    end
  end
end

defmodule Service do
  defmacro __using__(opts) do
    name = Keyword.get(opts, :name, :anon)
    quote do
      use Loggable, prefix: "[#{unquote(name)}] "
      @service_name unquote(name)
      def service_name, do: @service_name
      def start do
        log("starting")
        {:started, @service_name}
      end
      defoverridable start: 0
    end
  end
end

defmodule Mailer do
  use Service, name: :mailer
end

defmodule Billing do
  use Service, name: :billing
  def start do
    log("custom start")
    {:custom, super()}
  end
end

defmodule Multi do
  defmacro __using__(which) do
    apply(__MODULE__, which, [])
  end
  def alpha, do: quote(do: def(kind, do: :alpha))
  def beta, do: quote(do: def(kind, do: :beta))
end

defmodule UA do
  use Multi, :alpha
end

defmodule UB do
  use Multi, :beta
end

IO.inspect(Mailer.start())
IO.inspect(Billing.start())
IO.inspect(Mailer.service_name())
IO.inspect({UA.kind(), UB.kind()})
