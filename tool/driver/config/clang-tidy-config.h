// Debian's libclang-22-dev ships ClangTidyForceLinker.h but not the
// clang-tidy-config.h it includes. These values match Debian's clang-tidy,
// which has the Static Analyzer checks and the query-based custom checks.
#ifndef SINKGUARD_CLANG_TIDY_CONFIG_H
#define SINKGUARD_CLANG_TIDY_CONFIG_H
#define CLANG_TIDY_ENABLE_STATIC_ANALYZER 1
#define CLANG_TIDY_ENABLE_QUERY_BASED_CUSTOM_CHECKS 1
#endif
