"""Turn whatever the user brings (files, folders, URLs, dropped HTML or text) into a normalized `Document`."""

from .drop import decode_drop
from .fetch import READ_TIMEOUT, fetch_url
from .inputs import ImportInput, expand_inputs, read_input
from .limits import MAX_EXPANDED_BYTES, MAX_FILE_BYTES
from .read import printable, read_bytes, read_file

__all__ = [
    "MAX_EXPANDED_BYTES",
    "MAX_FILE_BYTES",
    "READ_TIMEOUT",
    "ImportInput",
    "decode_drop",
    "expand_inputs",
    "fetch_url",
    "printable",
    "read_bytes",
    "read_file",
    "read_input",
]
