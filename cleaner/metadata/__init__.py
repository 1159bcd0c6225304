"""Metadata in the text: dates, person names, bylines, credit lines and titles, and the lines that carry them.

``dates``/``datescan``/``datewords`` read dates, ``names`` tells a person from an organisation,
``byline`` and ``credits`` read author lines, ``titles`` compares title statements, and ``lines`` marks
the byline and dateline blocks of a document. Nothing here reads HTML markup (``cleaner.html`` does).
"""
