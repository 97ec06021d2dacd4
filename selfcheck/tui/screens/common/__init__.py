"""Screens both apps use: confirming, help, unlocking, prompts and the growth view."""
