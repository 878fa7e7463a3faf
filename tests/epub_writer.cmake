# EPUB writer: a C program builds documents by hand and writes EPUBs (fixture), then a script checks
# them with epubcheck, zipfile and XML parsing.
add_executable(test_epub_writer ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_epub_writer.c)
target_link_libraries(test_epub_writer PRIVATE sc_epub)

set(EPUB_WRITER_OUT ${CMAKE_CURRENT_BINARY_DIR}/epub_writer_out)
add_test(NAME epub_writer_write COMMAND test_epub_writer ${EPUB_WRITER_OUT})
set_tests_properties(epub_writer_write PROPERTIES FIXTURES_SETUP epub_writer_files)

foreach(check epubcheck zip text nav notes meta)
  add_test(NAME epub_writer_${check}
           COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/epub_writer_check.py ${check} ${EPUB_WRITER_OUT})
  set_tests_properties(epub_writer_${check} PROPERTIES FIXTURES_REQUIRED epub_writer_files)
endforeach()

# The samples (and the article saved in NFD), read through the readers and written with the
# default stylesheet: epubcheck, and the text equals the source.
add_executable(test_epub_samples ${CMAKE_CURRENT_SOURCE_DIR}/unit/test_epub_samples.c)
target_link_libraries(test_epub_samples PRIVATE sc_readers sc_epub)
set(EPUB_SAMPLES_OUT ${CMAKE_CURRENT_BINARY_DIR}/epub_samples_out)
set(EPUB_NFD_SAMPLE ${EPUB_SAMPLES_OUT}/nfd/hoi-nghi-dang-bo-khcn-2021-nfd.txt)
file(GLOB EPUB_SAMPLE_INPUTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/samples/*.txt
     ${CMAKE_SOURCE_DIR}/samples/*.md)
list(APPEND EPUB_SAMPLE_INPUTS ${EPUB_NFD_SAMPLE})

add_test(NAME epub_writer_samples_nfd
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/epub_writer_check.py nfd
                 ${CMAKE_SOURCE_DIR}/samples/hoi-nghi-dang-bo-khcn-2021.txt ${EPUB_NFD_SAMPLE})
set_tests_properties(epub_writer_samples_nfd PROPERTIES FIXTURES_SETUP epub_writer_nfd)
add_test(NAME epub_writer_samples_write
         COMMAND test_epub_samples ${EPUB_SAMPLES_OUT} ${CMAKE_SOURCE_DIR}/styles/default.css
                 ${EPUB_SAMPLE_INPUTS})
set_tests_properties(epub_writer_samples_write PROPERTIES FIXTURES_REQUIRED epub_writer_nfd
                     FIXTURES_SETUP epub_writer_samples)
add_test(NAME epub_writer_samples_check
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/epub_writer_check.py samples
                 ${EPUB_SAMPLES_OUT} ${EPUB_SAMPLE_INPUTS})
set_tests_properties(epub_writer_samples_check PROPERTIES FIXTURES_REQUIRED epub_writer_samples)
