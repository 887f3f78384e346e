#include "json/TreeText.h"

#include "json/PythonRepr.h"

namespace sessionlens {

namespace {

QString childLabel(const SessionValue &node)
{
    const SessionValue *parent = node.parent();
    if (parent && parent->isSequence())
        return QStringLiteral("[%1]").arg(node.indexInParent());
    return PythonRepr::stringRepr(node.key());
}

QString summary(const SessionValue &node)
{
    if (node.isContainer())
        return QStringLiteral("%1 item%2").arg(node.size()).arg(node.size() == 1 ? QLatin1String("") : QLatin1String("s"));
    return TreeText::scalarText(node);
}

void appendIndented(const SessionValue &node, int depth, QString &out)
{
    for (qsizetype i = 0; i < node.size(); ++i) {
        const SessionValue &child = *node.child(i);
        out.append(QString(depth * 2, u' '));
        if (node.isSequence())
            out.append(QStringLiteral("[%1]").arg(i));
        else
            out.append(PythonRepr::stringRepr(child.key()));
        out.append(QStringLiteral(" (%1): ").arg(SessionValue::typeName(child.type())));
        out.append(summary(child));
        out.append(u'\n');
        if (child.isContainer())
            appendIndented(child, depth + 1, out);
    }
}

void appendOneLine(const SessionValue &node, QString &out)
{
    if (!node.isContainer()) {
        out.append(SessionValue::typeName(node.type()));
        out.append(u' ');
        out.append(TreeText::scalarText(node));
        return;
    }
    const bool dict = node.type() == SessionValue::Type::Dict;
    const bool tuple = node.type() == SessionValue::Type::Tuple;
    out.append(dict ? u'{' : tuple ? u'(' : u'[');
    for (qsizetype i = 0; i < node.size(); ++i) {
        if (i)
            out.append(QLatin1String(", "));
        if (dict) {
            out.append(childLabel(*node.child(i)));
            out.append(QLatin1String(": "));
        }
        appendOneLine(*node.child(i), out);
    }
    out.append(dict ? u'}' : tuple ? u')' : u']');
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

QString TreeText::indented(const SessionValue &value)
{
    QString out;
    if (!value.isContainer()) {
        out = QStringLiteral("(%1): %2\n").arg(SessionValue::typeName(value.type()), scalarText(value));
        return out;
    }
    out.append(QStringLiteral("(%1): %2\n").arg(SessionValue::typeName(value.type()), summary(value)));
    appendIndented(value, 1, out);
    return out;
}

QString TreeText::oneLine(const SessionValue &value)
{
    QString out;
    appendOneLine(value, out);
    return out;
}

} // namespace sessionlens
