#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace sessionlens {

/**
 * The top-level members of one JSON text as PythonJsonValidator found them while it checked
 * the text: the audit's key costs without a second pass over what was just read (the pass
 * JsonMemberSpans makes). Each member is its key as written between its quotes and the bytes
 * of its `"key": value` member, as JsonMemberSpans gives them.
 *
 * The list holds a reference to the text it describes, so describes(text) is an identity
 * test that cannot be fooled by another text later allocated at the same address.
 */
class JsonMemberList
{
public:
    /// Members whose storage clear() keeps for the next text.
    static constexpr std::size_t kKeptMembers = 4096;

    struct Member
    {
        qsizetype keyOffset; ///< of the first byte after the key's opening quote
        qsizetype keySize;
        qsizetype bytes; ///< of the whole member, from the key's opening quote
    };

    /// Forgets the text and its members, keeping the storage for the next text: the validator
    /// clears the list before it reads, then adds each member it passes.
    void clear();
    void add(qsizetype keyOffset, qsizetype keySize, qsizetype bytes)
    {
        m_members.push_back(Member{keyOffset, keySize, bytes});
    }
    /// Ties the members added since clear() to `text`, which the validator accepted.
    void bind(const QByteArray &text) { m_text = text; }

    /// Are these the members of exactly this text (the same bytes, not a copy's look-alike)?
    [[nodiscard]] bool describes(const QByteArray &text) const
    {
        return !m_text.isNull() && m_text.constData() == text.constData() &&
               m_text.size() == text.size();
    }

    /// Calls visit(key, member bytes) for each member, in order: for a list that describes a
    /// text (a refused text may have left some members of its beginning).
    template <typename Visit> void forEach(Visit visit) const
    {
        for (const Member &member : m_members)
            visit(QByteArrayView(m_text.constData() + member.keyOffset, member.keySize),
                  member.bytes);
    }

private:
    QByteArray m_text;
    std::vector<Member> m_members;
};

} // namespace sessionlens
