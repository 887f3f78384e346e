#include "os/ProcessHardening.h"

#include "crypto/SecureBytes.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <cstring>

namespace sessionlens {

namespace {
// Keys and secrets are tens of bytes; a wordlist hit or a key file's content fits too.
constexpr std::size_t kSecureHeapBytes = 1024 * 1024;
} // namespace

ProcessHardening::Outcome ProcessHardening::apply()
{
    Outcome outcome;
    ::umask(077);
    const rlimit noCore{0, 0};
    const bool noCoreFiles = ::setrlimit(RLIMIT_CORE, &noCore) == 0;
    // Not dumpable: no core file even where a pipe handler ignores RLIMIT_CORE, and no
    // ptrace attach by other processes of the same user.
    const bool notDumpable = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    outcome.dumpsDisabled = noCoreFiles && notDumpable;
    outcome.secureHeap = SecureBytes::useSecureHeap(kSecureHeapBytes);
    return outcome;
}

int ProcessHardening::scrubArguments(int argc, char **argv,
                                     std::initializer_list<std::string_view> secretOptions)
{
    return scrubArguments(argc, argv, std::vector<std::string_view>(secretOptions));
}

int ProcessHardening::scrubArguments(int argc, char **argv,
                                     const std::vector<std::string_view> &secretOptions)
{
    int wiped = 0;
    const auto wipe = [&wiped](char *text) {
        if (const std::size_t length = std::strlen(text); length > 0) {
            std::memset(text, 0, length);
            ++wiped;
        }
    };
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument(argv[i]);
        if (argument == "--")
            break; // what follows is positional, as the parser reads it
        for (const std::string_view option : secretOptions) {
            const bool isLong = option.size() > 2 && option.substr(0, 2) == "--";
            if (argument == option) {
                if (i + 1 < argc)
                    wipe(argv[++i]);
                break;
            }
            if (argument.size() > option.size() && argument.substr(0, option.size()) == option &&
                (!isLong || argument[option.size()] == '=')) {
                // --key=VALUE keeps "--key="; -kVALUE keeps "-k".
                wipe(argv[i] + option.size() + (isLong ? 1 : 0));
                break;
            }
        }
    }
    return wiped;
}

} // namespace sessionlens
