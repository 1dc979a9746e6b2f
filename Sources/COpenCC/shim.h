#ifndef NIANBAO_COPENCC_SHIM_H
#define NIANBAO_COPENCC_SHIM_H
#include <opencc/opencc.h>
#endif
