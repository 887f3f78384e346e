"""Routes of a small shop that both interop apps share, for the capture tests: a login
that redirects, a cart, an admin page that reads the role from the session, and
redirects within and out of the origin.

  POST /login     form username, password ("letmein"); 302 to /account (relative)
  GET  /account   {"user", "role", "cart"} or 401
  POST /cart      form item; appends it; {"cart": [...]}
  GET  /admin     200 "welcome, admin" when session["role"] == "admin", else 403
  GET  /away      302 to the absolute URL in ?to= (another origin in the tests)
  GET  /bounce    302 to this origin's /account as an absolute URL
  GET  /loop      302 to itself, for the redirect limit
  GET  /logout    clears the session (the cookie is deleted)
  POST /upload    the number of body bytes received (for streamed uploads)
"""
from flask import jsonify, redirect, request, session, url_for


def add_routes(app):
    @app.post("/login")
    def login():
        if request.form.get("password") != "letmein":
            return "wrong password", 401
        session["user"] = request.form.get("username", "")
        session["role"] = "user"
        session["cart"] = []
        return redirect("/account", code=302)

    @app.get("/account")
    def account():
        if "user" not in session:
            return "not logged in", 401
        return jsonify(user=session["user"], role=session.get("role"), cart=session.get("cart", []))

    @app.post("/cart")
    def cart():
        if "user" not in session:
            return "not logged in", 401
        session["cart"] = session.get("cart", []) + [request.form.get("item", "")]
        return jsonify(cart=session["cart"])

    @app.get("/admin")
    def admin():
        if session.get("role") != "admin":
            return "forbidden", 403
        return "welcome, admin"

    @app.get("/away")
    def away():
        session["went_away"] = True
        return redirect(request.args["to"], code=302)

    @app.get("/bounce")
    def bounce():
        return redirect(url_for("account", _external=True), code=302)

    @app.get("/loop")
    def loop():
        return redirect("/loop", code=302)

    @app.post("/upload")
    def upload():
        received = 0
        while True:
            chunk = request.stream.read(1 << 16)
            if not chunk:
                break
            received += len(chunk)
        return str(received)

    @app.get("/logout")
    def logout():
        session.clear()
        return "bye"
