#include "nianbao_opencc_dictionary.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

#include <opencc/DartsDict.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>
#include <opencc/TextDict.hpp>

namespace {

char *copy(const std::string &text) {
    char *result = static_cast<char *>(std::malloc(text.size() + 1));
    if (result != nullptr) std::memcpy(result, text.c_str(), text.size() + 1);
    return result;
}

opencc::DictPtr load(std::FILE *file, const std::string &type) {
    if (type == "ocd2") return opencc::MarisaDict::NewFromFile(file);
    if (type == "ocd") return opencc::DartsDict::NewFromFile(file);
    if (type == "text" || type == "txt") return opencc::TextDict::NewFromFile(file);
    return nullptr;
}

} // namespace

extern "C" char *nianbao_opencc_dictionary_keys(const char *path, const char *type, char **error) {
    *error = nullptr;
    std::FILE *file = std::fopen(path, "rb");
    if (file == nullptr) {
        *error = copy(std::string("cannot open ") + path + ": " + std::strerror(errno));
        return nullptr;
    }
    // OpenCC throws its own exceptions, not derived from std::exception: caught by the last clause.
    try {
        opencc::DictPtr dictionary = load(file, type);
        std::fclose(file);
        file = nullptr;
        if (!dictionary) {
            *error = copy(std::string("unknown dictionary type ") + type);
            return nullptr;
        }
        std::string keys;
        for (const auto &entry : *dictionary->GetLexicon()) {
            keys += entry->Key();
            keys += '\n';
        }
        return copy(keys);
    } catch (const std::exception &exception) {
        *error = copy(std::string("cannot read ") + path + ": " + exception.what());
    } catch (...) {
        *error = copy(std::string("cannot read ") + path + " as an OpenCC " + type + " dictionary");
    }
    if (file != nullptr) std::fclose(file);
    return nullptr;
}

extern "C" void nianbao_opencc_free(char *text) {
    std::free(text);
}
