"""Metadata in the text: dates, person names, bylines, credit lines and titles, and the lines that carry them.

``dates``/``datescan``/``datewords`` read dates, ``names`` tells a person from an organisation,
``byline`` and ``credits`` read author lines, ``titles`` compares title statements, and ``lines`` marks
the byline and dateline blocks of a document.  ``candidates`` lists the lines that may hold the title,
date or authors (``titlecandidates``, ``datecandidates``, ``authorcandidates``, on ``candidatepage``'s
page) and ``choice`` picks among them with a trained model.

What it does NOT do: it reads no HTML markup (``cleaner.html`` does), and it does not decide which
blocks are the article's body (``cleaner.layout`` does).
"""
