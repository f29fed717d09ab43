"""lit's GoogleTest format for sinkguard's unit tests (test/unit), strict
about which binaries there are.

lit's GoogleTest runs every executable ending in "Tests" that it finds in
the suite's directory, so a binary that the build did not make would be
missed without a word. This format is told the binaries the build makes
(CMake's list, through lit.site.cfg.py): each one that is missing is a
failing test. When the build was configured without googletest there is no
binary, and one test says so, UNSUPPORTED. (A module of its own: lit
pickles the format for its worker processes.)
"""

import os

import lit.formats
import lit.Test

# The last name of the tests this format makes up.
NOT_BUILT = "not-built"
NO_GTEST = "googletest-not-found"


class SinkguardGoogleTest(lit.formats.GoogleTest):
    def __init__(self, binaries, have_gtest):
        super().__init__(".", "Tests")
        self.binaries = list(binaries)
        self.have_gtest = have_gtest

    def getTestsInDirectory(self, testSuite, path_in_suite, litConfig,
                            localConfig):
        # The binaries are at the top of the suite; CMake's folders below.
        if path_in_suite:
            return
        if not self.have_gtest:
            yield lit.Test.Test(testSuite, (NO_GTEST,), localConfig)
            return
        yield from super().getTestsInDirectory(testSuite, path_in_suite,
                                               litConfig, localConfig)
        directory = testSuite.getSourcePath(path_in_suite)
        for name in self.binaries:
            if not os.path.isfile(os.path.join(directory, name)):
                yield lit.Test.Test(testSuite, (name, NOT_BUILT), localConfig)

    def execute(self, test, litConfig):
        if test.path_in_suite == (NO_GTEST,):
            return (lit.Test.UNSUPPORTED,
                    "googletest was not found when the build was configured: "
                    "install libgtest-dev (scripts/install-deps.sh does) and "
                    "configure again")
        if test.path_in_suite[-1] == NOT_BUILT:
            binary = test.path_in_suite[0]
            return (lit.Test.FAIL,
                    "%s is not in %s: build it (ninja -C %s %s)"
                    % (binary, test.suite.exec_root,
                       os.path.dirname(test.suite.exec_root), binary))
        return super().execute(test, litConfig)
