// Thin C shim over libxml2's streaming xmlTextReader. No libxml2 (or ICU) types leak into Swift.
// Network access and external entities are always off; entity expansion is left to libxml2's built-in
// amplification limits and never substituted into the tree (no XML_PARSE_NOENT).
#ifndef TILLIT_XML_H
#define TILLIT_XML_H
#include <stdint.h>

typedef struct tillit_xml_reader tillit_xml_reader;
/// Pull callback: fill `buf` with up to `len` bytes; return the count, 0 at end of input, -1 on error.
typedef int32_t (*tillit_xml_read_fn)(void *ctx, char *buf, int32_t len);

/// Node types (libxml2's xmlReaderTypes values).
enum { TILLIT_XML_ELEMENT = 1, TILLIT_XML_TEXT = 3, TILLIT_XML_CDATA = 4, TILLIT_XML_ENTITY_REF = 5,
       TILLIT_XML_END_ELEMENT = 15, TILLIT_XML_SIGNIFICANT_WHITESPACE = 14 };

/// Opens a reader pulling bytes through `fn`. `encoding` may be NULL (autodetect from the declaration/BOM).
/// `recover` != 0 keeps going after well-formedness errors (for feeds with undefined HTML entities).
tillit_xml_reader *tillit_xml_open(tillit_xml_read_fn fn, void *ctx, const char *url, const char *encoding, int32_t recover);
void tillit_xml_close(tillit_xml_reader *r);
/// Advances to the next node: 1 = a node, 0 = end of document, -1 = fatal error.
int32_t tillit_xml_next(tillit_xml_reader *r);
int32_t tillit_xml_node_type(tillit_xml_reader *r);
int32_t tillit_xml_depth(tillit_xml_reader *r);
int32_t tillit_xml_is_empty(tillit_xml_reader *r);
/// Local name / value of the current node; valid until the next call on the reader. NULL when absent.
const char *tillit_xml_name(tillit_xml_reader *r);
const char *tillit_xml_value(tillit_xml_reader *r);
int32_t tillit_xml_attribute_count(tillit_xml_reader *r);
/// Attribute i of the current element (name and value pointers valid until the next call).
int32_t tillit_xml_attribute(tillit_xml_reader *r, int32_t i, const char **name, const char **value);
/// The current line number in the input (best effort).
int32_t tillit_xml_line(tillit_xml_reader *r);
/// Last error message (or NULL), with its line.
const char *tillit_xml_last_error(tillit_xml_reader *r, int32_t *line);
/// Number of errors reported so far (recoverable ones included).
int32_t tillit_xml_error_count(tillit_xml_reader *r);
#endif
