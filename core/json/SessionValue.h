#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace sessionlens {

/**
 * One node of a session: an ordered, typed and lossless JSON-like tree.
 *
 * - Dict keys keep their insertion order (the cookie depends on it).
 * - Integers are held as canonical decimal text, so any size survives.
 * - Floats keep the lexeme they were read from until they are edited.
 * - Strings are UTF-16 and may hold lone surrogates, as Python strings may.
 * - Bytes are a node of their own (written back as the format's tag object).
 *
 * Children are heap nodes with a parent pointer, so a node's address stays
 * valid while its siblings are inserted or removed (item models rely on it).
 */
class SessionValue
{
public:
    /// Tuple, Markup, Uuid and DateTime are Flask's tagged types (default signed session).
    enum class Type : quint8
    {
        Null,
        Bool,
        Integer,
        Float,
        String,
        Bytes,
        List,
        Dict,
        Tuple,
        Markup,
        Uuid,
        DateTime
    };

    SessionValue() = default;
    ~SessionValue() = default;
    SessionValue(const SessionValue &other);
    SessionValue &operator=(const SessionValue &other);
    SessionValue(SessionValue &&other) noexcept;
    SessionValue &operator=(SessionValue &&other) noexcept;

    [[nodiscard]] static SessionValue makeNull() { return {}; }
    [[nodiscard]] static SessionValue makeBool(bool value);
    /// `decimal` must be a valid integer literal (optional '-', digits); it is canonicalised.
    [[nodiscard]] static SessionValue makeInteger(QByteArrayView decimal);
    [[nodiscard]] static SessionValue makeInteger(qint64 value);
    /// `lexeme` is the text the number was read from; empty means "as Python prints it".
    [[nodiscard]] static SessionValue makeFloat(double value, QByteArray lexeme = {});
    [[nodiscard]] static SessionValue makeString(QString value);
    [[nodiscard]] static SessionValue makeBytes(QByteArray value);
    [[nodiscard]] static SessionValue makeList();
    [[nodiscard]] static SessionValue makeDict();
    [[nodiscard]] static SessionValue makeTuple();
    [[nodiscard]] static SessionValue makeMarkup(QString html);
    /// `bytes` must be the 16 bytes of the UUID.
    [[nodiscard]] static SessionValue makeUuid(QByteArray bytes);
    /// Seconds since 1970-01-01 UTC (Flask's http_date keeps whole seconds).
    [[nodiscard]] static SessionValue makeDateTime(qint64 secondsSinceEpoch);

    [[nodiscard]] Type type() const { return m_type; }
    [[nodiscard]] bool isContainer() const
    {
        return m_type == Type::List || m_type == Type::Dict || m_type == Type::Tuple;
    }
    /// List or Tuple: children without keys.
    [[nodiscard]] bool isSequence() const { return m_type == Type::List || m_type == Type::Tuple; }
    /// Stable English name for messages and reports ("str", "dict", ...).
    [[nodiscard]] static QString typeName(Type type);

    [[nodiscard]] bool boolValue() const { return m_bool; }
    /// Canonical decimal digits of an Integer node.
    [[nodiscard]] QByteArray integerText() const;
    /// Appends the canonical decimal digits of an Integer node without allocating a temporary.
    void appendIntegerText(QByteArray &out) const;
    [[nodiscard]] std::optional<qint64> toInt64() const;
    [[nodiscard]] double floatValue() const { return m_float; }
    /// The text a Float was read from; empty once edited or when built in code.
    [[nodiscard]] const QByteArray &floatLexeme() const { return m_raw; }
    /// Text of a String or Markup node.
    [[nodiscard]] const QString &stringValue() const { return m_string; }
    /// The 16 bytes of a Uuid node.
    [[nodiscard]] const QByteArray &uuidBytes() const { return m_raw; }
    [[nodiscard]] qint64 dateTimeSeconds() const { return m_int; }
    /// The datetime's tzinfo as seconds east of UTC: 0 for UTC, which is all Flask writes; a
    /// crafted " d" date may carry another (parse_date keeps it, http_date writes UTC).
    [[nodiscard]] qint32 dateTimeUtcOffset() const { return m_utcOffset; }
    [[nodiscard]] const QByteArray &bytesValue() const { return m_raw; }

    // Children of List and Dict nodes.
    [[nodiscard]] qsizetype size() const { return static_cast<qsizetype>(m_children.size()); }
    [[nodiscard]] SessionValue *child(qsizetype index)
    {
        return m_children[static_cast<std::size_t>(index)].get();
    }
    [[nodiscard]] const SessionValue *child(qsizetype index) const
    {
        return m_children[static_cast<std::size_t>(index)].get();
    }
    [[nodiscard]] SessionValue *parent() const { return m_parent; }
    /// Position among the parent's children, -1 for a root.
    [[nodiscard]] qsizetype indexInParent() const;
    /// The key of this node inside its parent Dict (empty otherwise).
    [[nodiscard]] const QString &key() const { return m_key; }
    [[nodiscard]] qsizetype indexOfKey(const QString &key) const;
    [[nodiscard]] const SessionValue *value(const QString &key) const;
    [[nodiscard]] SessionValue *value(const QString &key);

    /// Number of nodes in this subtree, this one included.
    [[nodiscard]] qsizetype nodeCount() const;
    /// Depth of the subtree: 1 for a scalar or an empty container.
    [[nodiscard]] int depth() const;

    // In-place setters: change type and content, keep key and position; children are dropped.
    void setNull();
    void setBool(bool value);
    void setInteger(QByteArrayView decimal);
    void setFloat(double value, QByteArray lexeme = {});
    void setString(QString value);
    void setBytes(QByteArray value);
    void setList();
    void setDict();
    void setTuple();
    /// Turns a List into a Tuple, keeping its items.
    void setTupleFromList();
    /// Turns a Tuple into a List, keeping its items.
    void setListFromTuple();
    void setMarkup(QString html);
    void setUuid(QByteArray bytes);
    void setDateTime(qint64 secondsSinceEpoch, qint32 utcOffsetSeconds = 0);

    // Mutation. Index arguments must be in range; Dict keys must be unique.
    SessionValue *append(SessionValue value);
    SessionValue *insert(qsizetype index, SessionValue value);
    /// Dict: appends or replaces the value under `key`, keeping the key's position.
    SessionValue *setValue(const QString &key, SessionValue value);
    /// Dict: inserts a new key at `index`; returns nullptr when the key exists.
    SessionValue *insertEntry(qsizetype index, const QString &key, SessionValue value);
    /// Dict: appends without the duplicate check (the caller knows the key is new).
    SessionValue *appendEntryUnchecked(const QString &key, SessionValue value);
    /// Appends a null child (with `key` for a Dict, unchecked) to be filled in place.
    SessionValue *appendChild(const QString &key = {});
    SessionValue take(qsizetype index);
    void remove(qsizetype index);
    void move(qsizetype from, qsizetype to);
    /// Dict child rename; false when another entry already has `key`.
    bool renameChild(qsizetype index, const QString &key);
    /// Replaces this node's type and content, keeping its key and position.
    void assign(SessionValue other);

    /// Deep structural equality (keys, order, types, values; float lexemes ignored).
    [[nodiscard]] bool operator==(const SessionValue &other) const;
    [[nodiscard]] bool operator!=(const SessionValue &other) const { return !(*this == other); }

private:
    void adoptChildren();
    void renumberChildren(qsizetype from);
    void reset(Type type);

    Type m_type = Type::Null;
    bool m_bool = false;
    qint32 m_utcOffset = 0; // DateTime only; fits in the padding before m_float
    double m_float = 0.0;
    QString m_string;
    QByteArray m_raw; // big-integer digits, float lexeme, or bytes
    qint64 m_int = 0; // integer value when it fits (then m_raw is empty)
    QString m_key;
    SessionValue *m_parent = nullptr;
    qsizetype m_index = 0; // position among the parent's children
    std::vector<std::unique_ptr<SessionValue>> m_children;
};

} // namespace sessionlens
