"""Speed, memory and quality measurements; run one with `python -m benchmarks.<name>`."""
