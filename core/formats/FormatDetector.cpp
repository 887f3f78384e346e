#include "formats/FormatDetector.h"

#include "encoding/Base64.h"

#include <QCoreApplication>
#include <algorithm>
#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define SESSIONLENS_SCAN_AVX2 1
#endif

namespace sessionlens {

namespace {

// One table lookup a character instead of a chain of comparisons: detect() runs once per cookie
// in a batch, where the branchy loop cost as much as a tenth of the audit.
enum CharClass : unsigned char
{
    NotUrlSafe = 1,     ///< outside [-_.0-9a-zA-Z]
    StandardOnly = 2,   ///< '+', '/' or '=': standard base64
    NotCookieChar = 4,  ///< in neither set
    NotCookieOctet = 8, ///< outside RFC 6265's cookie-octet
};

// RFC 6265's cookie-octet: what a cookie value holds unquoted (no control character, space,
// '"', ',', ';', '\' or DEL).
constexpr bool isCookieOctet(int c)
{
    return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
           (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

constexpr std::array<unsigned char, 256> makeClasses()
{
    std::array<unsigned char, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        const bool urlSafe = c == '-' || c == '_' || c == '.' || (c >= '0' && c <= '9') ||
                             (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool standard = c == '+' || c == '/' || c == '=';
        classes[std::size_t(c)] = static_cast<unsigned char>(
            (urlSafe ? 0 : NotUrlSafe) | (standard ? StandardOnly : 0) |
            (urlSafe || standard ? 0 : NotCookieChar) | (isCookieOctet(c) ? 0 : NotCookieOctet));
    }
    return classes;
}

constexpr std::array<unsigned char, 256> kClasses = makeClasses();

struct Scan
{
    qsizetype dots = 0;
    unsigned char seen = 0; ///< CharClass bits of any character
    qsizetype firstOtherChar = -1;
};

void scanBytes(const unsigned char *begin, const unsigned char *p, const unsigned char *end,
               Scan &scan)
{
    for (; p < end; ++p) {
        const unsigned char classes = kClasses[*p];
        if ((classes & NotCookieChar) && scan.firstOtherChar < 0)
            scan.firstOtherChar = p - begin;
        scan.seen |= classes;
        scan.dots += *p == '.';
    }
}

#if defined(__SSE2__)
/// Bytes b with unsigned (b - base) < count: one add and one signed compare, as adding 0x80 moves
/// the range to the bottom of the signed bytes.
inline __m128i inRange(__m128i v, unsigned char base, unsigned char count)
{
    return _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(char(0x80 - base))),
                          _mm_set1_epi8(char(0x80 + count)));
}

// A block with a character outside both base64 alphabets (Django's ':', Flask-Login's '|', a
// space): rare, so the cookie-octet test is made here only, not for every block.
void scanOtherChars(__m128i v, int cookieCharMask, qsizetype offset, Scan &scan)
{
    scan.seen |= NotCookieChar | NotUrlSafe;
    if (scan.firstOtherChar < 0)
        scan.firstOtherChar = offset + __builtin_ctz(unsigned(~cookieCharMask) & 0xffffu);
    const __m128i excluded = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8(','))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(';')),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    const __m128i octet = _mm_andnot_si128(excluded, inRange(v, 0x21, 0x7e - 0x21 + 1));
    if (_mm_movemask_epi8(octet) != 0xffff)
        scan.seen |= NotCookieOctet;
}

// Sixteen characters a step: detect() reads every byte of every cookie in a batch, and the
// byte loop was a twentieth of the audit's time. Classes as in kClasses, with range tests.
// Only two sets are tested: the cookie characters (both alphabets and '.') and the standard
// ones ('+', '/', '='); a text is URL-safe when it has characters of neither other kind.
void scanWide(const unsigned char *begin, const unsigned char *&p, const unsigned char *end,
              Scan &scan)
{
    __m128i standardAny = _mm_setzero_si128();
    while (end - p >= 16) {
        __m128i dotCount = _mm_setzero_si128();
        // At most 255 steps a round, so the byte counters of dots cannot wrap.
        for (int round = 0; round < 255 && end - p >= 16; ++round, p += 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const __m128i plus = _mm_cmpeq_epi8(v, _mm_set1_epi8('+'));
            const __m128i equals = _mm_cmpeq_epi8(v, _mm_set1_epi8('='));
            const __m128i dot = _mm_cmpeq_epi8(v, _mm_set1_epi8('.'));
            // '-', '.', '/' and the digits are one range, 0x2D-0x39.
            const __m128i cookieChar = _mm_or_si128(
                _mm_or_si128(inRange(v, '-', '9' - '-' + 1),
                             inRange(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26)),
                _mm_or_si128(_mm_or_si128(plus, equals), _mm_cmpeq_epi8(v, _mm_set1_epi8('_'))));
            standardAny =
                _mm_or_si128(standardAny, _mm_or_si128(_mm_or_si128(plus, equals),
                                                       _mm_cmpeq_epi8(v, _mm_set1_epi8('/'))));
            const int cookieCharMask = _mm_movemask_epi8(cookieChar);
            if (cookieCharMask != 0xffff) [[unlikely]]
                scanOtherChars(v, cookieCharMask, p - begin, scan);
            dotCount = _mm_sub_epi8(dotCount, dot); // a match is -1
        }
        const __m128i sums = _mm_sad_epu8(dotCount, _mm_setzero_si128());
        scan.dots += _mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4);
    }
    if (_mm_movemask_epi8(standardAny))
        scan.seen |= StandardOnly | NotUrlSafe;
}
#endif

#if defined(SESSIONLENS_SCAN_AVX2)
// The step above, 32 characters at a time where the processor has AVX2 (chosen at run time:
// the build targets every x86-64): with three-operand instructions it takes a third of the
// instructions a character. Blocks with other characters go to the 16-byte step's test.
// A constant GCC keeps in its register instead of building it again at every step (it does,
// for broadcasts of a byte, whatever registers are free).
__attribute__((target("avx2"))) inline __m256i pinned(__m256i constant)
{
    asm("" : "+x"(constant));
    return constant;
}

__attribute__((target("avx2"))) void scanWide32(const unsigned char *begin, const unsigned char *&p,
                                                const unsigned char *end, Scan &scan)
{
    // The constants once, and the position in a local: writes to `scan` could be writes to
    // `p` as far as the compiler knows, and it would store it at every step.
    const __m256i plusChar = pinned(_mm256_set1_epi8('+'));
    const __m256i equalsChar = pinned(_mm256_set1_epi8('='));
    const __m256i dotChar = pinned(_mm256_set1_epi8('.'));
    const __m256i slashChar = pinned(_mm256_set1_epi8('/'));
    const __m256i underscoreChar = pinned(_mm256_set1_epi8('_'));
    const __m256i lowerCase = pinned(_mm256_set1_epi8(0x20));
    // Bytes b with unsigned (b - base) < count, as inRange() does it.
    const __m256i rangeShift = pinned(_mm256_set1_epi8(char(0x80 - '-')));
    const __m256i rangeLimit = pinned(_mm256_set1_epi8(char(0x80 + ('9' - '-' + 1))));
    const __m256i letterShift = pinned(_mm256_set1_epi8(char(0x80 - 'a')));
    const __m256i letterLimit = pinned(_mm256_set1_epi8(char(0x80 + 26)));
    const unsigned char *q = p;
    __m256i standardAny = _mm256_setzero_si256();
    while (end - q >= 32) {
        __m256i dotCount = _mm256_setzero_si256();
        // At most 255 steps a round, so the byte counters of dots cannot wrap.
        for (int round = 0; round < 255 && end - q >= 32; ++round, q += 32) {
            const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(q));
            const __m256i plusOrEquals =
                _mm256_or_si256(_mm256_cmpeq_epi8(v, plusChar), _mm256_cmpeq_epi8(v, equalsChar));
            const __m256i dot = _mm256_cmpeq_epi8(v, dotChar);
            // '-', '.', '/' and the digits are one range, 0x2D-0x39.
            const __m256i cookieChar = _mm256_or_si256(
                _mm256_or_si256(
                    _mm256_cmpgt_epi8(rangeLimit, _mm256_add_epi8(v, rangeShift)),
                    _mm256_cmpgt_epi8(letterLimit,
                                      _mm256_add_epi8(_mm256_or_si256(v, lowerCase), letterShift))),
                _mm256_or_si256(plusOrEquals, _mm256_cmpeq_epi8(v, underscoreChar)));
            standardAny = _mm256_or_si256(
                standardAny, _mm256_or_si256(plusOrEquals, _mm256_cmpeq_epi8(v, slashChar)));
            const auto mask = unsigned(_mm256_movemask_epi8(cookieChar));
            if (mask != 0xffffffffu) [[unlikely]] {
                const qsizetype offset = q - begin;
                if ((mask & 0xffffu) != 0xffffu)
                    scanOtherChars(_mm256_castsi256_si128(v), int(mask & 0xffffu), offset, scan);
                if ((mask >> 16) != 0xffffu)
                    scanOtherChars(_mm256_extracti128_si256(v, 1), int(mask >> 16), offset + 16,
                                   scan);
            }
            dotCount = _mm256_sub_epi8(dotCount, dot); // a match is -1
        }
        const __m256i sums = _mm256_sad_epu8(dotCount, _mm256_setzero_si256());
        const __m128i half =
            _mm_add_epi64(_mm256_castsi256_si128(sums), _mm256_extracti128_si256(sums, 1));
        scan.dots += _mm_cvtsi128_si64(half) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(half, half));
    }
    p = q;
    if (!_mm256_testz_si256(standardAny, standardAny))
        scan.seen |= StandardOnly | NotUrlSafe;
}
#endif

} // namespace

FormatDetector::Characters FormatDetector::characters(QByteArrayView value)
{
    return characters(value, ScanSteps::Widest);
}

FormatDetector::Characters FormatDetector::characters(QByteArrayView value,
                                                      [[maybe_unused]] ScanSteps steps)
{
    Scan scan;
    const auto *begin = reinterpret_cast<const unsigned char *>(value.data());
    const auto *p = begin;
    const auto *end = p + value.size();
#if defined(SESSIONLENS_SCAN_AVX2)
    static const bool avx2 = __builtin_cpu_supports("avx2");
    if (avx2 && steps == ScanSteps::Widest)
        scanWide32(begin, p, end, scan);
#endif
#if defined(__SSE2__)
    if (steps != ScanSteps::One)
        scanWide(begin, p, end, scan);
#endif
    scanBytes(begin, p, end, scan);
    Characters found;
    found.dots = scan.dots;
    found.urlSafeOnly = !(scan.seen & NotUrlSafe);
    found.standardChars = scan.seen & StandardOnly;
    found.cookieCharsOnly = !(scan.seen & NotCookieChar);
    found.cookieOctetsOnly = !(scan.seen & NotCookieOctet);
    found.firstOtherChar = scan.firstOtherChar;
    return found;
}

FormatDetector::Format FormatDetector::detect(QByteArrayView value)
{
    return detect(value, characters(value));
}

FormatDetector::Format FormatDetector::detect(QByteArrayView value, const Characters &found)
{
    const qsizetype dots = found.dots;
    const bool urlSafeOnly = found.urlSafeOnly;
    const bool standardChars = found.standardChars;
    const qsizetype firstDot = value.indexOf('.');
    // EncryptedSession: a short flag, then three standard-base64 fields (tag and nonce padded).
    if (dots == 3 && firstDot > 0 && firstDot <= 2 && (standardChars || value.endsWith("==")))
        return Format::EncryptedSession;
    if (urlSafeOnly && ((dots == 2 && firstDot > 0) || (dots == 3 && value.startsWith('.'))))
        return Format::FlaskSigned;
    if (dots == 3 && firstDot > 0 && firstDot <= 2)
        return Format::EncryptedSession;
    // A cut or damaged signed cookie still shows its shape: a JSON payload ("eyJ" is '{"') or a
    // zlib one (".eJ"), so its own format's step can say what is missing.
    if (urlSafeOnly && (value.startsWith("eyJ") || value.startsWith(".eJ")))
        return Format::FlaskSigned;
    return Format::Unknown;
}

std::optional<QString> FormatDetector::diagnoseForeign(QByteArrayView value)
{
    // Session cookies end in short parts: their last two dots are found near the end, so this
    // costs little on the batch paths, which call it for every cookie.
    const qsizetype lastDot = value.lastIndexOf('.');
    if (lastDot > 0 && value.first(lastDot).lastIndexOf('.') >= 0)
        return std::nullopt;
    if (lastDot < 0) {
        const bool number = !value.isEmpty() && std::all_of(value.begin(), value.end(), [](char c) {
            return c >= '0' && c <= '9';
        });
        return number ? QCoreApplication::translate(
                            "sessionlens::Error",
                            "a bare number, not a session cookie (a Flask session has three parts "
                            "joined by '.', an EncryptedSession cookie four)")
                      : QCoreApplication::translate(
                            "sessionlens::Error",
                            "one value with no '.', not a session cookie (a Flask session has "
                            "three parts joined by '.', an EncryptedSession cookie four)");
    }
    // payload.signature: itsdangerous' Serializer (and Signer) write no timestamp. The signature
    // has a digest's size, which a cut Flask cookie's timestamp part never has.
    const qsizetype dot = lastDot;
    if (dot > 0 && characters(value).urlSafeOnly) {
        const auto signature = Base64::decode(value.sliced(dot + 1), Base64::Alphabet::UrlSafe);
        if (signature &&
            (signature->size() == 20 || signature->size() == 32 || signature->size() == 64))
            return QCoreApplication::translate(
                "sessionlens::Error",
                "signed with no timestamp: an itsdangerous Serializer token, not a Flask session");
    }
    return std::nullopt;
}

QString FormatDetector::name(Format format)
{
    switch (format) {
    case Format::EncryptedSession:
        return QStringLiteral("EncryptedSession");
    case Format::FlaskSigned:
        return QCoreApplication::translate("sessionlens::Note", "Flask / Quart signed session");
    case Format::Unknown:
        break;
    }
    return QCoreApplication::translate("sessionlens::Note", "unknown");
}

} // namespace sessionlens
