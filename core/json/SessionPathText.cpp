#include "json/SessionPathText.h"

#include "encoding/HexDigit.h"

#include "json/PythonRepr.h"

#include <QCoreApplication>

#include <algorithm>

namespace sessionlens {

namespace {

const QString kRoot = QStringLiteral("session");

Error syntaxError(const QString &message, qsizetype position)
{
    return Error::make(ErrorCategory::Format,
                       QCoreApplication::translate("sessionlens::Error", "path, character %1: %2")
                           .arg(position + 1)
                           .arg(message),
                       {}, -1, position);
}

bool isDecimal(QStringView text)
{
    if (text.startsWith(u'-'))
        text = text.mid(1);
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// A Python string literal at `text[pos]` (on its quote); `pos` ends after the closing quote.
Result<QString> readStringLiteral(QStringView text, qsizetype &pos)
{
    const QChar quote = text[pos];
    const qsizetype start = pos;
    ++pos;
    QString out;
    while (pos < text.size()) {
        const QChar c = text[pos];
        if (c == quote) {
            ++pos;
            return out;
        }
        if (c == u'\n')
            break;
        if (c != u'\\') {
            out.append(c);
            ++pos;
            continue;
        }
        if (pos + 1 >= text.size())
            break;
        const QChar e = text[pos + 1];
        pos += 2;
        switch (e.unicode()) {
        case '\\':
        case '\'':
        case '"':
            out.append(e);
            continue;
        case '\n':
            continue; // a line continuation, as in Python source
        case 'a':
            out.append(u'\a');
            continue;
        case 'b':
            out.append(u'\b');
            continue;
        case 'f':
            out.append(u'\f');
            continue;
        case 'n':
            out.append(u'\n');
            continue;
        case 'r':
            out.append(u'\r');
            continue;
        case 't':
            out.append(u'\t');
            continue;
        case 'v':
            out.append(u'\v');
            continue;
        default:
            break;
        }
        if (e >= u'0' && e <= u'7') {
            // Up to three octal digits, the first already read.
            char32_t value = e.unicode() - u'0';
            for (int i = 0; i < 2 && pos < text.size() && text[pos] >= u'0' && text[pos] <= u'7';
                 ++i, ++pos)
                value = value * 8 + (text[pos].unicode() - u'0');
            out.append(QChar(static_cast<char16_t>(value)));
            continue;
        }
        const int digits = e == u'x' ? 2 : e == u'u' ? 4 : e == u'U' ? 8 : 0;
        if (digits == 0)
            return syntaxError(
                QCoreApplication::translate("sessionlens::Error", "unknown escape \\%1 in a key")
                    .arg(e),
                pos - 2);
        char32_t value = 0;
        for (int i = 0; i < digits; ++i, ++pos) {
            const int digit =
                pos < text.size()
                    ? (text[pos].unicode() < 128 ? hexDigitValue(char(text[pos].unicode())) : -1)
                    : -1;
            if (digit < 0)
                return syntaxError(
                    QCoreApplication::translate("sessionlens::Error", "\\%1 takes %2 hex digits")
                        .arg(e)
                        .arg(digits),
                    pos);
            value = value * 16 + char32_t(digit);
        }
        if (value > 0x10ffff)
            return syntaxError(QCoreApplication::translate("sessionlens::Error",
                                                           "\\U%1 is past the last code point")
                                   .arg(value, 8, 16, QLatin1Char('0')),
                               pos - digits - 2);
        if (value > 0xffff) {
            const char32_t ucs[1] = {value};
            out.append(QString::fromUcs4(ucs, 1));
        } else {
            // A lone surrogate (\ud800) stays one, as Python strings may hold it.
            out.append(QChar(static_cast<char16_t>(value)));
        }
    }
    return syntaxError(
        QCoreApplication::translate("sessionlens::Error", "the key's quote is not closed"), start);
}

void skipSpaces(QStringView text, qsizetype &pos)
{
    while (pos < text.size() && text[pos] == u' ')
        ++pos;
}

Result<SessionPathText::Parsed> parsePython(QStringView text)
{
    SessionPathText::Parsed parsed;
    qsizetype pos = kRoot.size();
    while (pos < text.size() && text[pos] == u'[') {
        if (parsed.steps.size() >= SessionPathText::kMaxSteps)
            return Error::make(
                ErrorCategory::Limit,
                QCoreApplication::translate("sessionlens::Error", "the path has more than %1 steps")
                    .arg(SessionPathText::kMaxSteps));
        ++pos;
        skipSpaces(text, pos);
        if (pos >= text.size())
            return syntaxError(
                QCoreApplication::translate("sessionlens::Error", "the path ends inside [ ]"), pos);
        SessionPathText::Step step;
        const QChar c = text[pos];
        if (c == u'\'' || c == u'"') {
            auto key = readStringLiteral(text, pos);
            if (!key)
                return key.error();
            step.key = std::move(key).value();
        } else {
            const qsizetype start = pos;
            if (c == u'-')
                ++pos;
            while (pos < text.size() && text[pos] >= u'0' && text[pos] <= u'9')
                ++pos;
            bool ok = false;
            step.index = text.mid(start, pos - start).toLongLong(&ok);
            if (!ok)
                return syntaxError(
                    QCoreApplication::translate("sessionlens::Error",
                                                "a subscript is a quoted key or an integer index"),
                    start);
            step.kind = SessionPathText::Step::Kind::Index;
        }
        skipSpaces(text, pos);
        if (pos >= text.size() || text[pos] != u']')
            return syntaxError(QCoreApplication::translate("sessionlens::Error", "] expected"),
                               pos);
        ++pos;
        parsed.steps.append(std::move(step));
    }
    parsed.end = pos;
    return parsed;
}

Result<SessionPathText::Parsed> parseDotted(QStringView text)
{
    SessionPathText::Parsed parsed;
    qsizetype pos = 0;
    if (text.isEmpty() || text.front() == u'=')
        return parsed; // the session itself
    QString segment;
    const auto finish = [&parsed, &segment] {
        SessionPathText::Step step;
        step.kind = SessionPathText::Step::Kind::KeyOrIndex;
        step.key = segment;
        bool ok = false;
        if (isDecimal(segment))
            step.index = segment.toLongLong(&ok);
        if (!ok)
            step.kind = SessionPathText::Step::Kind::Key;
        parsed.steps.append(std::move(step));
        segment.clear();
    };
    for (; pos < text.size(); ++pos) {
        const QChar c = text[pos];
        if (c == u'=')
            break;
        if (c == u'\\') {
            if (++pos >= text.size())
                return syntaxError(QCoreApplication::translate("sessionlens::Error",
                                                               "the path ends in a lone backslash"),
                                   pos - 1);
            segment.append(text[pos]);
        } else if (c == u'.') {
            finish();
            if (parsed.steps.size() >= SessionPathText::kMaxSteps)
                return Error::make(ErrorCategory::Limit,
                                   QCoreApplication::translate("sessionlens::Error",
                                                               "the path has more than %1 steps")
                                       .arg(SessionPathText::kMaxSteps));
        } else {
            segment.append(c);
        }
    }
    finish();
    parsed.end = pos;
    return parsed;
}

} // namespace

Result<SessionPathText::Parsed> SessionPathText::parsePrefix(QStringView text)
{
    if (text.size() > kMaxChars)
        return Error::make(ErrorCategory::Limit,
                           QCoreApplication::translate("sessionlens::Error",
                                                       "the path is longer than %1 characters")
                               .arg(kMaxChars));
    const bool python =
        text.startsWith(kRoot) &&
        (text.size() == kRoot.size() || text[kRoot.size()] == u'[' || text[kRoot.size()] == u'=');
    return python ? parsePython(text) : parseDotted(text);
}

Result<SessionPathText::Steps> SessionPathText::parse(QStringView text)
{
    auto parsed = parsePrefix(text);
    if (!parsed)
        return parsed.error();
    if (parsed->end != text.size())
        return syntaxError(
            QCoreApplication::translate("sessionlens::Error", "unexpected text after the path"),
            parsed->end);
    return std::move(parsed->steps);
}

QString SessionPathText::python(const Steps &steps)
{
    QString out = kRoot;
    for (const Step &step : steps) {
        out.append(u'[');
        if (step.kind == Step::Kind::Index)
            out.append(QString::number(step.index));
        else
            out.append(PythonRepr::stringRepr(step.key));
        out.append(u']');
    }
    return out;
}

QString SessionPathText::dotted(const Steps &steps)
{
    if (!steps.isEmpty() && steps.front().kind != Step::Kind::Index && steps.front().key.isEmpty())
        return python(steps); // "" is the session itself in the dotted form
    QString out;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (i)
            out.append(u'.');
        const Step &step = steps[i];
        if (step.kind == Step::Kind::Index) {
            out.append(QString::number(step.index));
            continue;
        }
        const QString &key = step.key;
        // A first key that would read as the Python form, or any that holds a separator.
        const bool looksPython =
            i == 0 && key.startsWith(kRoot) &&
            (key.size() == kRoot.size() || key[kRoot.size()] == u'[' || key[kRoot.size()] == u'=');
        if (looksPython)
            out.append(u'\\');
        for (const QChar c : key) {
            if (c == u'.' || c == u'\\' || c == u'=')
                out.append(u'\\');
            out.append(c);
        }
    }
    return out;
}

SessionPathText::Steps SessionPathText::stepsOf(const SessionValue *node)
{
    Steps steps;
    while (node && node->parent()) {
        Step step;
        if (node->parent()->isSequence()) {
            step.kind = Step::Kind::Index;
            step.index = node->indexInParent();
        } else {
            step.key = node->key();
        }
        steps.prepend(std::move(step));
        node = node->parent();
    }
    return steps;
}

Result<qsizetype> SessionPathText::childIndex(const SessionValue &container, const Step &step,
                                              const QString &where)
{
    const QString type = SessionValue::typeName(container.type());
    if (container.isSequence()) {
        if (step.kind == Step::Kind::Key)
            return Error::make(
                ErrorCategory::Json,
                QCoreApplication::translate("sessionlens::Error", "%1 is a %2: it has no key %3")
                    .arg(where, type, PythonRepr::stringRepr(step.key)));
        const qint64 index = step.index < 0 ? container.size() + step.index : step.index;
        if (index < 0 || index >= container.size())
            return Error::make(
                ErrorCategory::Json,
                QCoreApplication::translate("sessionlens::Error", "%1 has no item %2 (it holds %3)")
                    .arg(where)
                    .arg(step.index)
                    .arg(container.size()));
        return qsizetype(index);
    }
    if (container.type() != SessionValue::Type::Dict)
        return Error::make(
            ErrorCategory::Json,
            QCoreApplication::translate("sessionlens::Error", "%1 is a %2, not a dict or list")
                .arg(where, type));
    if (step.kind == Step::Kind::Index)
        return Error::make(
            ErrorCategory::Json,
            QCoreApplication::translate(
                "sessionlens::Error", "%1 is a dict: its keys are strings, write [%2] for the key")
                .arg(where, PythonRepr::stringRepr(QString::number(step.index))));
    const qsizetype index = container.indexOfKey(step.key);
    if (index < 0)
        return Error::make(ErrorCategory::Json,
                           QCoreApplication::translate("sessionlens::Error", "%1 has no key %2")
                               .arg(where, PythonRepr::stringRepr(step.key)));
    return index;
}

Result<QList<qsizetype>> SessionPathText::resolve(const SessionValue &root, const Steps &steps)
{
    QList<qsizetype> indices;
    const SessionValue *node = &root;
    for (const Step &step : steps) {
        auto index = childIndex(*node, step, PythonRepr::path(node));
        if (!index)
            return index.error();
        indices.append(*index);
        node = node->child(*index);
    }
    return indices;
}

} // namespace sessionlens
