# Readers stage: input handling, plain text and Markdown readers, and the samples they read.
find_package(Threads REQUIRED)
foreach(t test_readers_text test_readers_markdown test_readers_samples readers_plain)
  add_executable(${t} ${CMAKE_CURRENT_SOURCE_DIR}/unit/${t}.c)
  target_link_libraries(${t} PRIVATE sc_readers Threads::Threads)
endforeach()

add_test(NAME readers_text COMMAND test_readers_text)
add_test(NAME readers_markdown COMMAND test_readers_markdown)
add_test(NAME readers_samples COMMAND test_readers_samples ${CMAKE_SOURCE_DIR}/samples)
# The words of every Markdown sample, as our reader sees them, equal pandoc's plain text.
add_test(NAME readers_vs_pandoc
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/readers_vs_pandoc.py
                 $<TARGET_FILE:readers_plain> ${CMAKE_SOURCE_DIR}/samples)
set_tests_properties(readers_text readers_markdown readers_samples readers_vs_pandoc
                     PROPERTIES LABELS "readers")
