"""Differential fuzz of ETS hash-table order: writes a random Elixir script of
inserts, deletes, fixes, select_deletes and update_counters on set, bag and
duplicate_bag tables (plain, read_concurrency, write_concurrency true/auto),
printing tab2list, first/next walks, foldl, select chunks and slot.

    python3 tools/etsorder/fuzz.py SEED > f.exs
    elixir f.exs > f.exp; target/quick/beamlet f.exs > f.got; diff f.exp f.got
"""
import random, sys
seed=int(sys.argv[1]); random.seed(seed)
kinds=[":set",":bag",":duplicate_bag"]
opts=["", ", {:write_concurrency, true}", ", {:write_concurrency, :auto}", ", {:read_concurrency, true}"]
def key():
    r=random.random()
    n=random.randint(0, random.choice([10,100,3000]))
    if r<0.4: return str(n)
    if r<0.55: return '"k%d"' % n
    if r<0.65: return "{%d, %d}" % (n%7, n)
    if r<0.72: return "%d.5" % n
    if r<0.8: return ":a%d" % (n%50)
    if r<0.85: return "[%d, %d]" % (n, n%3)
    if r<0.9: return "%%{%d => %d}" % (n%5, n)
    return str(n*(2**61)+1)
out=[]
out.append("defmodule F do\n  def walk(t), do: Stream.unfold(:ets.first(t), fn :\"$end_of_table\" -> nil; k -> {k, :ets.next(t, k)} end) |> Enum.to_list()\nend")
for tn in range(3):
    kind=random.choice(kinds); o=random.choice(opts)
    out.append("t = :ets.new(:t, [%s, :public%s])" % (kind,o))
    for step in range(random.randint(3,8)):
        op=random.random()
        n=random.choice([5,50,300,1500])
        if op<0.35:
            out.append("for i <- 1..%d, do: :ets.insert(t, {%s, i})" % (n, key().replace(str(0),"0")))
            out.append("for i <- 1..%d, do: :ets.insert(t, {rem(i * %d, %d), i})" % (n, random.randint(1,999), random.randint(1,5000)))
        elif op<0.5:
            out.append("for i <- 1..%d, do: :ets.delete(t, rem(i * %d, %d))" % (n, random.randint(1,99), random.randint(1,5000)))
        elif op<0.6:
            out.append(":ets.select_delete(t, [{{:_, :\"$1\"}, [{:<, :\"$1\", %d}], [true]}])" % random.randint(1,500))
        elif op<0.7:
            out.append(":ets.insert(t, [%s])" % ", ".join("{%s, %d}" % (key(), i) for i in range(random.randint(1,20))))
        elif op<0.75:
            out.append(":ets.safe_fixtable(t, true)\nfor i <- 1..%d, do: :ets.delete(t, i)\nfor i <- 1..%d, do: :ets.insert(t, {i * 2, :fx})\n:ets.safe_fixtable(t, false)" % (n, n))
        elif op<0.8:
            out.append("IO.inspect(:ets.foldl(fn o, a -> [o | a] end, [], t) |> Enum.take(25))")
        elif op<0.85 and kind==":set":
            out.append("for i <- 1..%d, do: :ets.update_counter(t, rem(i * 31, %d), {2, 1}, {0, 0})" % (n, random.randint(10,4000)))
        elif op<0.9:
            out.append("for i <- 1..%d, do: :ets.delete_object(t, {rem(i * 7, 300), i})" % n)
        else:
            out.append("IO.inspect(F.walk(t) |> Enum.take(25))")
        out.append("IO.inspect(:ets.tab2list(t) |> Enum.take(25))")
        out.append("IO.inspect(:ets.info(t, :size))")
    lim=random.randint(1,60)
    out.append("""case :ets.select(t, [{{:"$1", :"$2"}, [], [:"$2"]}], %d) do
  :"$end_of_table" -> IO.inspect(:eot)
  {l, c} -> IO.inspect(l); if c != :"$end_of_table", do: (case :ets.select(c) do {l2, _} -> IO.inspect(l2); x -> IO.inspect(x) end)
end""" % lim)
    out.append("IO.inspect(:ets.slot(t, %d))" % random.randint(0,255))
print("\n".join(out))
