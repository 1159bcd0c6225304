"""Furniture rules: patterns for what is page furniture on any site, loaded from data and matched safely.

``loader`` reads ``furniture_rules.toml`` and the user's ``[tool.cleaner]`` rules and compiles them;
``furniture`` marks the blocks a rule recognises. Rules name a pattern seen on many sites; what one
site repeats is learned by ``cleaner.sites``, and the rest is decided by ``cleaner.layout``.

What it does NOT do: it learns nothing per site and decides no block that no rule names.
"""
