"""Widgets of the check-in app: they take data down and send messages up."""
