from django.apps import AppConfig


class BenchmarkConfig(AppConfig):
    """`manage.py benchmark`: server time and queries per request at county volumes.

    No models; only a management command, which refuses every database but a
    dedicated benchmark database (see management/commands/benchmark.py).
    """

    name = "website.benchmark"
    label = "benchmark"
    verbose_name = "Benchmark"
