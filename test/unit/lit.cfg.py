# -*- Python -*-
# lit configuration for sinkguard's unit tests (unittests/), as Clang's
# test/Unit runs its unittests: each gtest binary of build/unittests is run
# in shards and every case is reported as a test of its own
# ("sinkguard-unit ::
# ./SinkguardEngineTests/Join/TaintOnOneArmReachesTheSink").
# The suite sits inside test/, so `lit build/test` runs it too; run it alone
# with `lit build/test/unit`.

import os
import sys

sys.path.insert(0, os.path.join(config.sinkguard_src_root, "test", "tools"))
from sinkguard_gtest_format import SinkguardGoogleTest  # noqa: E402
from sinkguard_sanitizers import apply_sanitizers  # noqa: E402

config.name = "sinkguard-unit"
binaries = [b for b in config.sinkguard_unittests.split(";") if b]
# googletest was found when the build was configured (the binaries exist).
if binaries:
    config.available_features.add("gtest")
config.test_format = SinkguardGoogleTest(
    binaries, "gtest" in config.available_features)
config.test_source_root = config.sinkguard_unittests_dir
config.test_exec_root = config.sinkguard_unittests_dir

# The sanitizer build runs the binaries under the same options as the rest
# of the suite.
apply_sanitizers(config, config.sanitizers)
