"""Layout: decide every block that no rule took (head, body, tail, furniture) and assemble the article.

``zones`` finds the head (title, subtitle) and the tail after a tail marker; the remaining blocks are
decided by ``textmodel`` (plain text: a trained classifier over ``features``, docs/classifier.md) or
``classify`` (a page's blocks); ``assemble`` builds the ``Article`` from the decided blocks.
"""
