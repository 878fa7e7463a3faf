# Style stage unit tests: CSS tokenizer, parser and error recovery, selectors and the cascade,
# @page setup, and the bundled default.css.
foreach(t test_style_tokenizer test_style_parser test_style_cascade test_style_page)
  add_executable(${t} ${CMAKE_CURRENT_SOURCE_DIR}/unit/${t}.c)
  target_link_libraries(${t} PRIVATE sc_style)
endforeach()
add_test(NAME style_tokenizer COMMAND test_style_tokenizer)
add_test(NAME style_parser COMMAND test_style_parser ${CMAKE_SOURCE_DIR}/styles/default.css)
add_test(NAME style_cascade COMMAND test_style_cascade)
add_test(NAME style_page COMMAND test_style_page)
