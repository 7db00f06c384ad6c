#include "tillit_xml.h"
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

struct tillit_xml_reader {
    xmlTextReaderPtr reader;
    tillit_xml_read_fn fn;
    void *ctx;
    char error[512];
    int32_t error_line;
    int32_t error_count;
    const xmlChar *attr_name;
    xmlChar *attr_value;
};

static int io_read(void *context, char *buffer, int len) {
    tillit_xml_reader *r = context;
    return (int)r->fn(r->ctx, buffer, (int32_t)len);
}
static int io_close(void *context) { (void)context; return 0; }

/* Structured errors carry the line where the parser was, not the line of the reader's current node. */
static void on_structured_error(void *arg, xmlErrorPtr err) {
    tillit_xml_reader *r = arg;
    if (!err) return;
    r->error_count++;
    r->error_line = err->line;
    const char *msg = err->message ? err->message : "XML error";
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) n--;
    if (n >= sizeof r->error) n = sizeof r->error - 1;
    memcpy(r->error, msg, n); r->error[n] = 0;
}

/* Never load anything from outside the document: external DTDs and entities resolve to nothing. */
static xmlParserInputPtr no_external(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

/* libxml2 prints some errors (encoding conversion) through its global generic handler straight to
   stderr; Tillit reports errors itself, with file and line, so that channel is silenced. */
static void silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

tillit_xml_reader *tillit_xml_open(tillit_xml_read_fn fn, void *ctx, const char *url, const char *encoding, int32_t recover) {
    tillit_xml_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->fn = fn; r->ctx = ctx;
    xmlSetExternalEntityLoader(no_external);
    xmlSetGenericErrorFunc(NULL, silent_generic);
    int options = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
    if (recover) options |= XML_PARSE_RECOVER;
    r->reader = xmlReaderForIO(io_read, io_close, r, url, encoding, options);
    if (!r->reader) { free(r); return NULL; }
    xmlTextReaderSetStructuredErrorHandler(r->reader, on_structured_error, r);
    return r;
}

void tillit_xml_close(tillit_xml_reader *r) {
    if (!r) return;
    if (r->attr_value) xmlFree(r->attr_value);
    xmlFreeTextReader(r->reader);
    free(r);
}

int32_t tillit_xml_next(tillit_xml_reader *r) { return xmlTextReaderRead(r->reader); }
int32_t tillit_xml_node_type(tillit_xml_reader *r) { return xmlTextReaderNodeType(r->reader); }
int32_t tillit_xml_depth(tillit_xml_reader *r) { return xmlTextReaderDepth(r->reader); }
int32_t tillit_xml_is_empty(tillit_xml_reader *r) { return xmlTextReaderIsEmptyElement(r->reader); }
const char *tillit_xml_name(tillit_xml_reader *r) { return (const char *)xmlTextReaderConstLocalName(r->reader); }
const char *tillit_xml_value(tillit_xml_reader *r) { return (const char *)xmlTextReaderConstValue(r->reader); }
int32_t tillit_xml_attribute_count(tillit_xml_reader *r) { return xmlTextReaderAttributeCount(r->reader); }

int32_t tillit_xml_attribute(tillit_xml_reader *r, int32_t i, const char **name, const char **value) {
    if (xmlTextReaderMoveToAttributeNo(r->reader, i) != 1) return 0;
    *name = (const char *)xmlTextReaderConstLocalName(r->reader);
    *value = (const char *)xmlTextReaderConstValue(r->reader);
    xmlTextReaderMoveToElement(r->reader);
    return 1;
}

int32_t tillit_xml_line(tillit_xml_reader *r) {
    xmlNodePtr n = xmlTextReaderCurrentNode(r->reader);
    return n ? (int32_t)xmlGetLineNo(n) : -1;
}

const char *tillit_xml_last_error(tillit_xml_reader *r, int32_t *line) {
    if (line) *line = r->error_line;
    return r->error[0] ? r->error : NULL;
}
int32_t tillit_xml_error_count(tillit_xml_reader *r) { return r->error_count; }
