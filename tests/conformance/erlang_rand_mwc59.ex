# OTP 25 :rand mwc59 (step, scramblers, float), the exro928 functions, seed58 and
# the helpers OTP exports for its tests (bc64, make_float, float2str,
# format_jumpconst58); values checked against erl.
import Bitwise
s = :rand.mwc59_seed()
IO.inspect(s >= 1 and s < (0x7fa6502 <<< 32) - 1)
c1 = :rand.mwc59(266537445046807274)
IO.inspect {c1, :rand.mwc59_value32(c1), :rand.mwc59_value(c1), :rand.mwc59_float(c1)}
IO.inspect(for x <- [1, 2, (1 <<< 59) - 1, 0x7fa6502 <<< 32, -1], do: :rand.mwc59(x))
IO.inspect :rand.seed58(3, 42)
IO.inspect(try do :rand.mwc59(:a) rescue e -> e end)
IO.inspect(:rand.mwc59_value(1 <<< 70))
IO.inspect :rand.make_float(1,2,3)
IO.inspect(for x <- [0, 1, 2, 3, 255, 256, (1 <<< 64) - 1, 1 <<< 63, 1 <<< 64, 1 <<< 70, 12345], do: :rand.bc64(x))
IO.inspect(for x <- [0.0, 1.0, -2.5, 1.0e-310, 3.0e300, 0.1, 0.5], do: :rand.float2str(x))
IO.inspect(for {s, e, m} <- [{0,1023,0}, {2,1023,0}, {0,1023,1 <<< 52}, {-1,1023,5}], do: :rand.make_float(s, e, m))
IO.inspect(try do :rand.make_float(0, 2047, 0) rescue e -> e end)
IO.inspect :rand.format_jumpconst58('0x123456789abcdef')
IO.inspect :rand.format_jumpconst58("0xabcdef0123456789abcdef0123456789")
IO.inspect :rand.format_jumpconst58('0x0')
IO.inspect(try do :rand.format_jumpconst58('123') rescue e -> e end)
s = :rand.exro928_seed(42)
{_, as} = :rand.seed_s(:exro928ss, 42)
IO.inspect s == as
IO.inspect :rand.exro928_seed({1, 2, 3}) == elem(:rand.seed_s(:exro928ss, {1, 2, 3}), 1)
s16 = :rand.exro928_seed(Enum.to_list(1..16))
IO.inspect s16
{v, s2} = :rand.exro928_next(s16)
IO.inspect {v, s2}
IO.inspect :rand.exro928_next(s2)
IO.inspect :rand.exro928_next_state(s16) == s2
IO.inspect :rand.exro928_jump_2pow512(s) == elem(:rand.jump(:rand.seed_s(:exro928ss, 42)), 1)
IO.inspect :rand.exro928_jump_2pow20(s)
IO.inspect(try do :rand.exro928_seed(:foo) rescue e -> e end)
IO.inspect(try do :rand.exro928_next(:foo) rescue e -> e end)
