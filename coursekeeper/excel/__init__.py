"""Workbooks in and out: hostile-file checks, header detection, cell parsing, formatted writing.

Plain rows in and out; no database, no Qt. Modules: ``reading`` (open and list sheets),
``headers`` (find and map the header row), ``cells`` (parse values), ``participants`` (rows →
ParticipantRow), ``writing`` (formatted, formula-safe xlsx), ``error_workbook``, ``followup``.
Nothing is imported here so that importing the package stays cheap.
"""
