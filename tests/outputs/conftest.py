"""Output tests: the files selfcheck writes for people, rendered and read back.

A test belongs here when it draws what a person opens (the packet's PDF or web page, a chart,
the program chart) through fpdf2 or matplotlib, in this process, and checks what it shows: the
text, the numbers plotted, the alternative text. Drawing costs about a second a packet, so these
live apart from `tests/unit/`, whose loop stays quick.
"""
