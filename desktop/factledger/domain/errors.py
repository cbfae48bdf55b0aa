"""The one expected error: something the user can act on, shown as a sentence, never a traceback."""


class UserError(Exception):
    """A problem caused by input or circumstances the user controls (a bad file, a locked ledger).

    The message is a complete sentence a person can act on; the UI shows it and keeps going,
    the CLI prints it to stderr and exits non-zero.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
