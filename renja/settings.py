"""Renja settings: everything that differs between machines comes from the environment.

SQLite (WAL) in ./var by default, so a laptop works without a server; DATABASE_URL switches to PostgreSQL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("RENJA_VAR_DIR", PROJECT_DIR / "var"))


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "ya", "on"}


DEBUG = _env_bool("DEBUG", True)
_DEV_SECRET = "renja-dev-only-secret-not-for-production-0123456789abcdefghijklmnop"
SECRET_KEY = os.environ.get("SECRET_KEY") or (_DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY wajib diisi bila DEBUG=0.")

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "renja.inti",
    "renja.organisasi",
    "renja.nomenklatur",
    "renja.perencanaan",
    "renja.monev",
    "renja.kinerja",
    "renja.pemeriksaan",
    "renja.ikm",
    "renja.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out user name + address before any check
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "renja.urls"
WSGI_APPLICATION = "renja.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "renja.inti.context_processors.renja",
            ],
            "builtins": ["renja.inti.templatetags.renja_format"],
        },
    }
]

_sqlite_path = VAR_DIR / "renja.sqlite3"
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # a fresh checkout has no var/ yet
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": _sqlite_path,
            "OPTIONS": {
                # WAL lets readers work while one writer commits; IMMEDIATE avoids "database is locked"
                # surprises when two requests upgrade a read transaction to a write at once.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("TEST", {})["NAME"] = os.environ.get("RENJA_TEST_DB", "test_renja")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "masuk"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "masuk"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False  # numbers are formatted explicitly by renja.rumus.angka; years stay 2026

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # production: whitenoise's compressed manifest, failing with the command to run when never collected
        "BACKEND": "renja.inti.static.RenjaStaticStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"

# Uploads: every uploaded file passes renja.inti.unggah (kind by content, zip checks); this is its size limit.
UNGGAH_UKURAN_MAKS = int(os.environ.get("RENJA_UNGGAH_MAKS_MB", "20")) * 1024 * 1024
# renja.pemeriksaan: a target or pagu that changes between two stages by more than this percentage is reported
PERIKSA_AMBANG_SELISIH_PERSEN = int(os.environ.get("RENJA_PERIKSA_AMBANG_SELISIH_PERSEN", "20"))

# Security: strict whenever DEBUG is off; each can be relaxed by environment for a plain-HTTP intranet.
SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = _env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if not DEBUG else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Behind trusted reverse proxies: their X-Forwarded-Proto and X-Forwarded-For are believed (renja.inti.klien),
# otherwise both headers are ignored.
BEHIND_PROXY = _env_bool("BEHIND_PROXY", False)
PROXY_TERPERCAYA = int(os.environ.get("RENJA_PROXY_TERPERCAYA", "1"))
# IKM public form: accepted responses per client address (kept as a keyed hash) per hour
IKM_BATAS_PER_JAM = int(os.environ.get("RENJA_IKM_BATAS_PER_JAM", "60"))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): only our own origin, no inline script or style, no eval. htmx comes from
# django-htmx's static files and is told not to inject its indicator <style> nor to eval (base.html's
# htmx-config); behaviour that used to be inline (confirm dialogs, "Kembali") is in static/renja/renja.js.
# A template that adds inline JS/CSS fails tests/inti/test_csp.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Login lockout (django-axes, renja.inti.masuk): per user name + client address, after AXES_FAILURE_LIMIT failures,
# for AXES_COOLOFF_TIME counted from the lockout; an AuditEvent records each lockout.
AXES_FAILURE_LIMIT = int(os.environ.get("RENJA_LOGIN_GAGAL_MAKS", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("RENJA_LOGIN_JEDA_MENIT", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "renja.inti.klien.alamat_klien"
AXES_LOCKOUT_CALLABLE = "renja.inti.masuk.respons_terkunci"
AXES_HANDLER = "renja.inti.masuk.PenanganAxes"
AXES_VERBOSE = False

# --- Production server (`renja serve` with DEBUG=0: gunicorn; renja/inti/proses.py) ---------------------
# Workers: 0 means (2 x CPU) + 1. Threads per worker: 1 is gunicorn's sync worker; more gives gthread.
RENJA_WORKERS = int(os.environ.get("RENJA_WORKERS") or 0)
RENJA_THREADS = int(os.environ.get("RENJA_THREADS") or 1)
# --- end production server ----------------------------------------------------------------------------------

# Demo data and printed demo logins: on for development, off in production unless asked for.
RENJA_DEMO = _env_bool("RENJA_DEMO", DEBUG)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Email for notifications (renja.inti.notifikasi): off unless EMAIL_HOST is given; in-app notifications always.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "renja@localhost")
RENJA_URL = os.environ.get("RENJA_URL", "")  # e.g. https://renja.bekasikota.go.id: links in emails
