"""Database access: the connection proxy, the models and the migration runner."""
