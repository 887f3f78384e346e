#include "text/TreeText.h"

#include "json/PythonRepr.h"
#include <QCoreApplication>

namespace sessionlens {

namespace {

constexpr qsizetype kChunkChars = 64 * 1024;

Error outputLimit(qsizetype limit)
{
    return Error::make(
        ErrorCategory::Limit,
        QCoreApplication::translate(
            "sessionlens::Error", "the rendered session exceeds the output limit of %1 characters")
            .arg(limit));
}

QString summary(const SessionValue &node)
{
    if (node.isContainer())
        return QStringLiteral("%1 item%2")
            .arg(node.size())
            .arg(node.size() == 1 ? QLatin1String("") : QLatin1String("s"));
    return TreeText::scalarText(node);
}

class IndentedWriter
{
public:
    IndentedWriter(const TreeText::Sink &sink, const TreeText::Options &options)
        : m_sink(sink), m_options(options)
    {
    }

    bool line(int depth, const QString &label, const SessionValue &node)
    {
        const int drawn = std::min(depth, m_options.maxIndentLevels);
        m_buffer.append(QString(drawn * 2, u' '));
        if (depth > drawn)
            m_buffer.append(QStringLiteral("[depth %1] ").arg(depth));
        m_buffer.append(label);
        if (!label.isEmpty())
            m_buffer.append(u' ');
        m_buffer.append(QStringLiteral("(%1): ").arg(SessionValue::typeName(node.type())));
        // Check before rendering a scalar: its text is at least as long as its content.
        if (m_written + m_buffer.size() + node.stringValue().size() + node.bytesValue().size() >
            m_options.maxOutputChars)
            return false;
        m_buffer.append(summary(node));
        m_buffer.append(u'\n');
        return flushIfFull();
    }

    bool children(const SessionValue &node, int depth)
    {
        for (qsizetype i = 0; i < node.size(); ++i) {
            const SessionValue &child = *node.child(i);
            const QString label = node.isSequence() ? QStringLiteral("[%1]").arg(i)
                                                    : PythonRepr::stringRepr(child.key());
            if (!line(depth, label, child))
                return false;
            if (child.isContainer() && !children(child, depth + 1))
                return false;
        }
        return true;
    }

    bool finish()
    {
        if (m_written + m_buffer.size() > m_options.maxOutputChars)
            return false;
        if (!m_buffer.isEmpty())
            m_sink(m_buffer);
        m_buffer.clear();
        return true;
    }

private:
    bool flushIfFull()
    {
        if (m_written + m_buffer.size() > m_options.maxOutputChars)
            return false;
        if (m_buffer.size() >= kChunkChars) {
            m_sink(m_buffer);
            m_written += m_buffer.size();
            m_buffer.clear();
        }
        return true;
    }

    const TreeText::Sink &m_sink;
    const TreeText::Options &m_options;
    QString m_buffer;
    qsizetype m_written = 0;
};

bool appendOneLine(const SessionValue &node, QString &out, qsizetype limit)
{
    if (out.size() + node.stringValue().size() + node.bytesValue().size() > limit)
        return false;
    if (!node.isContainer()) {
        out.append(SessionValue::typeName(node.type()));
        out.append(u' ');
        out.append(TreeText::scalarText(node));
        return out.size() <= limit;
    }
    const bool dict = node.type() == SessionValue::Type::Dict;
    const bool tuple = node.type() == SessionValue::Type::Tuple;
    out.append(dict ? u'{' : tuple ? u'(' : u'[');
    for (qsizetype i = 0; i < node.size(); ++i) {
        if (i)
            out.append(QLatin1String(", "));
        if (dict) {
            out.append(PythonRepr::stringRepr(node.child(i)->key()));
            out.append(QLatin1String(": "));
        }
        if (!appendOneLine(*node.child(i), out, limit))
            return false;
    }
    out.append(dict ? u'}' : tuple ? u')' : u']');
    return out.size() <= limit;
}

} // namespace

QString TreeText::scalarText(const SessionValue &value)
{
    switch (value.type()) {
    case SessionValue::Type::String:
        return PythonRepr::stringRepr(value.stringValue());
    case SessionValue::Type::Bytes:
        return PythonRepr::bytesRepr(value.bytesValue());
    case SessionValue::Type::Markup:
        return QStringLiteral("Markup(%1)").arg(PythonRepr::stringRepr(value.stringValue()));
    default:
        return PythonRepr::repr(value);
    }
}

Result<Done> TreeText::writeIndented(const SessionValue &value, const Sink &sink,
                                     const Options &options)
{
    IndentedWriter writer(sink, options);
    const bool ok = writer.line(0, QString(), value) &&
                    (!value.isContainer() || writer.children(value, 1)) && writer.finish();
    if (!ok)
        return outputLimit(options.maxOutputChars);
    return Done{};
}

Result<QString> TreeText::indented(const SessionValue &value, const Options &options)
{
    QString out;
    auto written = writeIndented(
        value, [&out](const QString &chunk) { out.append(chunk); }, options);
    if (!written)
        return written.error();
    return out;
}

Result<QString> TreeText::oneLine(const SessionValue &value, const Options &options)
{
    QString out;
    if (!appendOneLine(value, out, options.maxOutputChars))
        return outputLimit(options.maxOutputChars);
    return out;
}

Result<Done> TreeText::writeIndented(const SessionValue &value, const Sink &sink)
{
    return writeIndented(value, sink, Options{});
}

Result<QString> TreeText::indented(const SessionValue &value)
{
    return indented(value, Options{});
}

Result<QString> TreeText::oneLine(const SessionValue &value)
{
    return oneLine(value, Options{});
}

} // namespace sessionlens
