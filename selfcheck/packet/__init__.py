"""The discussion packet: a PDF and a web page to open together in reflective supervision."""
