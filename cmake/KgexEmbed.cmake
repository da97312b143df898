# kgex_embed_files(OUT BASE FILE...): compiles FILEs into the library as
# kgex::embedded::files(), keyed by their path relative to BASE. The built-in
# rule pack and the schemas travel inside the binary, so start-up reads no file.
function(kgex_embed_files out base)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DBASE=${base} "-DFILES=${ARGN}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARGN} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding rule packs and schemas"
    VERBATIM)
endfunction()
