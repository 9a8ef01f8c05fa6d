"""The benchmark's reading of wrk's report (the rest of `make bench` runs against a live server)."""

from bench.run import parse_wrk

REPORT = """Running 10s test @ http://127.0.0.1:40123/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    41.20ms   12.31ms 180.02ms   71.20%
    Req/Sec    97.51     20.11   151.00     68.00%
  Latency Distribution
     50%   38.77ms
     75%   46.10ms
     90%   57.93ms
     99%    1.02s
  1950 requests in 10.01s, 21.40MB read
  Socket errors: connect 0, read 0, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:    194.81
Transfer/sec:      2.14MB
"""


def test_it_reads_throughput_latency_percentiles_and_failures():
    assert parse_wrk(REPORT) == {
        "requests_per_second": 194.81,
        "p50_ms": 38.77,
        "p99_ms": 1020.0,
        "errors": 5,
    }


def test_a_clean_run_has_no_failures():
    clean = "\n".join(
        line for line in REPORT.splitlines() if "errors" not in line and "Non-2xx" not in line
    )
    assert parse_wrk(clean)["errors"] == 0
