"""Layout: decide every block that no rule took (head, body, tail, furniture) and assemble the article.

``zones`` finds the head (title, subtitle) and the tail after a tail marker, ``classify`` decides the
remaining blocks, ``assemble`` builds the ``Article`` from the decided blocks and the metadata found.
"""
