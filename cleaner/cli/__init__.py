"""The ``clean`` command: ``main`` parses arguments, ``command`` runs one cleaning run, ``learn`` learns profiles."""
