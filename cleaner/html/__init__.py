"""HTML pages: parse once, extract the main content as blocks, and read what the page says about itself.

``page`` is the entry point (``read_page``); ``content`` walks trafilatura's extraction into blocks,
``secondopinion`` asks justext when it finds little; ``sources``, ``marks``, ``title``, ``authors``,
``dates`` and ``meta`` read the page's metadata. The blocks then go through the same layers as text.
"""
