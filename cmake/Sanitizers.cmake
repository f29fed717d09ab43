# SINKGUARD_SANITIZE builds every target with Clang's sanitizers, and
# SINKGUARD_FUZZ adds the libFuzzer targets of fuzz/ (docs/fuzzing.md).
#
#   -DSINKGUARD_SANITIZE="address;undefined"   (ON means the same)
#   -DSINKGUARD_SANITIZE=address               (or undefined alone)
#   -DSINKGUARD_FUZZ=ON                        (default: ON with address)
#
# UBSan stops at the first error (-fno-sanitize-recover=all), so that any
# undefined behaviour fails the test that ran into it. The LLVM and Clang
# libraries we link are not instrumented: errors inside them are not found,
# errors in our code that they call are.

set(SINKGUARD_SANITIZE "" CACHE STRING
    "Sanitizers for every target: a list of address and undefined, ON for both, or empty")

if(SINKGUARD_SANITIZE MATCHES "^(ON|On|on|TRUE|True|true|YES|Yes|yes|1)$")
  set(SINKGUARD_SANITIZERS address undefined)
elseif(SINKGUARD_SANITIZE MATCHES "^(|OFF|Off|off|FALSE|False|false|NO|No|no|0)$")
  set(SINKGUARD_SANITIZERS "")
else()
  set(SINKGUARD_SANITIZERS ${SINKGUARD_SANITIZE})
  foreach(_sanitizer IN LISTS SINKGUARD_SANITIZERS)
    if(NOT _sanitizer MATCHES "^(address|undefined)$")
      message(FATAL_ERROR
        "SINKGUARD_SANITIZE: unknown sanitizer '${_sanitizer}' (supported: address, undefined, or ON for both)")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES SINKGUARD_SANITIZERS)
endif()

if(address IN_LIST SINKGUARD_SANITIZERS)
  set(_sinkguard_fuzz_default ON)
else()
  set(_sinkguard_fuzz_default OFF)
endif()
option(SINKGUARD_FUZZ "Build the libFuzzer targets of fuzz/ (needs the address sanitizer)"
       ${_sinkguard_fuzz_default})
if(SINKGUARD_FUZZ AND NOT address IN_LIST SINKGUARD_SANITIZERS)
  # A fuzzer without ASan finds only the crashes that kill the process.
  list(APPEND SINKGUARD_SANITIZERS address)
endif()

if(SINKGUARD_SANITIZERS)
  list(JOIN SINKGUARD_SANITIZERS "," _sinkguard_sanitize_flag)
  message(STATUS "sinkguard: sanitizers ${_sinkguard_sanitize_flag}")
  # Line tables only: readable stacks at a fraction of full debug info's
  # build time.
  add_compile_options(-fsanitize=${_sinkguard_sanitize_flag}
                      -fno-omit-frame-pointer -gline-tables-only)
  add_link_options(-fsanitize=${_sinkguard_sanitize_flag})
  if(undefined IN_LIST SINKGUARD_SANITIZERS)
    add_compile_options(-fno-sanitize-recover=all)
  endif()
endif()

if(SINKGUARD_FUZZ)
  # Coverage feedback for libFuzzer from all of sinkguard's code, not only
  # the fuzz targets; the targets themselves link -fsanitize=fuzzer.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# The sanitizer runtime as a shared library: stock clang-tidy is not built
# with sanitizers, so a sanitized plugin loads into it only with the runtime
# preloaded (test/lit.cfg.py does so). ASan's includes UBSan's handlers.
set(SINKGUARD_SANITIZER_RUNTIME "")
if(address IN_LIST SINKGUARD_SANITIZERS)
  set(_sinkguard_runtime asan)
elseif(undefined IN_LIST SINKGUARD_SANITIZERS)
  set(_sinkguard_runtime ubsan_standalone)
endif()
if(SINKGUARD_SANITIZERS)
  execute_process(
    COMMAND "${CMAKE_CXX_COMPILER}"
            -print-file-name=libclang_rt.${_sinkguard_runtime}-${CMAKE_SYSTEM_PROCESSOR}.so
    OUTPUT_VARIABLE SINKGUARD_SANITIZER_RUNTIME OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT EXISTS "${SINKGUARD_SANITIZER_RUNTIME}")
    message(FATAL_ERROR
      "SINKGUARD_SANITIZE: the ${_sinkguard_runtime} runtime of ${CMAKE_CXX_COMPILER} was not found; install libclang-rt-${SINKGUARD_LLVM_MAJOR}-dev (scripts/install-deps.sh)")
  endif()
endif()
