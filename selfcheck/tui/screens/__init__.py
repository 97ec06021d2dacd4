"""Screens of the check-in app: each coordinates its widgets and the draft."""
