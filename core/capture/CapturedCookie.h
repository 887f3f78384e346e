#pragma once

#include "capture/RequestClient.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace sessionlens {

/// A session cookie seen somewhere: sent or set over HTTP, kept by a browser, or in a file.
struct CapturedCookie
{
    enum class Source
    {
        Request,
        Response,
        Store,
        File
    };

    Source source = Source::File;
    std::optional<QDateTime> time; ///< when it was sent, set or stored, when known
    QString url;                   ///< the request's URL, empty when not known
    int status = -1; ///< the response status (of a pinned request: its answer's), -1 when none
    /// The reverse proxy's pin: a Request whose cookie is the pin the app got in place of the
    /// browser's, or a Response to such a request.
    bool pinned = false;
    QByteArray pin; ///< of a pinned Response: the pinned cookie its request carried
    QByteArray name = "session";
    QByteArray value;
    /// The client of the request that carried it or was answered with it, as far as the
    /// source knows it (Flask-Login's `_id` is checked against it).
    RequestClient client;
    QString origin() const; ///< scheme://host:port of `url`, empty without one

    [[nodiscard]] static QString sourceName(Source source);
};

} // namespace sessionlens
