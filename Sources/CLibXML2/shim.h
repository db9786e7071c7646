/*
 * CLibXML2: libxml2's HTML parser for reading saved web pages (DossierCore/Model/HTMLDocument.swift).
 *
 * Debian's libxml2 is built with ICU, and <libxml/encoding.h> then includes <unicode/ucnv.h>, whose types
 * clash with the ICU that Foundation carries ("UErrorCode has different definitions in different modules").
 * Dossier only calls the parser and reads the tree; it never touches an encoding handler's fields, the only
 * place ICU types appear, so ICU is left out of this module.
 */
#ifndef DOSSIER_CLIBXML2_SHIM_H
#define DOSSIER_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* libxml2 prints some errors (an encoding that fails part way) through its generic handler even with
 * HTML_PARSE_NOERROR. The handler is per thread; this one drops them: the loader says itself, with the file's
 * name, when a page cannot be read. Swift cannot write a variadic C function, hence these two. */
static void dossier_xml_ignore(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void dossier_xml_silence_this_thread(void) {
    xmlSetGenericErrorFunc(NULL, dossier_xml_ignore);
}

#endif /* DOSSIER_CLIBXML2_SHIM_H */
