#include "json/SessionValue.h"

#include <QCoreApplication>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sessionlens {

SessionValue::SessionValue(const SessionValue &other)
    : m_type(other.m_type), m_bool(other.m_bool), m_utcOffset(other.m_utcOffset),
      m_float(other.m_float), m_string(other.m_string), m_raw(other.m_raw), m_int(other.m_int),
      m_key(other.m_key)
{
    m_children.reserve(other.m_children.size());
    for (const auto &child : other.m_children) {
        m_children.push_back(std::make_unique<SessionValue>(*child));
        m_children.back()->m_parent = this;
        m_children.back()->m_index = child->m_index;
    }
}

SessionValue &SessionValue::operator=(const SessionValue &other)
{
    if (this != &other) {
        SessionValue copy(other);
        *this = std::move(copy);
    }
    return *this;
}

SessionValue::SessionValue(SessionValue &&other) noexcept
    : m_type(other.m_type), m_bool(other.m_bool), m_utcOffset(other.m_utcOffset),
      m_float(other.m_float), m_string(std::move(other.m_string)), m_raw(std::move(other.m_raw)),
      m_int(other.m_int), m_key(std::move(other.m_key)), m_children(std::move(other.m_children))
{
    adoptChildren();
}

SessionValue &SessionValue::operator=(SessionValue &&other) noexcept
{
    if (this != &other) {
        m_type = other.m_type;
        m_bool = other.m_bool;
        m_utcOffset = other.m_utcOffset;
        m_float = other.m_float;
        m_string = std::move(other.m_string);
        m_raw = std::move(other.m_raw);
        m_int = other.m_int;
        m_key = std::move(other.m_key);
        m_children = std::move(other.m_children);
        adoptChildren();
    }
    return *this;
}

void SessionValue::adoptChildren()
{
    renumberChildren(0);
    for (auto &child : m_children)
        child->m_parent = this;
}

void SessionValue::renumberChildren(qsizetype from)
{
    for (std::size_t i = static_cast<std::size_t>(std::max<qsizetype>(0, from));
         i < m_children.size(); ++i)
        m_children[i]->m_index = static_cast<qsizetype>(i);
}

void SessionValue::reset(Type type)
{
    m_type = type;
    m_bool = false;
    m_utcOffset = 0;
    m_float = 0.0;
    m_int = 0;
    if (!m_string.isNull())
        m_string = QString();
    if (!m_raw.isNull())
        m_raw = QByteArray();
    m_children.clear();
}

void SessionValue::setNull()
{
    reset(Type::Null);
}

void SessionValue::setBool(bool value)
{
    reset(Type::Bool);
    m_bool = value;
}

void SessionValue::setInteger(QByteArrayView decimal)
{
    reset(Type::Integer);
    const bool negative = decimal.startsWith('-');
    QByteArrayView digits = negative ? decimal.sliced(1) : decimal;
    while (digits.size() > 1 && digits.front() == '0')
        digits = digits.sliced(1);
    if (digits.isEmpty())
        digits = "0";
    // Values that fit in 64 bits stay inline (no allocation, one canonical form).
    qint64 value = 0;
    const auto [end, ec] = std::from_chars(decimal.data(), decimal.data() + decimal.size(), value);
    if (ec == std::errc() && end == decimal.data() + decimal.size()) {
        m_int = value;
        return;
    }
    // Python has no negative zero integer; longer numbers are never zero here.
    m_raw.reserve(digits.size() + 1);
    if (negative)
        m_raw.append('-');
    m_raw.append(digits);
}

QByteArray SessionValue::integerText() const
{
    QByteArray out;
    appendIntegerText(out);
    return out;
}

void SessionValue::appendIntegerText(QByteArray &out) const
{
    if (!m_raw.isEmpty()) {
        out.append(m_raw);
        return;
    }
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, m_int);
    out.append(buffer, result.ptr - buffer);
}

void SessionValue::setFloat(double value, QByteArray lexeme)
{
    reset(Type::Float);
    m_float = value;
    m_raw = std::move(lexeme);
}

void SessionValue::setString(QString value)
{
    reset(Type::String);
    m_string = std::move(value);
}

void SessionValue::setBytes(QByteArray value)
{
    reset(Type::Bytes);
    m_raw = std::move(value);
}

void SessionValue::setList()
{
    reset(Type::List);
}

void SessionValue::setDict()
{
    reset(Type::Dict);
}

void SessionValue::setTuple()
{
    reset(Type::Tuple);
}

void SessionValue::setTupleFromList()
{
    if (m_type == Type::List)
        m_type = Type::Tuple;
}

void SessionValue::setListFromTuple()
{
    if (m_type == Type::Tuple)
        m_type = Type::List;
}

void SessionValue::setMarkup(QString html)
{
    reset(Type::Markup);
    m_string = std::move(html);
}

void SessionValue::setUuid(QByteArray bytes)
{
    reset(Type::Uuid);
    m_raw = std::move(bytes);
}

void SessionValue::setDateTime(qint64 secondsSinceEpoch, qint32 utcOffsetSeconds)
{
    reset(Type::DateTime);
    m_int = secondsSinceEpoch;
    m_utcOffset = utcOffsetSeconds;
}

SessionValue SessionValue::makeTuple()
{
    SessionValue v;
    v.m_type = Type::Tuple;
    return v;
}

SessionValue SessionValue::makeMarkup(QString html)
{
    SessionValue v;
    v.setMarkup(std::move(html));
    return v;
}

SessionValue SessionValue::makeUuid(QByteArray bytes)
{
    SessionValue v;
    v.setUuid(std::move(bytes));
    return v;
}

SessionValue SessionValue::makeDateTime(qint64 secondsSinceEpoch)
{
    SessionValue v;
    v.setDateTime(secondsSinceEpoch);
    return v;
}

SessionValue SessionValue::makeBool(bool value)
{
    SessionValue v;
    v.setBool(value);
    return v;
}

SessionValue SessionValue::makeInteger(QByteArrayView decimal)
{
    SessionValue v;
    v.setInteger(decimal);
    return v;
}

SessionValue SessionValue::makeInteger(qint64 value)
{
    SessionValue v;
    v.m_type = Type::Integer;
    v.m_int = value;
    return v;
}

SessionValue SessionValue::makeFloat(double value, QByteArray lexeme)
{
    SessionValue v;
    v.setFloat(value, std::move(lexeme));
    return v;
}

SessionValue SessionValue::makeString(QString value)
{
    SessionValue v;
    v.setString(std::move(value));
    return v;
}

SessionValue SessionValue::makeBytes(QByteArray value)
{
    SessionValue v;
    v.setBytes(std::move(value));
    return v;
}

SessionValue SessionValue::makeList()
{
    SessionValue v;
    v.m_type = Type::List;
    return v;
}

SessionValue SessionValue::makeDict()
{
    SessionValue v;
    v.m_type = Type::Dict;
    return v;
}

QString SessionValue::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::Bool:
        return QStringLiteral("bool");
    case Type::Integer:
        return QStringLiteral("int");
    case Type::Float:
        return QStringLiteral("float");
    case Type::String:
        return QStringLiteral("str");
    case Type::Bytes:
        return QStringLiteral("bytes");
    case Type::List:
        return QStringLiteral("list");
    case Type::Dict:
        return QStringLiteral("dict");
    case Type::Tuple:
        return QStringLiteral("tuple");
    case Type::Markup:
        return QStringLiteral("Markup");
    case Type::Uuid:
        return QStringLiteral("UUID");
    case Type::DateTime:
        return QStringLiteral("datetime");
    }
    return {};
}

std::optional<qint64> SessionValue::toInt64() const
{
    if (m_type != Type::Integer)
        return std::nullopt;
    if (m_raw.isEmpty())
        return m_int;
    qint64 out = 0;
    const auto [end, ec] =
        std::from_chars(m_raw.constData(), m_raw.constData() + m_raw.size(), out);
    if (ec != std::errc() || end != m_raw.constData() + m_raw.size())
        return std::nullopt;
    return out;
}

qsizetype SessionValue::indexInParent() const
{
    // Kept current by every mutation, so item models find a parent's row in O(1).
    return m_parent ? m_index : -1;
}

qsizetype SessionValue::indexOfKey(const QString &key) const
{
    for (std::size_t i = 0; i < m_children.size(); ++i) {
        if (m_children[i]->m_key == key)
            return static_cast<qsizetype>(i);
    }
    return -1;
}

const SessionValue *SessionValue::value(const QString &key) const
{
    const qsizetype index = indexOfKey(key);
    return index < 0 ? nullptr : child(index);
}

SessionValue *SessionValue::value(const QString &key)
{
    const qsizetype index = indexOfKey(key);
    return index < 0 ? nullptr : child(index);
}

qsizetype SessionValue::nodeCount() const
{
    qsizetype count = 1;
    for (const auto &c : m_children)
        count += c->nodeCount();
    return count;
}

int SessionValue::depth() const
{
    int deepest = 0;
    for (const auto &c : m_children)
        deepest = std::max(deepest, c->depth());
    return deepest + 1;
}

SessionValue *SessionValue::append(SessionValue value)
{
    return insert(size(), std::move(value));
}

SessionValue *SessionValue::insert(qsizetype index, SessionValue value)
{
    auto node = std::make_unique<SessionValue>(std::move(value));
    node->m_parent = this;
    SessionValue *raw = node.get();
    m_children.insert(m_children.begin() + index, std::move(node));
    renumberChildren(index);
    return raw;
}

SessionValue *SessionValue::setValue(const QString &key, SessionValue value)
{
    const qsizetype index = indexOfKey(key);
    if (index >= 0) {
        child(index)->assign(std::move(value));
        return child(index);
    }
    value.m_key = key;
    return insert(size(), std::move(value));
}

SessionValue *SessionValue::insertEntry(qsizetype index, const QString &key, SessionValue value)
{
    if (indexOfKey(key) >= 0)
        return nullptr;
    value.m_key = key;
    return insert(index, std::move(value));
}

SessionValue *SessionValue::appendEntryUnchecked(const QString &key, SessionValue value)
{
    value.m_key = key;
    return insert(size(), std::move(value));
}

SessionValue *SessionValue::appendChild(const QString &key)
{
    auto node = std::make_unique<SessionValue>();
    node->m_parent = this;
    node->m_key = key;
    node->m_index = size();
    SessionValue *raw = node.get();
    if (m_children.capacity() == 0)
        m_children.reserve(4); // skip the 1-2-4 growth steps of small containers
    m_children.push_back(std::move(node));
    return raw;
}

SessionValue SessionValue::take(qsizetype index)
{
    std::unique_ptr<SessionValue> node = std::move(m_children[static_cast<std::size_t>(index)]);
    m_children.erase(m_children.begin() + index);
    renumberChildren(index);
    SessionValue out(std::move(*node));
    out.m_parent = nullptr;
    return out;
}

void SessionValue::remove(qsizetype index)
{
    m_children.erase(m_children.begin() + index);
    renumberChildren(index);
}

void SessionValue::move(qsizetype from, qsizetype to)
{
    if (from == to)
        return;
    auto node = std::move(m_children[static_cast<std::size_t>(from)]);
    m_children.erase(m_children.begin() + from);
    m_children.insert(m_children.begin() + to, std::move(node));
    renumberChildren(std::min(from, to));
}

bool SessionValue::renameChild(qsizetype index, const QString &key)
{
    const qsizetype existing = indexOfKey(key);
    if (existing >= 0 && existing != index)
        return false;
    child(index)->m_key = key;
    return true;
}

void SessionValue::assign(SessionValue other)
{
    QString key = std::move(m_key);
    SessionValue *parent = m_parent;
    const qsizetype index = m_index;
    *this = std::move(other);
    m_key = std::move(key);
    m_parent = parent;
    m_index = index;
}

bool SessionValue::operator==(const SessionValue &other) const
{
    if (m_type != other.m_type || m_children.size() != other.m_children.size())
        return false;
    switch (m_type) {
    case Type::Null:
        break;
    case Type::Bool:
        if (m_bool != other.m_bool)
            return false;
        break;
    case Type::Integer:
        if (m_raw != other.m_raw || m_int != other.m_int)
            return false;
        break;
    case Type::Bytes:
    case Type::Uuid:
        if (m_raw != other.m_raw)
            return false;
        break;
    case Type::DateTime:
        if (m_int != other.m_int || m_utcOffset != other.m_utcOffset)
            return false;
        break;
    case Type::Float:
        if (!(m_float == other.m_float || (std::isnan(m_float) && std::isnan(other.m_float))) ||
            std::signbit(m_float) != std::signbit(other.m_float))
            return false;
        break;
    case Type::String:
    case Type::Markup:
        if (m_string != other.m_string)
            return false;
        break;
    case Type::List:
    case Type::Dict:
    case Type::Tuple:
        for (std::size_t i = 0; i < m_children.size(); ++i) {
            const SessionValue &a = *m_children[i];
            const SessionValue &b = *other.m_children[i];
            if ((m_type == Type::Dict && a.m_key != b.m_key) || a != b)
                return false;
        }
        break;
    }
    return true;
}

} // namespace sessionlens
