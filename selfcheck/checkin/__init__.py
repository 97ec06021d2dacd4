"""One check-in's life above the disk: the draft being edited, focus, its words, the workspace."""
