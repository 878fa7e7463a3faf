# Style stage unit tests: CSS tokenizer, parser and error recovery, selectors and the cascade,
# @page setup, the bundled default.css; issue 3's selectors, properties, generated content,
# inline styles, margin boxes, @font-face and serializing.
foreach(t test_style_tokenizer test_style_parser test_style_cascade test_style_page
          test_style_selectors test_style_paged)
  add_executable(${t} ${CMAKE_CURRENT_SOURCE_DIR}/unit/${t}.c)
  target_link_libraries(${t} PRIVATE sc_style)
endforeach()
add_test(NAME style_tokenizer COMMAND test_style_tokenizer)
add_test(NAME style_parser COMMAND test_style_parser ${CMAKE_SOURCE_DIR}/styles/default.css)
add_test(NAME style_cascade COMMAND test_style_cascade)
add_test(NAME style_page COMMAND test_style_page)
add_test(NAME style_selectors COMMAND test_style_selectors)
add_test(NAME style_paged COMMAND test_style_paged)

# End to end: a broken stylesheet through the CLI (warnings with positions, -v notes).
if(COMMAND sapchu_e2e_test)
  sapchu_e2e_test(e2e_style_sheet_errors style_sheet_errors.py)
endif()
