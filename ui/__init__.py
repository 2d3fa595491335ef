"""The PySide6 desktop: windows, dialogs and item models. Calls app/; holds no rules."""
