"""The PySide6 desktop app: main window, panels, table models and background tasks (Qt lives here)."""
