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
endif()
