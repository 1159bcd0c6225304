"""Text: bytes to text in one normal form, text to blocks, and what a block measures.

``decode`` (bytes and encodings), ``segment`` (plain text and Markdown into blocks), ``shape`` (the
measurable features of one block), ``language`` (which language, and its stopwords); ``links``,
``emphasis``, ``escapes`` and ``headings`` read Markdown's marks as the text a reader sees,
``unrendered`` parts a page's text taken without a renderer, ``urls`` splits URLs.

What it does NOT do: it decides nothing about what a block is: that is the rules, metadata and
layout layers above.
"""
