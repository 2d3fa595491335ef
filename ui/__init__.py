"""The PySide6 desktop: windows, dialogs and models for views. It calls app/ for everything."""
