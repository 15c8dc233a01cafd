"""The one exception type the CLI turns into a one-line message and an exit code."""

NOTHING_FOUND = 1
USAGE = 2


class KzError(Exception):
    """A user-facing failure: `message` is printed as one line, `code` is the exit status."""

    def __init__(self, message: str, code: int = USAGE) -> None:
        super().__init__(message)
        self.code = code
