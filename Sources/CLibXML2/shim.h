#ifndef NIANBAO_CLIBXML2_SHIM_H
#define NIANBAO_CLIBXML2_SHIM_H
// Debian's libxml2 headers pull in ICU's converter API, whose types clash with the ICU that
// Foundation ships. nianbao decodes bytes itself and never touches xmlCharEncodingHandler, so the
// ICU part of libxml2's headers is switched off here (see BUILD-NOTES, "libxml2 and Foundation").
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
