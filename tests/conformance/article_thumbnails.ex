# From the article, "Passing Data Into a Process": one process per thumbnail, each
# capturing its file name. Made deterministic for beamlet's tests: instead of all three
# sleeping 2000 ms (which lets them finish in any order), each file has a fixed delay
# 40 ms apart; Enum.map keeps the pids (the article uses Enum.each) so the script can
# wait for every thumbnail before it ends.
defmodule Wait do
  def for_exit(pid) do
    ref = Process.monitor(pid)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end
end

# Imagine we have a list of image file names we need to thumbnail.
files = ["photo1.jpg", "photo2.png", "avatar.gif"]
delays = %{"photo1.jpg" => 40, "photo2.png" => 80, "avatar.gif" => 120}

thumb = fn file_name ->
  spawn(fn ->
    # pretend we run an external thumbnail generator
    :timer.sleep(delays[file_name])
    IO.puts("Created thumbnail for #{file_name}")
  end)
end

pids = Enum.map(files, &thumb.(&1))
# All three thumbnails start concurrently.
IO.puts("Started #{length(pids)} thumbnail jobs; #{Enum.count(pids, &Process.alive?/1)} are running")
Enum.each(pids, &Wait.for_exit/1)
IO.puts("All thumbnails done")
