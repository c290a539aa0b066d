"""Use cases: one function is one transaction, and every change is written to the audit log."""
