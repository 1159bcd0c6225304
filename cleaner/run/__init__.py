"""Running the pipeline over many documents: a stream with bounded memory, local processes, Dask.

``stream`` cleans documents one at a time with failure records; ``batch`` runs file tasks in
processes; ``dask`` partitions a corpus over a Dask cluster.
"""
