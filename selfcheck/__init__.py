"""selfcheck: a reflective self-check against the Alliance Code of Ethics."""

__version__ = "0.1.0"
