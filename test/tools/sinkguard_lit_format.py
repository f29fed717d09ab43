"""lit's ShTest, with the suite's roots set back to paths without spaces.

lit resolves symbolic links in a suite's roots when it finds the suite, and
substitutes %s, %S and %t without quoting; test/lit.cfg.py runs a clone at
a path with spaces or non-ASCII characters through space-free symbolic
links, and this format puts them back before each test. (A module of its
own: lit pickles the format for its worker processes.)
"""

import lit.formats


class AliasedShTest(lit.formats.ShTest):
    def __init__(self, roots):
        super().__init__(execute_external=False)
        self.roots = roots

    def execute(self, test, litConfig):
        if self.roots:
            test.suite.source_root, test.suite.exec_root = self.roots
        return super().execute(test, litConfig)
