"""The app's two themes: calm (muted, the default) and high contrast (every text at 7:1 or more)."""

from __future__ import annotations

from dataclasses import replace

from textual.app import App
from textual.theme import BUILTIN_THEMES, Theme

CALM_COLOURS = {
    "calm-screen": "#171b1e",
    "calm-text": "#d8dcd6",
    "calm-accent": "#7fa7a0",
    "calm-muted": "#9aa0a6",
    "calm-faint": "#6b7177",
    "calm-chosen": "#b5d3a8",
    "calm-warn": "#d7a65f",
    "calm-panel": "#1f2428",
    "calm-note-focus": "#252b30",
}
"""The stylesheet's colours, by role; the calm theme's are muted, one accent."""

CALM = replace(BUILTIN_THEMES["textual-dark"], name="calm", variables=CALM_COLOURS)
"""Textual's dark theme for the widgets, with selfcheck's muted colours for its own text."""

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffb000",
    error="#ff9999",
    success="#00ff66",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#000000",
    dark=True,
    text_alpha=1.0,
    variables={
        "calm-screen": "#000000",
        "calm-text": "#ffffff",
        "calm-accent": "#ffff00",
        "calm-muted": "#e6e6e6",
        "calm-faint": "#d9d9d9",
        "calm-chosen": "#00ff66",
        "calm-warn": "#ffb000",
        "calm-panel": "#000000",
        "calm-note-focus": "#000000",
        "text-muted": "#e6e6e6",
        "text-disabled": "#d9d9d9",
        "foreground-muted": "#e6e6e6",
        "block-cursor-foreground": "#ffffff",
        "block-cursor-background": "#000000",
        "block-cursor-text-style": "bold reverse",
        "block-cursor-blurred-foreground": "#ffffff",
        "block-cursor-blurred-background": "#000000",
        "block-cursor-blurred-text-style": "underline",
        "block-hover-background": "#000000",
        "button-foreground": "#ffffff",
        "button-color-foreground": "#000000",
        "footer-background": "#000000",
        "footer-foreground": "#ffffff",
        "footer-key-foreground": "#ffff00",
        "footer-description-foreground": "#ffffff",
        "input-cursor-background": "#ffffff",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#ffffff",
        "input-selection-foreground": "#000000",
        "screen-selection-background": "#ffffff",
        "screen-selection-foreground": "#000000",
        "border": "#ffff00",
        "border-blurred": "#ffffff",
        "scrollbar": "#ffffff",
        "scrollbar-hover": "#ffff00",
        "scrollbar-active": "#ffff00",
    },
)
"""White and yellow on black; the focused element is also shown in reverse video or a bar."""

THEMES = {theme.name: theme for theme in (CALM, HIGH_CONTRAST)}
"""The themes offered by --theme, the config and the command palette."""


def use_selfcheck_themes(app: App[None], theme: str) -> None:
    """Offer only selfcheck's themes (its stylesheet needs their colours) and start in `theme`;
    called before the app runs.

    NO_COLOR makes Textual draw in greys, where only high contrast stays readable.
    """
    for choice in THEMES.values():
        app.register_theme(choice)
    chosen = HIGH_CONTRAST.name if app.no_color else theme
    # Not through the theme's watchers: before anything is styled they would only queue a
    # second parse of the whole stylesheet, and a second layout, for once the app runs (about
    # 10 ms of start-up). What the first frame needs of them is set here: colours and classes.
    app.set_reactive(App.theme, THEMES[chosen].name)
    app.stylesheet.set_variables(app.get_css_variables())
    app.set_class(app.current_theme.dark, "-dark-mode", update=False)
    app.set_class(not app.current_theme.dark, "-light-mode", update=False)
    app.add_class(f"-theme-{chosen}", update=False)
    mark_high_contrast(app, chosen)
    for name in set(app.available_themes) - set(THEMES):
        app.unregister_theme(name)


HIGH_CONTRAST_CLASS = "-high-contrast"
"""Set on the App while the high-contrast theme is on; the stylesheet adds focus marks by it."""


def mark_high_contrast(app: App[None], theme: str) -> None:
    """Set or clear the App's high-contrast class when its theme changes."""
    # Before the first screen there are no styles to update (and Textual 6 fails trying).
    app.set_class(theme == HIGH_CONTRAST.name, HIGH_CONTRAST_CLASS, update=bool(app.screen_stack))
