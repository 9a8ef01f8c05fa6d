"""Limits on what people write, shared by every app's models and forms."""

# A long reflection is about 1,500 words. Without a limit, a paste of a whole case file or a
# megabyte of junk is stored, exported and rendered on every page that lists it; with one, the
# form says how much is allowed and the textarea stops the typing there.
WRITING_MAX_LENGTH = 10_000
