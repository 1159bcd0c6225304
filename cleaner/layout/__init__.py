"""Layout: decide every block that no rule took (head, body, tail, furniture) and assemble the article.

``zones`` finds the head (title, subtitle) and the tail after a tail marker; the remaining blocks are
decided by ``textmodel`` (plain text: a trained classifier over ``features``, whose arithmetic over the
page's blocks in order is ``spans``; docs/classifier.md) or ``classify`` (a page's blocks); ``assemble``
builds the ``Article`` from the decided blocks.

What it does NOT do: it reads no input file and no markup (``cleaner.text`` and ``cleaner.html`` do),
parses no date or name (``cleaner.metadata`` does), and never reads a site profile (the pipeline hands
it the profile's numbers).
"""
