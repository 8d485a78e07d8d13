# Exception.blame/3 of a call to a function OTP removed: what OTP 25 says to use instead.
for f <- [fn -> :erlang.hash(1, 2) end, fn -> :erlang.get_stacktrace() end, fn -> :crypto.hmac(:sha, "k", "d") end, fn -> :crypto.block_encrypt(:aes, "k", "d") end] do
  try do
    f.()
  rescue e -> IO.puts Exception.message(elem(Exception.blame(:error, e, __STACKTRACE__), 0))
  end
end
