"""Tests that need the machine: subprocesses, pseudo-terminals, kills, wheel builds, another user.

A test belongs here when it starts a process (selfcheck itself, `age`, Node with Chromium, a
build), forks to run as another user, or kills one; a file with one such test comes here whole.
"""
