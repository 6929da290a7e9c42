# Writes OUTPUT (version.cpp) from version.cpp.in with the project version and the commit checked
# out in SOURCE_DIR. Run on every build; configure_file leaves OUTPUT untouched when nothing
# changed, so a build after a commit recompiles this one file and relinks, nothing more.
execute_process(COMMAND git rev-parse HEAD WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_VARIABLE ZORGCAP_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET
                RESULT_VARIABLE git_failed)
if(git_failed)
  set(ZORGCAP_GIT_COMMIT "")  # not a git checkout (a source archive)
endif()
set(ZORGCAP_VERSION ${VERSION})
configure_file(${CMAKE_CURRENT_LIST_DIR}/version.cpp.in ${OUTPUT} @ONLY)
