"""Corpora: clean many documents in two passes (learn each site first), and find duplicates.

``twopass`` learns site profiles and cleans with them; ``duplicates`` finds articles held twice.
"""
