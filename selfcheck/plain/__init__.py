"""The plain mode: the check-in and home as linear text, for screen readers and scripts."""
