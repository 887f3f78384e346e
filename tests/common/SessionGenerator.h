#pragma once

#include "json/SessionValue.h"

#include <QRandomGenerator>

namespace sessionlens::test {

/**
 * Seeded generator of awkward but valid sessions: nesting, unicode (astral
 * characters, lone surrogates, controls), bytes, big integers, floats with
 * exponents, NaN and infinities, and JSON sizes on both sides of the
 * 1024-byte compression threshold. The same seed gives the same session.
 */
class SessionGenerator
{
public:
    explicit SessionGenerator(quint32 seed) : m_random(seed) {}

    SessionValue session();
    /// A session for Flask's signed cookie: also tuples, Markup, UUID, datetime and
    /// one-key dicts whose key is a tag name (the " di" escape).
    SessionValue flaskSession();
    SessionValue scalar();
    QString text(int maxLength);
    double awkwardDouble();

private:
    SessionValue value(int depth);
    SessionValue flaskValue(int depth);
    int below(int bound) { return static_cast<int>(m_random.bounded(bound)); }

    QRandomGenerator m_random;
};

} // namespace sessionlens::test
