# Legacy Vietnamese encodings, their detection, legacy fonts in documents and input format
# sniffing (readers stage): a unit test, a small tool the e2e tests use, and two e2e tests.
find_package(Threads REQUIRED)
foreach(t test_encoding encoding_tool)
  add_executable(${t} ${CMAKE_CURRENT_SOURCE_DIR}/unit/${t}.c)
  target_link_libraries(${t} PRIVATE sc_readers Threads::Threads)
endforeach()
add_test(NAME readers_encoding COMMAND test_encoding)
set_tests_properties(readers_encoding PROPERTIES LABELS "readers")

foreach(name encodings_article encodings_negative)
  add_test(NAME e2e_${name}
    COMMAND /usr/bin/python3 -B ${CMAKE_CURRENT_SOURCE_DIR}/e2e/${name}.py
            --sapchu $<TARGET_FILE:sapchu> --src ${CMAKE_SOURCE_DIR}
            --work ${CMAKE_CURRENT_BINARY_DIR}/e2e/e2e_${name})
  set_tests_properties(e2e_${name} PROPERTIES LABELS e2e TIMEOUT 150
                       ENVIRONMENT "SAPCHU_ENCODING_TOOL=$<TARGET_FILE:encoding_tool>")
endforeach()
