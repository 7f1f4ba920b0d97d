"""Rapportere: dashboards, portfolio reports and the look back at decisions.

Read from every phase; no phase imports this app.
"""
