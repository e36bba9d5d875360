/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lumbar-document"
/* O_CLOEXEC under -std=c11 */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lumbar-document.h"
#include "lumbar-error.h"

/* ---------------------------------------------------------------------------
 * The syntax check. json-glib 1.6 recurses without a limit and is lenient
 * in places, so every document goes through this strict RFC 8259 scan first:
 * it reports the line and column of the first problem and enforces the depth
 * and entry-count limits before any tree is built.
 * ------------------------------------------------------------------------- */

typedef struct {
  const char *data;
  const char *end;
  const char *p;
  const char *line_start;
  guint       line;
  guint       n_entries;
  GArray     *root_arrays;  /* (nullable): where each array that is a member of the root ends */
  GError    **error;
} Scanner;

/* The 1-based column of @at in the line starting at @line_start, counted
 * in characters, not bytes: UTF-8 continuation bytes are skipped. */
static guint
column_of (const char *line_start,
           const char *at)
{
  guint column = 1;

  for (const char *q = line_start; q < at; q++)
    if (((guchar) *q & 0xC0) != 0x80)
      column++;
  return column;
}

static guint
scanner_column (Scanner *s)
{
  return column_of (s->line_start, MIN (s->p, s->end));
}

G_GNUC_PRINTF (3, 4)
static gboolean
scanner_fail (Scanner    *s,
              LumbarError code,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_propagate_error (s->error, lumbar_error_new_at (code, s->line, scanner_column (s), message));
  return FALSE;
}

static gboolean
scanner_unexpected (Scanner *s)
{
  if (s->p >= s->end)
    return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("unexpected end of file"));
  if ((guchar) *s->p < 0x20)
    return scanner_fail (s, LUMBAR_ERROR_PARSE, _("unexpected control character (code %d)"), *s->p);

  return scanner_fail (s, LUMBAR_ERROR_PARSE, _("unexpected character “%.*s”"),
                       (int) (g_utf8_next_char (s->p) - s->p), s->p);
}

static void
scanner_skip_space (Scanner *s)
{
  while (s->p < s->end)
    {
      /* Nothing above ' ' is space: most calls stop at once. */
      if ((guchar) *s->p > ' ')
        return;
      switch (*s->p)
        {
        case '\n':
          s->line++;
          s->line_start = s->p + 1;
          G_GNUC_FALLTHROUGH;
        case ' ':
        case '\t':
        case '\r':
          s->p++;
          break;
        default:
          return;
        }
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
scan_hex4 (Scanner *s,
           guint   *value)
{
  *value = 0;
  if (s->end - s->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int v = hex_value (s->p[i]);

      if (v < 0)
        return FALSE;
      *value = (*value << 4) | (guint) v;
    }
  s->p += 4;
  return TRUE;
}

#define BYTES_01 G_GUINT64_CONSTANT (0x0101010101010101)
#define BYTES_80 G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether any of the 8 bytes at @p is a quote, a backslash or a control
 * character, so that the plain text of a string is skipped 8 bytes at a
 * time. (x - 0x01…) & ~x & 0x80… is non-zero exactly when a byte of x is
 * zero, (x - 0x20…) & ~x & 0x80… when one is below 0x20. */
static gboolean
has_special_byte (const char *p)
{
  guint64 w, quote, backslash;

  memcpy (&w, p, sizeof w);
  quote = w ^ (BYTES_01 * '"');
  backslash = w ^ (BYTES_01 * '\\');
  return ((((quote - BYTES_01) & ~quote) |
           ((backslash - BYTES_01) & ~backslash) |
           ((w - BYTES_01 * 0x20) & ~w)) & BYTES_80) != 0;
}

static gboolean
is_plain_byte (char c)
{
  return (guchar) c >= 0x20 && c != '"' && c != '\\';
}

/* The first quote, backslash or control character from @p on, or @end.
 * Most strings (member names, kinds) end within 8 bytes: those are looked
 * at byte by byte, longer text 8 bytes at a time. */
static const char *
skip_plain (const char *p,
            const char *end)
{
  const char *first = p + MIN (end - p, 8);

  while (p < first && is_plain_byte (*p))
    p++;
  if (p < first)
    return p;
  while (end - p >= 8 && !has_special_byte (p))
    p += 8;
  while (p < end && is_plain_byte (*p))
    p++;
  return p;
}

static gboolean
scan_string (Scanner *s)
{
  s->p++; /* the opening quote */

  for (;;)
    {
      guchar c;

      s->p = skip_plain (s->p, s->end);
      if (s->p >= s->end)
        break;

      /* A quote, a control character or an escape. */
      c = (guchar) *s->p;
      if (c == '"')
        {
          s->p++;
          return TRUE;
        }
      if (c < 0x20)
        return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s",
                             c == '\n' ? _("line break inside a string (write it as \\n)")
                                       : _("control character inside a string"));
      if (c == '\\')
        {
          const char *escape = s->p;

          s->p++;
          if (s->p >= s->end)
            break;
          switch (*s->p)
            {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
              s->p++;
              break;
            case 'u':
              {
                guint u, low;

                s->p++;
                if (!scan_hex4 (s, &u))
                  {
                    s->p = escape;
                    return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("invalid \\u escape in a string"));
                  }
                if (u >= 0xDC00 && u <= 0xDFFF)
                  {
                    s->p = escape;
                    return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("unpaired surrogate in a \\u escape"));
                  }
                if (u >= 0xD800 && u <= 0xDBFF)
                  {
                    if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u')
                      {
                        s->p = escape;
                        return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("unpaired surrogate in a \\u escape"));
                      }
                    s->p += 2;
                    if (!scan_hex4 (s, &low) || low < 0xDC00 || low > 0xDFFF)
                      {
                        s->p = escape;
                        return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("unpaired surrogate in a \\u escape"));
                      }
                  }
                else if (u == 0)
                  {
                    s->p = escape;
                    return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("a string contains a NUL character"));
                  }
              }
              break;
            default:
              s->p = escape;
              return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("invalid escape in a string"));
            }
        }
    }

  return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("unterminated string"));
}

static gboolean
scan_number (Scanner *s)
{
  const char *start = s->p;

  if (*s->p == '-')
    s->p++;
  if (s->p >= s->end || !g_ascii_isdigit (*s->p))
    {
      s->p = start;
      return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("invalid number"));
    }
  if (*s->p == '0')
    s->p++;
  else
    while (s->p < s->end && g_ascii_isdigit (*s->p))
      s->p++;
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        {
          s->p = start;
          return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("invalid number"));
        }
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        {
          s->p = start;
          return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("invalid number"));
        }
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }
  if (s->p < s->end && (g_ascii_isalnum (*s->p) || *s->p == '.'))
    {
      s->p = start;
      return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("invalid number"));
    }
  return TRUE;
}

static gboolean
scan_literal (Scanner    *s,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return scanner_unexpected (s);
  s->p += len;
  return TRUE;
}

static gboolean scan_value (Scanner *s, guint depth);

static gboolean
scan_container (Scanner *s,
                guint    depth)
{
  gboolean is_object = *s->p == '{';
  char close = is_object ? '}' : ']';
  gboolean first = TRUE;

  if (depth > LUMBAR_MAX_DEPTH)
    return scanner_fail (s, LUMBAR_ERROR_TOO_LARGE,
                         _("nesting is deeper than %d levels"), LUMBAR_MAX_DEPTH);

  s->p++;
  for (;;)
    {
      scanner_skip_space (s);
      if (s->p >= s->end)
        return scanner_unexpected (s);

      if (*s->p == close && first)
        {
          s->p++;
          return TRUE;
        }

      if (!first)
        {
          if (*s->p == close)
            {
              s->p++;
              return TRUE;
            }
          if (*s->p != ',')
            return is_object ? scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("expected “,” or “}”"))
                             : scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("expected “,” or “]”"));
          s->p++;
          scanner_skip_space (s);
          if (s->p < s->end && *s->p == close)
            return scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("trailing comma"));
        }
      first = FALSE;

      if (is_object)
        {
          if (s->p >= s->end || *s->p != '"')
            return s->p < s->end ? scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("expected a member name in double quotes"))
                                 : scanner_unexpected (s);
          if (!scan_string (s))
            return FALSE;
          scanner_skip_space (s);
          if (s->p >= s->end || *s->p != ':')
            return s->p < s->end ? scanner_fail (s, LUMBAR_ERROR_PARSE, "%s", _("expected “:”"))
                                 : scanner_unexpected (s);
          s->p++;
        }
      else if (depth == 2 && ++s->n_entries > LUMBAR_MAX_ENTRIES)
        {
          return scanner_fail (s, LUMBAR_ERROR_TOO_LARGE,
                               _("more than %d entries"), LUMBAR_MAX_ENTRIES);
        }

      if (is_object && depth == 1 && s->root_arrays != NULL)
        {
          gboolean is_array;

          scanner_skip_space (s);
          is_array = s->p < s->end && *s->p == '[';
          if (!scan_value (s, depth))
            return FALSE;
          if (is_array)
            g_array_append_val (s->root_arrays, s->p);
          continue;
        }

      if (!scan_value (s, depth))
        return FALSE;
    }
}

static gboolean
scan_value (Scanner *s,
            guint    depth)
{
  scanner_skip_space (s);
  if (s->p >= s->end)
    return scanner_unexpected (s);

  switch (*s->p)
    {
    case '{':
    case '[':
      return scan_container (s, depth + 1);
    case '"':
      return scan_string (s);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    default:
      if (*s->p == '-' || g_ascii_isdigit (*s->p))
        return scan_number (s);
      return scanner_unexpected (s);
    }
}

static void
locate (const char *data,
        const char *at,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *q = data; q < at; q++)
    if (*q == '\n')
      {
        (*line)++;
        line_start = q + 1;
      }
  *column = column_of (line_start, at);
}

/* g_utf8_validate_len() run over the non-ASCII stretches only, the rest
 * checked 8 bytes at a time for NUL: a diary is mostly ASCII. A multi-byte
 * sequence never holds an ASCII byte, so the first invalid byte found is
 * the same. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **invalid)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      const char *run;

      while (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, sizeof w);
          if (((w | ((w - BYTES_01) & ~w)) & BYTES_80) != 0)
            break;
          p += 8;
        }
      if (p >= end)
        break;
      if (*p == '\0')
        {
          *invalid = p;
          return FALSE;
        }
      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }

      run = p;
      while (p < end && (guchar) *p >= 0x80)
        p++;
      if (!g_utf8_validate_len (run, p - run, invalid))
        return FALSE;
    }
  return TRUE;
}

static gboolean check_syntax (const char  *data,
                              gsize        length,
                              guint       *n_entries,
                              GArray      *root_arrays,
                              GError     **error);

/**
 * lumbar_json_check_syntax:
 * @data: the bytes of a document
 * @length: their length
 * @n_entries: (out) (optional): how many elements the top-level arrays hold
 * @error: the first problem, as "LINE:COLUMN: message"
 *
 * Checks that @data is one strict JSON value in valid UTF-8, nested at most
 * %LUMBAR_MAX_DEPTH deep, with at most %LUMBAR_MAX_ENTRIES entries.
 */
gboolean
lumbar_json_check_syntax (const char  *data,
                          gsize        length,
                          guint       *n_entries,
                          GError     **error)
{
  return check_syntax (data, length, n_entries, NULL, error);
}

/* The check, noting where the arrays among the root's members end in
 * @root_arrays, so the reader can step over the entries to the members
 * after them without reading them twice. */
static gboolean
check_syntax (const char  *data,
              gsize        length,
              guint       *n_entries,
              GArray      *root_arrays,
              GError     **error)
{
  Scanner s = { data, data + length, data, data, 1, 0, root_arrays, error };
  const char *invalid = NULL;

  if (length > LUMBAR_MAX_FILE_SIZE)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TOO_LARGE,
                   _("the file is larger than %d MiB"), LUMBAR_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (!validate_utf8 (data, length, &invalid))
    {
      guint line, column;

      locate (data, invalid, &line, &column);
      g_propagate_error (error, lumbar_error_new_at (LUMBAR_ERROR_PARSE, line, column,
                                                     invalid < data + length && *invalid == '\0'
                                                       ? _("the file contains a NUL byte")
                                                       : _("invalid UTF-8")));
      return FALSE;
    }

  /* A byte-order mark is not JSON, but editors add one; accept it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    s.p += 3;

  scanner_skip_space (&s);
  if (s.p >= s.end)
    return scanner_fail (&s, LUMBAR_ERROR_PARSE, "%s", _("the file is empty"));
  if (!scan_value (&s, 0))
    return FALSE;
  scanner_skip_space (&s);
  if (s.p < s.end)
    return scanner_fail (&s, LUMBAR_ERROR_PARSE, "%s", _("unexpected text after the end of the document"));

  if (n_entries)
    *n_entries = s.n_entries;
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Reading the tree.
 * ------------------------------------------------------------------------- */

void
lumbar_problem_free (LumbarProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

/**
 * lumbar_problem_to_string:
 * @problem: a problem
 * @file_name: (nullable): the file's name as the user gave it
 *
 * Returns: "FILE: entry N: message", "FILE:LINE:COLUMN: message" or
 *   "FILE: message"
 */
char *
lumbar_problem_to_string (LumbarProblem *problem,
                          const char    *file_name)
{
  const char *prefix = file_name ? file_name : "";
  const char *sep = file_name ? ": " : "";

  if (problem->entry > 0)
    /* Translators: "entry 3: message" — which entry of a file is wrong */
    return g_strdup_printf (_("%s%sentry %u: %s"), prefix, sep, problem->entry, problem->message);
  if (problem->line > 0)
    return g_strdup_printf ("%s%s%u:%u: %s", prefix, file_name ? ":" : "",
                            problem->line, problem->column, problem->message);
  return g_strdup_printf ("%s%s%s", prefix, sep, problem->message);
}

LumbarDocument *
lumbar_document_new (void)
{
  LumbarDocument *doc = g_new0 (LumbarDocument, 1);

  doc->version = LUMBAR_FORMAT_VERSION;
  doc->entries = g_ptr_array_new_with_free_func (g_object_unref);
  doc->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) lumbar_problem_free);
  doc->range_from = LUMBAR_DAY_INVALID;
  doc->range_to = LUMBAR_DAY_INVALID;
  return doc;
}

void
lumbar_document_free (LumbarDocument *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->entries, g_ptr_array_unref);
  g_clear_pointer (&doc->problems, g_ptr_array_unref);
  g_free (doc->exported_at);
  g_free (doc->patient_name);
  g_free (doc);
}

G_GNUC_PRINTF (3, 4)
static void
add_problem (LumbarDocument *doc,
             guint           entry,
             const char     *format,
             ...)
{
  LumbarProblem *problem = g_new0 (LumbarProblem, 1);
  va_list args;

  va_start (args, format);
  problem->entry = entry;
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (doc->problems, problem);
}

/* ---------------------------------------------------------------------------
 * A small reader for documents that passed the syntax check. It builds a
 * tiny tree one entry at a time instead of the whole document at once:
 * json-glib's tree for years of entries costs more time and memory than
 * everything else the app does with them. The tree's nodes and strings
 * live in two arrays that are reused from one entry to the next, so once
 * they are large enough reading an entry allocates nothing; the same
 * reader verifies every save.
 * ------------------------------------------------------------------------- */

typedef enum {
  LV_NULL,
  LV_BOOLEAN,
  LV_INTEGER,
  LV_DOUBLE,
  LV_STRING,
  LV_ARRAY,
  LV_OBJECT,
} LValueType;

/* Nodes refer to each other and to their strings by position, not by
 * pointer, because both arrays may move while they grow. */
typedef struct {
  LValueType  type;
  gboolean    boolean;
  gint64      integer;
  guint       string;   /* LV_STRING: where its text starts in the tree's text */
  guint       name;     /* a member of an object: where its name starts */
  guint       name_len; /* and its length in bytes */
  guint       first;    /* LV_ARRAY, LV_OBJECT: the first element's index + 1, 0 when empty */
  guint       next;     /* the next element of the same container: index + 1, 0 after the last */
} LValue;

typedef struct {
  LValue *nodes;
  guint   n_nodes;
  guint   nodes_size;
  char   *text;       /* every string of the tree, each followed by a NUL */
  gsize   text_len;
  gsize   text_size;
} LTree;

typedef struct {
  const char *p;
  const char *end;
} Reader;

static void
ltree_clear (LTree *t)
{
  g_clear_pointer (&t->nodes, g_free);
  g_clear_pointer (&t->text, g_free);
  t->n_nodes = t->nodes_size = 0;
  t->text_len = t->text_size = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LTree, ltree_clear)

static void
ltree_reset (LTree *t)
{
  t->n_nodes = 0;
  t->text_len = 0;
}

/* A new zeroed node; returns its index. */
static guint
ltree_add_node (LTree      *t,
                LValueType  type)
{
  if (t->n_nodes == t->nodes_size)
    {
      t->nodes_size = MAX (32, t->nodes_size * 2);
      t->nodes = g_renew (LValue, t->nodes, t->nodes_size);
    }
  memset (&t->nodes[t->n_nodes], 0, sizeof (LValue));
  t->nodes[t->n_nodes].type = type;
  return t->n_nodes++;
}

/* Room for @n more bytes of text. */
static char *
ltree_reserve_text (LTree *t,
                    gsize  n)
{
  if (t->text_size - t->text_len < n)
    {
      t->text_size = MAX (t->text_size * 2, MAX (t->text_len + n, 256));
      t->text = g_realloc (t->text, t->text_size);
    }
  return t->text + t->text_len;
}

static LValue *
lnode (LTree *t,
       guint  index_plus_one)
{
  return index_plus_one > 0 ? &t->nodes[index_plus_one - 1] : NULL;
}

static const char *
lstring (LTree  *t,
         LValue *value)
{
  return t->text + value->string;
}

/* The last member of that name, as json-glib keeps it. */
static LValue *
lobject_get (LTree      *t,
             LValue     *object,
             const char *name)
{
  gsize length = strlen (name);
  LValue *found = NULL;

  for (LValue *member = lnode (t, object->first); member; member = lnode (t, member->next))
    if (member->name_len == length && memcmp (t->text + member->name, name, length) == 0)
      found = member;
  return found;
}

static void
reader_skip_space (Reader *r)
{
  /* Nothing above ' ' is space: most calls stop at once. */
  while (r->p < r->end && (guchar) *r->p <= ' ' &&
         (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static guint
read_hex4 (const char *p)
{
  guint value = 0;

  for (int i = 0; i < 4; i++)
    value = (value << 4) | (guint) hex_value (p[i]);
  return value;
}

/* Copies the string at the reader into the tree's text; returns where it
 * starts there. */
static guint
reader_string (Reader *r,
               LTree  *t)
{
  const char *start = ++r->p;
  const char *end = start;
  guint offset = (guint) t->text_len;
  char *out;

  /* Most strings have no escapes: copy them in one go. */
  end = skip_plain (start, r->end);
  if (*end == '"')
    {
      out = ltree_reserve_text (t, end - start + 1);
      memcpy (out, start, end - start);
      out[end - start] = '\0';
      t->text_len += end - start + 1;
      r->p = end + 1;
      return offset;
    }

  /* An escape never takes fewer bytes than what it stands for, so the raw
   * length is room enough. */
  while (*end != '"')
    end += *end == '\\' ? 2 : 1;
  out = ltree_reserve_text (t, end - start + 1);

  for (const char *p = start; p < end;)
    {
      if (*p != '\\')
        {
          *out++ = *p++;
          continue;
        }

      p++;
      switch (*p++)
        {
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\f'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 't': *out++ = '\t'; break;
        case 'u':
          {
            guint u = read_hex4 (p);

            p += 4;
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                guint low = read_hex4 (p + 2);

                p += 6;
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            out += g_unichar_to_utf8 (u, out);
          }
          break;
        default: /* '"', '\\' and '/' stand for themselves */
          *out++ = p[-1];
          break;
        }
    }
  *out++ = '\0';
  t->text_len = out - t->text;
  r->p = end + 1;
  return offset;
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

/* Reads the value at the reader into @t; returns its index. */
static guint
reader_value (Reader *r,
              LTree  *t)
{
  guint index;

  reader_skip_space (r);
  switch (*r->p)
    {
    case '{':
    case '[':
      {
        gboolean is_object = *r->p == '{';
        char close = is_object ? '}' : ']';
        guint last = 0;

        index = ltree_add_node (t, is_object ? LV_OBJECT : LV_ARRAY);
        r->p++;
        for (;;)
          {
            guint name = 0, name_len = 0;
            guint child;

            reader_skip_space (r);
            if (*r->p == close)
              break;
            if (*r->p == ',')
              {
                r->p++;
                reader_skip_space (r);
              }
            if (is_object)
              {
                name = reader_string (r, t);
                name_len = (guint) (t->text_len - name - 1);
                reader_skip_space (r);
                r->p++; /* ':' */
              }
            child = reader_value (r, t);
            t->nodes[child].name = name;
            t->nodes[child].name_len = name_len;
            if (last > 0)
              t->nodes[last - 1].next = child + 1;
            else
              t->nodes[index].first = child + 1;
            last = child + 1;
          }
        r->p++;
      }
      break;

    case '"':
      {
        guint string;

        index = ltree_add_node (t, LV_STRING);
        string = reader_string (r, t);
        t->nodes[index].string = string;
      }
      break;

    case 't':
      index = ltree_add_node (t, LV_BOOLEAN);
      t->nodes[index].boolean = TRUE;
      r->p += 4;
      break;

    case 'f':
      index = ltree_add_node (t, LV_BOOLEAN);
      r->p += 5;
      break;

    case 'n':
      index = ltree_add_node (t, LV_NULL);
      r->p += 4;
      break;

    default:
      {
        const char *start = r->p;
        gboolean integral = TRUE;

        index = ltree_add_node (t, LV_DOUBLE);
        while (r->p < r->end && is_number_char (*r->p))
          {
            if (*r->p == '.' || *r->p == 'e' || *r->p == 'E')
              integral = FALSE;
            r->p++;
          }
        /* The syntax check let through only -?digits for these. */
        if (integral && r->p - start <= 18)
          {
            gint64 value = 0;

            for (const char *q = *start == '-' ? start + 1 : start; q < r->p; q++)
              value = value * 10 + (*q - '0');
            t->nodes[index].integer = *start == '-' ? -value : value;
            t->nodes[index].type = LV_INTEGER;
          }
      }
      break;
    }

  return index;
}

static gboolean
node_is_integer (LValue *node)
{
  return node != NULL && node->type == LV_INTEGER;
}

static gboolean
node_is_string (LValue *node)
{
  return node != NULL && node->type == LV_STRING;
}

static gboolean
node_is_boolean (LValue *node)
{
  return node != NULL && node->type == LV_BOOLEAN;
}

/* Reads an integer member within [min, max]; FALSE with a message otherwise. */
static gboolean
read_int (LTree       *t,
          LValue      *object,
          const char  *name,
          int          min,
          int          max,
          gboolean     required,
          int         *out,
          char       **message)
{
  LValue *node = lobject_get (t, object, name);
  gint64 value;

  if (node == NULL || (node->type == LV_NULL))
    {
      if (!required)
        return TRUE;
      *message = g_strdup_printf (_("“%s” is missing"), name);
      return FALSE;
    }

  if (!node_is_integer (node))
    {
      *message = g_strdup_printf (_("“%s” must be a whole number from %d to %d"), name, min, max);
      return FALSE;
    }

  value = node->integer;
  if (value < min || value > max)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      /* Translators: “local” is 12, outside 0 to 10 — a field of the file
       * format, the value found, and the range it must be in */
      *message = g_strdup_printf (_("“%s” is %s, outside %d to %d"), name, number, min, max);
      return FALSE;
    }

  *out = (int) value;
  return TRUE;
}

static gboolean
read_text (LTree       *t,
           LValue      *object,
           const char  *name,
           glong        max_chars,
           const char **out,
           char       **message)
{
  LValue *node = lobject_get (t, object, name);
  const char *text;

  *out = NULL;
  if (node == NULL || (node->type == LV_NULL))
    return TRUE;
  if (!node_is_string (node))
    {
      *message = g_strdup_printf (_("“%s” must be text"), name);
      return FALSE;
    }

  text = lstring (t, node);
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      *message = g_strdup_printf (_("“%s” is longer than %ld characters"), name, max_chars);
      return FALSE;
    }
  *out = text;
  return TRUE;
}

static int
digits (const char *p,
        int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

/* The form the app writes, "2026-11-23T08:30:00+01:00" (or "Z"), read
 * without building a GDateTime: loading years of entries spends most of
 * its time here otherwise. Anything else goes to GLib's full parser. */
static gboolean
parse_plain_time (const char  *text,
                  LumbarEntry *entry)
{
  int y, mo, d, h, mi, sec, offset;
  gsize len = strlen (text);
  const char *zone = text + 19;

  if (len != 20 && len != 25)
    return FALSE;
  if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
    return FALSE;

  y = digits (text, 4);
  mo = digits (text + 5, 2);
  d = digits (text + 8, 2);
  h = digits (text + 11, 2);
  mi = digits (text + 14, 2);
  sec = digits (text + 17, 2);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > g_date_get_days_in_month (mo, y) ||
      h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
    return FALSE;

  if (len == 20)
    {
      if (*zone != 'Z')
        return FALSE;
      offset = 0;
    }
  else
    {
      int oh = digits (zone + 1, 2);
      int om = digits (zone + 4, 2);

      if ((*zone != '+' && *zone != '-') || zone[3] != ':' || oh < 0 || oh > 18 || om < 0 || om > 59)
        return FALSE;
      offset = (oh * 3600 + om * 60) * (*zone == '-' ? -1 : 1);
    }

  lumbar_entry_set_time (entry,
                         (gint64) lumbar_day_from_ymd (y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset,
                         offset);
  return TRUE;
}

static gboolean
read_time (LTree       *t,
           LValue      *object,
           const char  *name,
           LumbarEntry *entry,
           char       **message)
{
  LValue *node = lobject_get (t, object, name);
  g_autoptr(GDateTime) date_time = NULL;
  const char *text;

  if (node == NULL || (node->type == LV_NULL))
    {
      *message = g_strdup_printf (_("“%s” is missing"), name);
      return FALSE;
    }
  if (!node_is_string (node))
    {
      *message = g_strdup_printf (_("“%s” must be a date and time such as 2026-11-23T08:30:00+01:00"), name);
      return FALSE;
    }

  text = lstring (t, node);
  if (!parse_plain_time (text, entry))
    {
      /* No default time zone: a time without its offset is refused, because
       * the offset decides which day the record belongs to. */
      date_time = strchr (text, 'T') ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
      if (date_time == NULL)
        {
          *message = g_strdup_printf (_("“%s” is “%s”, not a date and time with its UTC offset such as 2026-11-23T08:30:00+01:00"),
                                      name, text);
          return FALSE;
        }
      lumbar_entry_set_date_time (entry, date_time);
    }

  if (!lumbar_time_in_range (lumbar_entry_get_time (entry), lumbar_entry_get_utc_offset (entry)))
    {
      /* Translators: “at” is “0001-01-01T00:00:00Z”, outside the years 1900
       * to 2200 — a field of the file format, its value, and the years a
       * time must fall in */
      *message = g_strdup_printf (_("“%s” is “%s”, outside the years %d to %d"),
                                  name, text, LUMBAR_YEAR_MIN, LUMBAR_YEAR_MAX);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_enum (LTree       *t,
           LValue      *object,
           const char  *name,
           gboolean   (*from_string) (const char *, gpointer),
           gpointer     out,
           const char  *allowed,
           char       **message)
{
  LValue *node = lobject_get (t, object, name);

  if (node == NULL || (node->type == LV_NULL))
    return TRUE;
  if (!node_is_string (node) || !from_string (lstring (t, node), out))
    {
      *message = g_strdup_printf (_("“%s” must be one of: %s"), name, allowed);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_bool (LTree       *t,
           LValue      *object,
           const char  *name,
           gboolean    *out,
           char       **message)
{
  LValue *node = lobject_get (t, object, name);

  if (node == NULL || (node->type == LV_NULL))
    return TRUE;
  if (!node_is_boolean (node))
    {
      *message = g_strdup_printf (_("“%s” must be true or false"), name);
      return FALSE;
    }
  *out = node->boolean;
  return TRUE;
}

static gboolean
read_flags (LTree        *t,
            LValue       *object,
            LumbarFlags  *out,
            char        **message)
{
  LValue *node = lobject_get (t, object, "flags");
  LValue *array;
  LumbarFlags flags = 0;

  if (node == NULL || (node->type == LV_NULL))
    return TRUE;
  if (!(node->type == LV_ARRAY))
    {
      *message = g_strdup (_("“flags” must be a list"));
      return FALSE;
    }

  array = node;
  for (LValue *item = lnode (t, array->first); item; item = lnode (t, item->next))
    {
      LumbarFlags flag;

      if (!node_is_string (item) || !lumbar_flag_from_string (lstring (t, item), &flag))
        {
          *message = g_strdup_printf (_("“flags” holds an unknown symptom “%s”"),
                                      node_is_string (item) ? lstring (t, item) : "?");
          return FALSE;
        }
      flags |= flag;
    }

  *out = flags;
  return TRUE;
}

static LumbarEntry *
read_entry (LTree        *t,
            LValue       *node,
            LumbarEntry  *reuse,
            char        **message)
{
  g_autoptr(LumbarEntry) entry = NULL;
  LValue *object;
  LValue *id_node, *kind_node;
  LumbarKind kind;
  const char *text = NULL;

  if (!(node->type == LV_OBJECT))
    {
      *message = g_strdup (_("an entry must be an object"));
      return NULL;
    }
  object = node;

  kind_node = lobject_get (t, object, "kind");
  if (kind_node == NULL)
    {
      *message = g_strdup (_("“kind” is missing"));
      return NULL;
    }
  if (!node_is_string (kind_node) || !lumbar_kind_from_string (lstring (t, kind_node), &kind))
    {
      *message = g_strdup_printf (_("unknown kind “%s”"),
                                  node_is_string (kind_node) ? lstring (t, kind_node) : "?");
      return NULL;
    }

  if (reuse)
    {
      lumbar_entry_reset (reuse, kind);
      entry = g_object_ref (reuse);
    }
  else
    entry = lumbar_entry_new_bare (kind);

  id_node = lobject_get (t, object, "id");
  if (id_node == NULL)
    {
      *message = g_strdup (_("“id” is missing"));
      return NULL;
    }
  if (!node_is_string (id_node) || lstring (t, id_node)[0] == '\0' ||
      strlen (lstring (t, id_node)) > 64)
    {
      *message = g_strdup (_("“id” must be a short piece of text"));
      return NULL;
    }
  lumbar_entry_set_id (entry, lstring (t, id_node));

  if (!read_text (t, object, "note", LUMBAR_NOTE_MAX_CHARS, &text, message))
    return NULL;
  lumbar_entry_set_note (entry, text);

  switch (kind)
    {
    case LUMBAR_KIND_PAIN:
      {
        int local = 0, radiating = LUMBAR_RADIATING_NONE;
        LumbarFlags flags = 0;

        if (!read_time (t, object, "at", entry, message) ||
            !read_int (t, object, "local", 0, 10, TRUE, &local, message) ||
            !read_int (t, object, "radiating", 0, 10, FALSE, &radiating, message) ||
            !read_flags (t, object, &flags, message))
          return NULL;
        lumbar_entry_set_local (entry, local);
        lumbar_entry_set_radiating (entry, radiating);
        lumbar_entry_set_flags (entry, flags);
      }
      break;

    case LUMBAR_KIND_SPASM:
      {
        int intensity = 0;

        if (!read_time (t, object, "at", entry, message) ||
            !read_int (t, object, "intensity", 0, 10, TRUE, &intensity, message) ||
            !read_text (t, object, "trigger", LUMBAR_TRIGGER_MAX_CHARS, &text, message))
          return NULL;
        lumbar_entry_set_intensity (entry, intensity);
        lumbar_entry_set_trigger (entry, text);
      }
      break;

    case LUMBAR_KIND_REST:
    case LUMBAR_KIND_INCLINE:
      {
        int minutes = 0;

        if (!read_time (t, object, "start", entry, message) ||
            !read_int (t, object, "minutes", LUMBAR_MINUTES_MIN, LUMBAR_MINUTES_MAX, TRUE, &minutes, message))
          return NULL;
        lumbar_entry_set_minutes (entry, minutes);

        if (kind == LUMBAR_KIND_INCLINE)
          {
            LumbarSupport support = LUMBAR_SUPPORT_OTHER;
            gboolean legs = FALSE, knees = FALSE;

            if (!read_enum (t, object, "support", (gpointer) lumbar_support_from_string, &support,
                            "pillows, recliner, other", message) ||
                !read_bool (t, object, "legs_supported", &legs, message) ||
                !read_bool (t, object, "knees_bent", &knees, message))
              return NULL;
            lumbar_entry_set_support (entry, support);
            lumbar_entry_set_legs_supported (entry, legs);
            lumbar_entry_set_knees_bent (entry, knees);
          }
      }
      break;

    case LUMBAR_KIND_THERAPY:
      {
        LumbarTherapy therapy = LUMBAR_THERAPY_MANUAL;
        LValue *therapy_node = lobject_get (t, object, "therapy");

        if (therapy_node == NULL)
          {
            *message = g_strdup (_("“therapy” is missing"));
            return NULL;
          }
        if (!read_time (t, object, "at", entry, message) ||
            !read_enum (t, object, "therapy", (gpointer) lumbar_therapy_from_string, &therapy,
                        "manual, exercise, other", message))
          return NULL;
        lumbar_entry_set_therapy (entry, therapy);
      }
      break;

    case LUMBAR_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&entry);
}

static gboolean
read_header (LTree           *t,
             LValue          *root,
             LumbarDocument  *doc,
             LumbarParseFlags flags,
             GError         **error)
{
  LValue *format = lobject_get (t, root, "format");
  LValue *version = lobject_get (t, root, "version");
  LValue *node;

  if (!node_is_string (format) || !g_str_equal (lstring (t, format), LUMBAR_FORMAT_NAME))
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_NOT_LUMBAR, "%s",
                   _("not a Lumbar diary (its “format” is not “lumbar-journal”)"));
      return FALSE;
    }

  if (!node_is_integer (version) || version->integer < 1)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_NOT_LUMBAR, "%s",
                   _("not a Lumbar diary (its “version” is missing or not a number)"));
      return FALSE;
    }

  doc->version = (int) CLAMP (version->integer, 1, G_MAXINT);
  if (doc->version > LUMBAR_FORMAT_VERSION && !(flags & LUMBAR_PARSE_ALLOW_NEWER))
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_NEWER_VERSION,
                   _("written by a newer version of Lumbar (format version %d; this version reads up to %d)"),
                   doc->version, LUMBAR_FORMAT_VERSION);
      return FALSE;
    }

  node = lobject_get (t, root, "entries");
  if (node == NULL || !(node->type == LV_ARRAY))
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_NOT_LUMBAR, "%s",
                   _("not a Lumbar diary (its “entries” list is missing)"));
      return FALSE;
    }

  node = lobject_get (t, root, "exported_at");
  if (node_is_string (node))
    doc->exported_at = g_strdup (lstring (t, node));

  node = lobject_get (t, root, "patient");
  if (node != NULL && (node->type == LV_OBJECT))
    {
      LValue *name = lobject_get (t, node, "name");

      if (node_is_string (name) && *lstring (t, name))
        doc->patient_name = g_strdup (lstring (t, name));
    }

  node = lobject_get (t, root, "range");
  if (node != NULL && (node->type == LV_OBJECT))
    {
      LValue *range = node;
      LValue *from = lobject_get (t, range, "from");
      LValue *to = lobject_get (t, range, "to");

      if (node_is_string (from))
        lumbar_day_parse (lstring (t, from), &doc->range_from);
      if (node_is_string (to))
        lumbar_day_parse (lstring (t, to), &doc->range_to);
    }

  return TRUE;
}

static LumbarDocument *
verify_failed (GError **error,
               guint    entry)
{
  g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_SAVE,
               _("entry %u did not read back as it was written"), entry);
  return NULL;
}

static LumbarDocument *
parse_document (const char        *data,
                gsize              length,
                LumbarParseFlags   flags,
                GPtrArray         *expected,
                GError           **error)
{
  g_autoptr(LumbarDocument) doc = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_auto(LTree) header = { NULL, };
  g_auto(LTree) tree = { NULL, };
  g_autoptr(LumbarEntry) scratch = NULL;
  g_autoptr(GArray) root_arrays = NULL;
  const char *entries_at = NULL;
  const char *array_end = NULL;
  guint n_root_arrays = 0;
  Reader r;
  guint n_entries = 0;
  guint last = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  root_arrays = g_array_new (FALSE, FALSE, sizeof (const char *));
  if (!check_syntax (data ? data : "", length, &n_entries, root_arrays, error))
    return NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  r.p = data;
  r.end = data + length;
  reader_skip_space (&r);
  if (*r.p != '{')
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_NOT_LUMBAR, "%s",
                   _("not a Lumbar diary (the document is not a JSON object)"));
      return NULL;
    }

  /* The root's members, with the entries list only located, not read. */
  ltree_add_node (&header, LV_OBJECT);
  r.p++;
  for (;;)
    {
      gboolean is_entries;
      guint name, name_len, child;

      reader_skip_space (&r);
      if (*r.p == '}')
        break;
      if (*r.p == ',')
        {
          r.p++;
          reader_skip_space (&r);
        }
      name = reader_string (&r, &header);
      name_len = (guint) (header.text_len - name - 1);
      reader_skip_space (&r);
      r.p++; /* ':' */
      reader_skip_space (&r);
      is_entries = strcmp (header.text + name, "entries") == 0;
      if (*r.p == '[')
        array_end = g_array_index (root_arrays, const char *, n_root_arrays++);
      if (is_entries && *r.p == '[')
        {
          child = ltree_add_node (&header, LV_ARRAY);
          entries_at = r.p;
          r.p = array_end;
        }
      else
        {
          if (is_entries)
            entries_at = NULL;
          child = reader_value (&r, &header);
        }
      header.nodes[child].name = name;
      header.nodes[child].name_len = name_len;
      if (last > 0)
        header.nodes[last - 1].next = child + 1;
      else
        header.nodes[0].first = child + 1;
      last = child + 1;
    }

  doc = lumbar_document_new ();
  if (!read_header (&header, &header.nodes[0], doc, flags, error))
    return NULL;

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_ptr_array_set_size (doc->entries, 0);
  if (expected)
    scratch = lumbar_entry_new_bare (LUMBAR_KIND_PAIN);

  r.p = entries_at + 1;
  for (guint i = 0;; i++)
    {
      g_autofree char *message = NULL;
      LumbarEntry *entry;
      guint value;

      reader_skip_space (&r);
      if (*r.p == ']')
        {
          if (expected && i != expected->len)
            return verify_failed (error, i + 1);
          break;
        }
      if (*r.p == ',')
        r.p++;

      ltree_reset (&tree);
      value = reader_value (&r, &tree);
      entry = read_entry (&tree, &tree.nodes[value], scratch, &message);

      /* Verifying a save: every entry must read back equal to what was written. */
      if (expected)
        {
          gboolean same = entry && i < expected->len &&
                          lumbar_entry_equal (entry, g_ptr_array_index (expected, i));

          g_clear_object (&entry);
          if (!same)
            return verify_failed (error, i + 1);
          continue;
        }
      if (entry == NULL)
        {
          add_problem (doc, i + 1, "%s", message);
          continue;
        }

      if (g_hash_table_contains (seen, lumbar_entry_get_id (entry)))
        {
          add_problem (doc, i + 1, _("duplicate id “%s”"), lumbar_entry_get_id (entry));
          g_object_unref (entry);
          continue;
        }

      g_ptr_array_add (doc->entries, entry);
      g_hash_table_add (seen, (char *) lumbar_entry_get_id (entry));
    }

  return g_steal_pointer (&doc);
}

/**
 * lumbar_document_parse:
 * @data: the bytes of a diary or export
 * @length: their length
 * @flags: how to treat newer versions
 * @error: why the document cannot be read at all
 *
 * Reads a document of format 1. Entries that break a rule are skipped and
 * listed in the document's problems; the document itself fails only when it
 * is not JSON, not a Lumbar file, too large or too deep, or too new.
 *
 * Returns: (transfer full) (nullable): the document
 */
LumbarDocument *
lumbar_document_parse (const char        *data,
                       gsize              length,
                       LumbarParseFlags   flags,
                       GError           **error)
{
  return parse_document (data, length, flags, NULL, error);
}

/**
 * lumbar_document_verify:
 * @data: bytes about to be saved
 * @length: their length
 * @expected: (element-type LumbarEntry): the entries they were written from
 * @error: which entry did not read back
 *
 * Reads @data back as the loader would and checks that it holds exactly
 * @expected, in order and field for field. It builds no entries, so a save
 * can afford it every time.
 *
 * Returns: whether the bytes hold exactly @expected
 */
gboolean
lumbar_document_verify (const char  *data,
                        gsize        length,
                        GPtrArray   *expected,
                        GError     **error)
{
  g_autoptr(LumbarDocument) doc = NULL;

  g_return_val_if_fail (expected != NULL, FALSE);

  doc = parse_document (data, length, LUMBAR_PARSE_DEFAULT, expected, error);
  return doc != NULL;
}

/* ---------------------------------------------------------------------------
 * Reading files. Only regular files are read (DESIGN.md): a FIFO without a
 * writer would block a plain open for ever, and /dev/zero never ends. So
 * the open does not wait, the descriptor (not the name, which can be
 * replaced in between) must be a regular file, and no more than the limit
 * is read whatever size the file reports: /proc files report 0, a file can
 * grow while it is read.
 * ------------------------------------------------------------------------- */

/* The system's reason alone, as a %G_FILE_ERROR so callers can tell a
 * missing file; they put the name the user knows before it. */
static gboolean
fail_errno (int      saved_errno,
            GError **error)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

static gboolean
fail_type (mode_t   mode,
           GError **error)
{
  g_set_error_literal (error, LUMBAR_ERROR, LUMBAR_ERROR_IO,
                       S_ISDIR (mode) ? _("is a folder, not a file") : _("not a regular file"));
  return FALSE;
}

static gboolean
fail_size (gsize    max,
           GError **error)
{
  if (max % (1024 * 1024) == 0)
    {
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TOO_LARGE,
                   _("the file is larger than %d MiB"), (int) (max / (1024 * 1024)));
    }
  else
    {
      g_autofree char *size = g_format_size_full (max, G_FORMAT_SIZE_IEC_UNITS);

      /* Translators: %s is a size such as "256.0 KiB" */
      g_set_error (error, LUMBAR_ERROR, LUMBAR_ERROR_TOO_LARGE, _("the file is larger than %s"), size);
    }
  return FALSE;
}

/**
 * lumbar_file_read_regular:
 * @path: a file to read, in the file system's encoding
 * @max: how many bytes it may hold at most
 * @contents: (out) (transfer full): its bytes, followed by a NUL
 * @length: (out) (optional): how many, without the NUL
 * @error: why it was not read: a %G_FILE_ERROR with the system's reason
 *   (%G_FILE_ERROR_NOENT for a missing file), %LUMBAR_ERROR_IO for a folder
 *   or anything else that is not a regular file (a FIFO, device or socket),
 *   %LUMBAR_ERROR_TOO_LARGE when it holds more than @max bytes
 *
 * Reads a whole regular file, like g_file_get_contents(), but returns at
 * once for a FIFO, device or socket instead of blocking or reading without
 * end, and never reads more than @max + 1 bytes, whatever size the file
 * reports. Every file Lumbar reads goes through here.
 *
 * Returns: whether @contents holds the file
 */
gboolean
lumbar_file_read_regular (const char  *path,
                          gsize        max,
                          char       **contents,
                          gsize       *length,
                          GError     **error)
{
  g_autofree char *buffer = NULL;
  gsize size, used = 0;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (max < G_MAXSIZE - 1, FALSE);

  /* Not even opened when the name says it is no regular file: opening some
   * devices does something by itself. */
  if (stat (path, &st) != 0)
    return fail_errno (errno, error);
  if (!S_ISREG (st.st_mode))
    return fail_type (st.st_mode, error);

  /* O_NONBLOCK: a FIFO put in its place since is opened without waiting for
   * a writer, then refused below. Opening a socket fails with ENXIO. */
  do
    fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    {
      if (errno == ENXIO)
        return fail_type (S_IFSOCK, error);
      return fail_errno (errno, error);
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return fail_errno (saved_errno, error);
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return fail_type (st.st_mode, error);
    }
  if (st.st_size < 0 || (guint64) st.st_size > max)
    {
      close (fd);
      return fail_size (max, error);
    }

  /* Room for the reported size, one more byte to see whether more arrive,
   * and the NUL; grown only for a file that reports less than it holds. */
  size = (gsize) st.st_size + 2;
  buffer = g_malloc (size);
  for (;;)
    {
      gssize n;

      if (used == size - 1)
        {
          size = MIN (size * 2, max + 2);
          buffer = g_realloc (buffer, size);
        }

      n = read (fd, buffer + used, size - 1 - used);
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          close (fd);
          return fail_errno (saved_errno, error);
        }
      if (n == 0)
        break;
      used += (gsize) n;
      if (used > max)
        {
          close (fd);
          return fail_size (max, error);
        }
    }
  close (fd);

  buffer[used] = '\0';
  *contents = g_steal_pointer (&buffer);
  if (length)
    *length = used;
  return TRUE;
}

/* A file with no local path (a location GVfs serves): GIO reads it, under
 * the same rules. */
static gboolean
load_stream (GFile   *file,
             char   **contents,
             gsize   *length,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 chunk[64 * 1024];

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return fail_type (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY ? S_IFDIR : S_IFIFO,
                      error);
  if (info != NULL)
    stream = g_file_read (file, NULL, &local_error);

  while (stream != NULL)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), chunk, sizeof chunk, &n, NULL, &local_error))
        break;
      g_byte_array_append (bytes, chunk, (guint) n);
      if (bytes->len > LUMBAR_MAX_FILE_SIZE)
        return fail_size (LUMBAR_MAX_FILE_SIZE, error);
      if (n < sizeof chunk)
        {
          *length = bytes->len;
          g_byte_array_append (bytes, (const guint8 *) "", 1);
          *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
          return TRUE;
        }
    }

  g_set_error_literal (error, LUMBAR_ERROR, LUMBAR_ERROR_IO, local_error->message);
  return FALSE;
}

/**
 * lumbar_document_load_file:
 * @file: a diary or export
 * @flags: how to treat newer versions
 * @error: why it cannot be read
 *
 * Like lumbar_document_parse(), but reads @file first through
 * lumbar_file_read_regular(): a file over the size limit, a folder, a FIFO,
 * device or socket is refused before anything is parsed.
 *
 * Returns: (transfer full) (nullable): the document
 */
LumbarDocument *
lumbar_document_load_file (GFile            *file,
                           LumbarParseFlags  flags,
                           GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (path != NULL)
    {
      if (!lumbar_file_read_regular (path, LUMBAR_MAX_FILE_SIZE, &contents, &length, &local_error))
        {
          if (local_error->domain == LUMBAR_ERROR)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error_literal (error, LUMBAR_ERROR, LUMBAR_ERROR_IO, local_error->message);
          return NULL;
        }
    }
  else if (!load_stream (file, &contents, &length, error))
    return NULL;

  return lumbar_document_parse (contents, length, flags, error);
}

/* ---------------------------------------------------------------------------
 * Writing. By hand rather than through JsonGenerator: json-glib 1.6 writes
 * some doubles as invalid JSON, and a flat writer is much faster. Every
 * save writes the whole diary, so each entry is written straight into a
 * buffer that has room for its worst case: one size check per entry, no
 * printf and no allocation per value.
 * ------------------------------------------------------------------------- */

typedef struct {
  char  *data;
  gsize  len;
  gsize  size;
} Writer;

/* The most a string of @n bytes takes: every byte as \u00XX, and quotes. */
#define STRING_ROOM(n) ((n) * 6 + 2)

/* An entry's members apart from its strings take less than this (a pain
 * reading with every flag is about 300 bytes). */
#define ENTRY_ROOM 512

/* Where the next @n bytes can be written. */
static char *
writer_reserve (Writer *w,
                gsize   n)
{
  if (w->size - w->len < n)
    {
      w->size = MAX (w->size * 2, w->len + n);
      w->data = g_realloc (w->data, w->size);
    }
  return w->data + w->len;
}

static void
writer_done (Writer *w,
             char   *end)
{
  w->len = end - w->data;
}

static char *
put (char       *p,
     const char *text,
     gsize       length)
{
  memcpy (p, text, length);
  return p + length;
}

#define put_literal(p, text) put ((p), "" text, sizeof (text) - 1)

static char *
put_int (char *p,
         int   value)
{
  char digits[12];
  guint u = value < 0 ? 0u - (guint) value : (guint) value;
  int n = 0;

  if (value < 0)
    *p++ = '-';
  do
    {
      digits[n++] = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u > 0);
  while (n > 0)
    *p++ = digits[--n];
  return p;
}

static char *
put_two_digits (char *p,
                int   value)
{
  p[0] = (char) ('0' + value / 10);
  p[1] = (char) ('0' + value % 10);
  return p + 2;
}

/* @length bytes of @text as a JSON string; at most STRING_ROOM (@length). */
static char *
put_string (char       *p,
            const char *text,
            gsize       length)
{
  static const char hex[] = "0123456789abcdef";

  *p++ = '"';
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if (G_LIKELY (c >= 0x20 && c != '"' && c != '\\'))
        {
          *p++ = (char) c;
          continue;
        }

      *p++ = '\\';
      switch (c)
        {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        case '\b': *p++ = 'b'; break;
        case '\f': *p++ = 'f'; break;
        default:
          p = put_literal (p, "u00");
          *p++ = hex[c >> 4];
          *p++ = hex[c & 0xF];
          break;
        }
    }
  *p++ = '"';
  return p;
}

static char *
put_c_string (char       *p,
              const char *text)
{
  return put_string (p, text, strlen (text));
}

/* The time as lumbar_day_format_iso8601() writes it, at most 64 bytes. */
static char *
put_time (char   *p,
          gint64  unix_time,
          int     utc_offset)
{
  LumbarDay day = lumbar_day_from_time (unix_time, utc_offset);
  int secs = (int) (unix_time + utc_offset - (gint64) day * 86400);
  int off = ABS (utc_offset) / 60;
  int y, m, d;

  lumbar_day_to_ymd (day, &y, &m, &d);
  if (y < 0 || y > 9999 || off / 60 > 99)
    {
      /* Never in a valid entry; the general form, whatever its length. */
      g_autofree char *text = lumbar_day_format_iso8601 (unix_time, utc_offset);
      gsize length = MIN (strlen (text), 62);

      *p++ = '"';
      p = put (p, text, length);
      *p++ = '"';
      return p;
    }

  *p++ = '"';
  p = put_two_digits (p, y / 100);
  p = put_two_digits (p, y % 100);
  *p++ = '-';
  p = put_two_digits (p, m);
  *p++ = '-';
  p = put_two_digits (p, d);
  *p++ = 'T';
  p = put_two_digits (p, secs / 3600);
  *p++ = ':';
  p = put_two_digits (p, (secs / 60) % 60);
  *p++ = ':';
  p = put_two_digits (p, secs % 60);
  *p++ = utc_offset < 0 ? '-' : '+';
  p = put_two_digits (p, off / 60);
  *p++ = ':';
  p = put_two_digits (p, off % 60);
  *p++ = '"';
  return p;
}

static char *
put_bool (char     *p,
          gboolean  value)
{
  return value ? put_literal (p, "true") : put_literal (p, "false");
}

static void
write_entry (Writer      *w,
             LumbarEntry *entry,
             gboolean     first)
{
  LumbarKind kind = lumbar_entry_get_kind (entry);
  const char *id = lumbar_entry_get_id (entry);
  const char *note = lumbar_entry_get_note (entry);
  const char *trigger = kind == LUMBAR_KIND_SPASM ? lumbar_entry_get_trigger (entry) : "";
  gsize id_len, note_len = strlen (note), trigger_len = strlen (trigger);
  char *p;

  if (id == NULL)
    id = "";
  id_len = strlen (id);
  p = writer_reserve (w, ENTRY_ROOM + STRING_ROOM (id_len) + STRING_ROOM (note_len) + STRING_ROOM (trigger_len));

  p = first ? put_literal (p, "\n    {\"id\": ") : put_literal (p, ",\n    {\"id\": ");
  p = put_string (p, id, id_len);
  p = put_literal (p, ", \"kind\": ");
  p = put_c_string (p, lumbar_kind_to_string (kind));
  p = kind == LUMBAR_KIND_REST || kind == LUMBAR_KIND_INCLINE ? put_literal (p, ", \"start\": ")
                                                              : put_literal (p, ", \"at\": ");
  p = put_time (p, lumbar_entry_get_time (entry), lumbar_entry_get_utc_offset (entry));

  switch (kind)
    {
    case LUMBAR_KIND_PAIN:
      {
        LumbarFlags flags = lumbar_entry_get_flags (entry);
        gboolean first_flag = TRUE;

        p = put_literal (p, ", \"local\": ");
        p = put_int (p, lumbar_entry_get_local (entry));
        if (lumbar_entry_get_radiating (entry) != LUMBAR_RADIATING_NONE)
          {
            p = put_literal (p, ", \"radiating\": ");
            p = put_int (p, lumbar_entry_get_radiating (entry));
          }
        p = put_literal (p, ", \"flags\": [");
        for (guint i = 0; i < LUMBAR_N_FLAGS; i++)
          if (flags & (1u << i))
            {
              if (!first_flag)
                p = put_literal (p, ", ");
              p = put_c_string (p, lumbar_flag_to_string (1u << i));
              first_flag = FALSE;
            }
        *p++ = ']';
      }
      break;

    case LUMBAR_KIND_SPASM:
      p = put_literal (p, ", \"intensity\": ");
      p = put_int (p, lumbar_entry_get_intensity (entry));
      p = put_literal (p, ", \"trigger\": ");
      p = put_string (p, trigger, trigger_len);
      break;

    case LUMBAR_KIND_REST:
      p = put_literal (p, ", \"minutes\": ");
      p = put_int (p, lumbar_entry_get_minutes (entry));
      break;

    case LUMBAR_KIND_INCLINE:
      p = put_literal (p, ", \"minutes\": ");
      p = put_int (p, lumbar_entry_get_minutes (entry));
      p = put_literal (p, ", \"support\": ");
      p = put_c_string (p, lumbar_support_to_string (lumbar_entry_get_support (entry)));
      p = put_literal (p, ", \"legs_supported\": ");
      p = put_bool (p, lumbar_entry_get_legs_supported (entry));
      p = put_literal (p, ", \"knees_bent\": ");
      p = put_bool (p, lumbar_entry_get_knees_bent (entry));
      break;

    case LUMBAR_KIND_THERAPY:
      p = put_literal (p, ", \"therapy\": ");
      p = put_c_string (p, lumbar_therapy_to_string (lumbar_entry_get_therapy (entry)));
      break;

    case LUMBAR_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  p = put_literal (p, ", \"note\": ");
  p = put_string (p, note, note_len);
  *p++ = '}';
  writer_done (w, p);
}

/* "  \"NAME\": " and a string, for the export's header. */
static void
write_header_string (Writer     *w,
                     const char *before,
                     const char *text,
                     const char *after)
{
  gsize length = strlen (text);
  char *p = writer_reserve (w, strlen (before) + STRING_ROOM (length) + strlen (after));

  p = put (p, before, strlen (before));
  p = put_string (p, text, length);
  p = put (p, after, strlen (after));
  writer_done (w, p);
}

static void
write_raw (Writer     *w,
           const char *text)
{
  gsize length = strlen (text);

  writer_done (w, put (writer_reserve (w, length), text, length));
}

/**
 * lumbar_document_to_bytes:
 * @doc: a document; its export fields are written when set
 *
 * Returns: (transfer full): the document as UTF-8 JSON, one entry a line
 */
GBytes *
lumbar_document_to_bytes (LumbarDocument *doc)
{
  /* Most entries take 150 to 200 bytes: usually one allocation in all. */
  Writer w = { NULL, 0, 0 };

  writer_reserve (&w, MIN (512 + (gsize) doc->entries->len * 200, LUMBAR_MAX_FILE_SIZE));
  write_raw (&w, "{\n  \"format\": \"" LUMBAR_FORMAT_NAME "\",\n"
                 "  \"version\": " G_STRINGIFY (LUMBAR_FORMAT_VERSION) ",\n");

  if (doc->exported_at)
    write_header_string (&w, "  \"exported_at\": ", doc->exported_at, ",\n");
  if (doc->patient_name)
    write_header_string (&w, "  \"patient\": {\"name\": ", doc->patient_name, "},\n");
  if (doc->range_from != LUMBAR_DAY_INVALID && doc->range_to != LUMBAR_DAY_INVALID)
    {
      g_autofree char *from = lumbar_day_to_string (doc->range_from);
      g_autofree char *to = lumbar_day_to_string (doc->range_to);
      g_autofree char *range = g_strdup_printf ("  \"range\": {\"from\": \"%s\", \"to\": \"%s\"},\n", from, to);

      write_raw (&w, range);
    }

  write_raw (&w, "  \"entries\": [");
  for (guint i = 0; i < doc->entries->len; i++)
    write_entry (&w, g_ptr_array_index (doc->entries, i), i == 0);
  write_raw (&w, doc->entries->len ? "\n  ]\n}\n" : "]\n}\n");

  /* A NUL after the bytes, not counted, as g_file_get_contents() leaves
   * one: callers may read the document as a string. */
  *writer_reserve (&w, 1) = '\0';
  return g_bytes_new_take (w.data, w.len);
}

/**
 * lumbar_entries_to_bytes:
 * @entries: (element-type LumbarEntry): the journal's entries
 *
 * Returns: (transfer full): a journal document holding @entries
 */
GBytes *
lumbar_entries_to_bytes (GPtrArray *entries)
{
  LumbarDocument doc = {
    .version = LUMBAR_FORMAT_VERSION,
    .entries = entries,
    .range_from = LUMBAR_DAY_INVALID,
    .range_to = LUMBAR_DAY_INVALID,
  };

  return lumbar_document_to_bytes (&doc);
}

/**
 * lumbar_json_builder_to_bytes:
 * @builder: a builder holding a finished document
 * @indent: spaces per level
 *
 * For the small documents written with a #JsonBuilder (timers, FHIR);
 * diaries have a writer of their own.
 *
 * Returns: (transfer full): the document, pretty-printed
 */
GBytes *
lumbar_json_builder_to_bytes (JsonBuilder *builder,
                              guint        indent)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  gsize length = 0;
  char *data;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, indent);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}
