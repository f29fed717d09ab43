# Finds Debian's LLVM/Clang 22 through their CMake packages and sets up the
# compile flags every sinkguard target shares. Fails at configure time, with a
# message that says what to install, when LLVM 22 is missing.

set(SINKGUARD_LLVM_ROOT "/usr/lib/llvm-${SINKGUARD_LLVM_MAJOR}" CACHE PATH
    "Prefix of the LLVM/Clang ${SINKGUARD_LLVM_MAJOR} installation")
list(APPEND CMAKE_PREFIX_PATH "${SINKGUARD_LLVM_ROOT}")

set(_sinkguard_install_hint
    "Install it with scripts/install-deps.sh (Debian/Ubuntu: llvm-${SINKGUARD_LLVM_MAJOR}-dev libclang-${SINKGUARD_LLVM_MAJOR}-dev clang-tidy-${SINKGUARD_LLVM_MAJOR} clangd-${SINKGUARD_LLVM_MAJOR} llvm-${SINKGUARD_LLVM_MAJOR}-tools libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc), or point -DSINKGUARD_LLVM_ROOT at another LLVM ${SINKGUARD_LLVM_MAJOR} prefix.")

find_package(LLVM CONFIG QUIET
             HINTS "${SINKGUARD_LLVM_ROOT}/lib/cmake/llvm" NO_DEFAULT_PATH)
if(NOT LLVM_FOUND OR NOT LLVM_VERSION_MAJOR EQUAL SINKGUARD_LLVM_MAJOR)
  message(FATAL_ERROR
    "sinkguard needs LLVM ${SINKGUARD_LLVM_MAJOR}, which was not found under ${SINKGUARD_LLVM_ROOT}. ${_sinkguard_install_hint}")
endif()

# Debian's clangd-22 CMake targets name gRPC and protobuf in their link
# interface; ClangConfig.cmake fails without these targets defined.
find_package(Protobuf QUIET)
find_package(gRPC CONFIG QUIET)
if(NOT Protobuf_FOUND OR NOT gRPC_FOUND)
  message(FATAL_ERROR
    "sinkguard needs gRPC and protobuf development files for Debian's clangd ${SINKGUARD_LLVM_MAJOR} libraries (libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc). ${_sinkguard_install_hint}")
endif()

find_package(Clang CONFIG QUIET
             HINTS "${SINKGUARD_LLVM_ROOT}/lib/cmake/clang" NO_DEFAULT_PATH)
if(NOT Clang_FOUND OR NOT TARGET clangTidy OR NOT TARGET clangdMain)
  message(FATAL_ERROR
    "sinkguard needs Clang ${SINKGUARD_LLVM_MAJOR} with the clang-tidy and clangd libraries, which were not found under ${SINKGUARD_LLVM_ROOT}. ${_sinkguard_install_hint}")
endif()

message(STATUS "sinkguard: LLVM ${LLVM_PACKAGE_VERSION} at ${LLVM_INSTALL_PREFIX}")

set(SINKGUARD_CLANG_RESOURCE_DIR
    "${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR}" CACHE PATH
    "Clang resource directory the sinkguard binaries fall back to")
set(SINKGUARD_CLANG_TIDY "${LLVM_TOOLS_BINARY_DIR}/clang-tidy")

# Flags every target shares, taken from LLVMConfig rather than hard-coded.
add_library(sinkguard_llvm_flags INTERFACE)
separate_arguments(_sinkguard_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_options(sinkguard_llvm_flags INTERFACE ${_sinkguard_llvm_defs})
target_include_directories(sinkguard_llvm_flags SYSTEM INTERFACE
                           ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(sinkguard_llvm_flags INTERFACE -fno-rtti)
endif()
if(NOT LLVM_ENABLE_EH)
  target_compile_options(sinkguard_llvm_flags INTERFACE -fno-exceptions)
endif()
target_compile_options(sinkguard_llvm_flags INTERFACE
                       -Wall -Wextra -Wno-unused-parameter)
