#ifndef NIANBAO_OPENCC_DICTIONARY_H
#define NIANBAO_OPENCC_DICTIONARY_H

#ifdef __cplusplus
extern "C" {
#endif

/// The keys of one OpenCC dictionary file, through OpenCC's own C++ API (its C API has no way to
/// list them). `type` is the configuration's dictionary type: "ocd2" (marisa), "ocd" (darts) or "text".
/// Returns the keys joined by '\n', to be freed with nianbao_opencc_free; NULL on failure, with a
/// message in *error (also freed with nianbao_opencc_free).
char *nianbao_opencc_dictionary_keys(const char *path, const char *type, char **error);

void nianbao_opencc_free(char *text);

#ifdef __cplusplus
}
#endif

#endif
