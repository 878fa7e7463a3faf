add_test(NAME e2e_install
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/install.sh ${CMAKE_BINARY_DIR}
          ${CMAKE_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/e2e_install)
set_tests_properties(e2e_install PROPERTIES LABELS e2e)
