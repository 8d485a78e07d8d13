# Imagine we have a list of image file names we need to thumbnail.
files = ["photo1.jpg", "photo2.png", "avatar.gif"]
thumb = fn file_name ->
spawn(fn ->
# pretend we run an external thumbnail generator
:timer.sleep(2000)
IO.puts("Created thumbnail for #{file_name}")
end)
end
Enum.each(files, &thumb.(&1))
# All three thumbnails start concurrently.
