# SPDX-License-Identifier: MIT
# chc_embed_files(<target> OUTPUT <file.cpp> FILES name=path ...)
# Generates a C++ source holding each file's bytes and a header declaring
# std::string_view chc::embedded::<name>(), rebuilt when a file changes.
function(chc_embed_files target)
  cmake_parse_arguments(ARG "" "OUTPUT" "FILES" ${ARGN})
  set(deps)
  foreach(spec IN LISTS ARG_FILES)
    string(REGEX REPLACE "^[^=]*=" "" path "${spec}")
    list(APPEND deps "${path}")
  endforeach()
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  string(REGEX REPLACE "\\.cpp$" ".hpp" header "${ARG_OUTPUT}")
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}" "${header}"
    COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${ARG_OUTPUT}" "-DFILES=${files_arg}"
            -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_script.cmake"
    DEPENDS ${deps} "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_script.cmake"
    COMMENT "Embedding data files into ${ARG_OUTPUT}"
    VERBATIM)
  add_custom_target(${target} DEPENDS "${ARG_OUTPUT}")
endfunction()
