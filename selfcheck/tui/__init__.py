"""The check-in app: a Textual TUI over the selfcheck core (the core never imports this)."""
