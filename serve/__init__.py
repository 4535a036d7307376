"""The HTTP server: shared helpers (http.py), the JSON API (api.py, answer_api.py) and the one
place that assembles the API and the web site (app.py). Nothing below imports from here."""
