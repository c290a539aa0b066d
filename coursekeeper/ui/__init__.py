"""The PySide6 desktop program: main window, views, dialogs, task runner and messages."""
