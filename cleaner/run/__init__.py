"""Running the pipeline over many documents: a stream with bounded memory, local processes, Dask.

``executor`` says what a job is and where it runs, ``local`` runs it in worker processes; ``stream``
cleans documents one at a time with failure records; ``batch`` runs file tasks in processes; ``dask``
partitions a corpus over a Dask cluster; ``datatrove`` is a datatrove pipeline step.

What it does NOT do: it cleans no document itself (``cleaner.pipeline`` does) and reads no command
line (``cleaner.cli`` does).
"""
