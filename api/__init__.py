"""The read-only REST API at /api/v1/ for Power BI and other systems.

Personal tokens and service accounts; the same visibility rules as the pages.
"""
