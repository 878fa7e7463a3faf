# End-to-end tests: scripts in tests/e2e/ run the real `sapchu` binary and check its real outputs
# with real tools (qpdf, pdffonts, pdfinfo, pdftotext, mutool, hb-shape, pandoc, epubcheck).
# /usr/bin/python3 on purpose: the scripts use Debian's python3-pdfminer, which another python3
# first on PATH may lack. Each test writes into its own folder under build/tests/e2e/.
set(SAPCHU_E2E_PYTHON /usr/bin/python3 CACHE FILEPATH "Python with Debian's python3-pdfminer, for the e2e tests")
set(e2e_dir ${CMAKE_CURRENT_BINARY_DIR}/e2e)

function(sapchu_e2e_test name script)
  add_test(NAME ${name}
    COMMAND ${SAPCHU_E2E_PYTHON} -B ${CMAKE_CURRENT_SOURCE_DIR}/e2e/${script}
            --sapchu $<TARGET_FILE:sapchu> --src ${CMAKE_SOURCE_DIR}
            --work ${e2e_dir}/${name} --samples ${e2e_dir}/e2e_samples_convert)
  set_tests_properties(${name} PROPERTIES LABELS e2e TIMEOUT 150 ${ARGN})
endfunction()

# Converts every sample once (fixed SOURCE_DATE_EPOCH); the checks below read those outputs.
sapchu_e2e_test(e2e_samples_convert samples_convert.py FIXTURES_SETUP e2e_samples)
sapchu_e2e_test(e2e_pdf_structure   pdf_structure.py   FIXTURES_REQUIRED e2e_samples)
sapchu_e2e_test(e2e_text_article    text_article.py    FIXTURES_REQUIRED e2e_samples)
sapchu_e2e_test(e2e_text_markdown   text_markdown.py   FIXTURES_REQUIRED e2e_samples)
sapchu_e2e_test(e2e_glyphs          glyphs.py          FIXTURES_REQUIRED e2e_samples)
sapchu_e2e_test(e2e_epub            epub.py            FIXTURES_REQUIRED e2e_samples)
sapchu_e2e_test(e2e_pagination      pagination.py      FIXTURES_REQUIRED e2e_samples)
# These make their own outputs.
sapchu_e2e_test(e2e_nfd             nfd.py)
sapchu_e2e_test(e2e_input_variants  variants.py)
sapchu_e2e_test(e2e_text_clusters   clusters.py)
sapchu_e2e_test(e2e_markdown_blocks blocks.py)
sapchu_e2e_test(e2e_bad_input       bad_input.py)
sapchu_e2e_test(e2e_missing_glyphs  missing_glyphs.py)
sapchu_e2e_test(e2e_batch           batch.py)
sapchu_e2e_test(e2e_reproducible    reproducible.py)
sapchu_e2e_test(e2e_stdio           stdio.py)
sapchu_e2e_test(e2e_options         options.py)
