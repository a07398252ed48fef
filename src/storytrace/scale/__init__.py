"""Scale-out: storytrace's per-page stages on a cluster.

``storytrace.scale.spark`` runs ingest -> anatomy -> facts / comments inside PySpark ``mapPartitions``
(one :class:`~storytrace.resources.Resources` per executor process) and writes one row per page. It needs
the ``spark`` extra (``pip install 'storytrace[spark]'``) and Java; importing this package needs neither.
"""
