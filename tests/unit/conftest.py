"""Unit tests: functions, file formats, models, numbers and in-process commands, with no app.

A test belongs here when it runs in this process without Textual's Pilot and starts no process;
the fixtures it needs (a home, a data folder, check-ins) come from `tests/conftest.py`.
"""
