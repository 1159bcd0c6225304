"""Site profiles: what one site repeats on its pages, learned from a corpus, stored, and applied.

``profile`` learns and applies a profile; ``store`` reads and writes the profile file. Running the
two passes over a corpus is ``cleaner.corpus``.
"""
