//===--- Facts.cpp --------------------------------------------------------===//

#include "Facts.h"

namespace sinkguard::engine {

namespace {
thread_local FactsCollector *Current = nullptr;
} // namespace

FactsCollector::~FactsCollector() = default;

FactsCollector *currentFactsCollector() { return Current; }

FactsCollectorScope::FactsCollectorScope(FactsCollector *C)
    : Previous(Current) {
  Current = C;
}

FactsCollectorScope::~FactsCollectorScope() { Current = Previous; }

} // namespace sinkguard::engine
