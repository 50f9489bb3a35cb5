# SPDX-License-Identifier: MIT
# cmake -DCHC=<the chc command> -DOUTPUT=<file> -P man.cmake: writes `chc help --man` to OUTPUT,
# whole or not at all.
get_filename_component(_dir "${OUTPUT}" DIRECTORY)
file(MAKE_DIRECTORY "${_dir}")
execute_process(COMMAND "${CHC}" help --man OUTPUT_FILE "${OUTPUT}.partial" RESULT_VARIABLE _status)
if(NOT _status EQUAL 0)
  file(REMOVE "${OUTPUT}.partial")
  message(FATAL_ERROR "'${CHC} help --man' failed: ${_status}")
endif()
file(RENAME "${OUTPUT}.partial" "${OUTPUT}")
