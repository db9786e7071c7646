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

#endif /* DOSSIER_CLIBXML2_SHIM_H */
