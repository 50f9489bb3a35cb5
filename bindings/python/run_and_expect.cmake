# SPDX-License-Identifier: MIT
# cmake -DCOMMAND="prog|arg|..." -DEXPECT="line|line|..." -P run_and_expect.cmake
# Passes when COMMAND exits 0 and prints every EXPECT line; ctest's PASS_REGULAR_EXPRESSION alone would
# ignore the exit code.
string(REPLACE "|" ";" command "${COMMAND}")
string(REPLACE "|" ";" expected_lines "${EXPECT}")
execute_process(COMMAND ${command} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
message("${output}${errors}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "exited with ${result}")
endif()
foreach(line IN LISTS expected_lines)
  string(FIND "${output}" "${line}\n" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "the output lacks the line: ${line}")
  endif()
endforeach()
