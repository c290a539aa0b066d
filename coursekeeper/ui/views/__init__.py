"""The main views shown in the main window's navigation."""
