# chc_embed_files(<target> OUTPUT <file.cpp> FILES name=path ...)
# Generates a C++ source holding each file as a byte array
# (chc::embedded::<name> and chc::embedded::<name>_size), rebuilt when a file changes.
function(chc_embed_files target)
  cmake_parse_arguments(ARG "" "OUTPUT" "FILES" ${ARGN})
  set(deps)
  foreach(spec IN LISTS ARG_FILES)
    string(REGEX REPLACE "^[^=]*=" "" path "${spec}")
    list(APPEND deps "${path}")
  endforeach()
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${ARG_OUTPUT}" "-DFILES=${files_arg}"
            -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_script.cmake"
    DEPENDS ${deps} "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_script.cmake"
    COMMENT "Embedding data files into ${ARG_OUTPUT}"
    VERBATIM)
  add_custom_target(${target} DEPENDS "${ARG_OUTPUT}")
endfunction()
