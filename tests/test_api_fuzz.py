"""schemathesis against our own OpenAPI schema, on the real server: no 500s, responses as documented.

Examples are bounded per operation so the whole file stays within seconds. (schemathesis'
pytest fixture loader does not run under pytest 9, so the operations are driven here.)
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings


def test_every_api_operation_conforms_to_its_schema(server):
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    api_operations = [op for op in operations if op.path.startswith("/api/")]
    assert len(api_operations) >= 6

    for operation in api_operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            case.call_and_validate()

        check()
