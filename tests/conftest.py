import os

from hypothesis import HealthCheck, settings

# CI draws the same examples on every run (derandomize): a red CI run is reproducible and never
# depends on luck; local runs ("dev") draw fresh examples each time and so keep exploring.
settings.register_profile(
    "ci", max_examples=60, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))
