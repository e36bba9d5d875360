/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the diary reader: any bytes are refused with a
 * message or read into valid entries, never a crash, hang or leak.
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
 *   ninja -C build-fuzz tests/fuzz/fuzz-document
 *   ASAN_OPTIONS=handle_sigtrap=1 build-fuzz/tests/fuzz/fuzz-document tests/fixtures
 */
#include "config.h"

#include "lumbar-document.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LumbarDocument) doc = NULL;

  /* libFuzzer ignores GLib's SIGTRAP; make criticals abort instead. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  doc = lumbar_document_parse ((const char *) data, size, LUMBAR_PARSE_ALLOW_NEWER, &error);
  g_assert ((doc == NULL) != (error == NULL));
  if (doc)
    {
      g_autoptr(GBytes) bytes = lumbar_document_to_bytes (doc);
      g_autoptr(LumbarDocument) again = NULL;

      /* What was read writes back into a document that reads the same. */
      again = lumbar_document_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     LUMBAR_PARSE_ALLOW_NEWER, NULL);
      g_assert (again != NULL);
      g_assert (again->entries->len == doc->entries->len);
      for (guint i = 0; i < doc->entries->len; i++)
        g_assert (lumbar_entry_equal (g_ptr_array_index (doc->entries, i),
                                      g_ptr_array_index (again->entries, i)));
    }
  return 0;
}
