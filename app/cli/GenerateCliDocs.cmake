# Runs the freshly linked sessionlens-cli to write the bash and zsh completions and the man
# page (its SYNOPSIS and COMMANDS sections put into the template at @SYNOPSIS@ and
# @COMMANDS@).
file(MAKE_DIRECTORY "${OUT_DIR}")
foreach(shell bash zsh)
  if(shell STREQUAL "bash")
    set(out "${OUT_DIR}/sessionlens-cli.bash")
  else()
    set(out "${OUT_DIR}/_sessionlens-cli")
  endif()
  execute_process(COMMAND "${CLI}" --dump-completion ${shell}
                  OUTPUT_FILE "${out}.tmp" RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "sessionlens-cli --dump-completion ${shell} failed: ${result}")
  endif()
  file(RENAME "${out}.tmp" "${out}")
endforeach()
execute_process(COMMAND "${CLI}" --dump-manpage-synopsis
                OUTPUT_VARIABLE sections RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "sessionlens-cli --dump-manpage-synopsis failed: ${result}")
endif()
# SYNOPSIS goes before the DESCRIPTION, COMMANDS after it.
string(FIND "${sections}" ".SH COMMANDS" split)
if(split LESS 0)
  message(FATAL_ERROR "sessionlens-cli --dump-manpage-synopsis wrote no COMMANDS section")
endif()
string(SUBSTRING "${sections}" 0 ${split} SYNOPSIS)
string(SUBSTRING "${sections}" ${split} -1 COMMANDS)
string(STRIP "${SYNOPSIS}" SYNOPSIS)
string(STRIP "${COMMANDS}" COMMANDS)
configure_file("${TEMPLATE}" "${OUT_DIR}/sessionlens-cli.1" @ONLY)
