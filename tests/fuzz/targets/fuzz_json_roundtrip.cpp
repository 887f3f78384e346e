// The reader accepts or refuses; what it accepts, the writer writes, and writing what
// the reader makes of that text gives the same text again (both dialects). What the
// audit's validator vouches for, the reader reads as a session (small limits included).
// The kept input json_roundtrip/loose-tags-past-the-node-limit is the case below.
#include "FuzzSupport.h"
#include "json/PythonJsonReader.h"
#include "json/PythonJsonValidator.h"
#include "json/PythonJsonWriter.h"

using namespace sessionlens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const bool flask = data[0] & 1;
    const QByteArrayView text(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    PythonJsonReader::Options options;
    options.dialect = flask ? PythonJsonReader::Dialect::FlaskTagged
                            : PythonJsonReader::Dialect::EncryptedSession;
    const auto style =
        flask ? PythonJsonWriter::Style::FlaskTagged : PythonJsonWriter::Style::EncryptedSession;
    if (data[0] & 2)
        options.maxDepth = 3;
    if (data[0] & 4)
        options.maxNodes = 12;
    QStringList warnings;
    auto first = PythonJsonReader::read(text, options, &warnings);
    FUZZ_CHECK(warnings.size() <= limits::kMaxWarnings + 1);
    if (PythonJsonValidator::readsAsSession(text, options))
        FUZZ_CHECK(first.ok() && first->type() == SessionValue::Type::Dict);
    if (!first)
        return 0;
    const QByteArray written = PythonJsonWriter::write(first.value(), style);
    auto second = PythonJsonReader::read(written, options);
    // A crafted tag Flask reads loosely (a string as a tuple of its characters) grows into more
    // values than the text had, so under the small limits the text Flask would write for it may
    // pass them: then, and only then, the re-read may stop at a limit.
    const bool smallLimits = (data[0] & 6) != 0;
    if (!second.ok() && smallLimits && !warnings.isEmpty() &&
        second.error().category == ErrorCategory::Limit)
        return 0;
    FUZZ_CHECK(second.ok());
    FUZZ_CHECK(PythonJsonWriter::write(second.value(), style) == written);
    return 0;
}
