"""Site profiles: what one site repeats on its pages, learned from a corpus, stored, and applied.

``keys`` folds a block into the key it is counted under; ``parameters`` holds the knobs of learning
and trust; ``profile`` learns a profile (``ProfileLearner``) and holds it (``Profile``); ``generation``
holds what one site taught, per template generation, and matches a page to a generation; ``markers``
finds where the article sits between template lines; ``apply`` applies a profile to a page's
decisions; ``store`` reads and writes the profile file. Running the two passes over a corpus is
``cleaner.corpus``.
"""
