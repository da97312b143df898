# Warning and sanitizer flags for kgex's own targets; an INTERFACE target so nothing is exported.
add_library(kgex_warnings INTERFACE)
# Designated initializers leave members at their defaults on purpose.
target_compile_options(kgex_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(KGEX_WARNINGS_AS_ERRORS)
  target_compile_options(kgex_warnings INTERFACE -Werror)
endif()
if(KGEX_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
