# Warning and sanitizer flags for kgex's own targets; an INTERFACE target so nothing is exported.
add_library(kgex_warnings INTERFACE)
# Designated initializers leave members at their defaults on purpose.
# GCC 12's -Wrestrict misfires on std::string operator+ at -O2 (GCC bug 105329).
target_compile_options(kgex_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
if(KGEX_WARNINGS_AS_ERRORS)
  target_compile_options(kgex_warnings INTERFACE -Werror)
endif()
if(KGEX_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    add_compile_options(-fsanitize-ignorelist=${PROJECT_SOURCE_DIR}/cmake/sanitizer-ignorelist.txt)
  endif()
endif()
# libFuzzer builds (tests/fuzz): coverage instrumentation everywhere; needs clang, and is meant
# to go with KGEX_SANITIZE.
option(KGEX_FUZZ "Build the fuzz targets as libFuzzer binaries (clang only)" OFF)
if(KGEX_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "KGEX_FUZZ needs clang (CXX=clang++): libFuzzer is part of clang")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
