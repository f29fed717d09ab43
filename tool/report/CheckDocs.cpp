//===--- CheckDocs.cpp ----------------------------------------------------===//

#include "CheckDocs.h"

namespace sinkguard::report {

namespace {
struct Page {
  const char *Id;
  const char *Markdown;
};

const Page Pages[] = {
#include "CheckDocs.inc"
    {nullptr, nullptr},
};
} // namespace

llvm::StringRef checkDocsMarkdown(llvm::StringRef CheckId) {
  for (const Page &P : Pages)
    if (P.Id && CheckId == P.Id)
      return P.Markdown;
  return {};
}

} // namespace sinkguard::report
