"""Callboard settings, read from the environment.

Local development needs nothing set beyond ``DJANGO_DEBUG=1`` (the Makefile sets it). With debug
off the site refuses to start until ``DJANGO_SECRET_KEY`` and ``DJANGO_ALLOWED_HOSTS`` are given.
"""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("CALLBOARD_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    normalized = value.strip().lower()
    if normalized in {"1", "true", "yes", "on"}:
        return True
    if normalized in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {value!r}.")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value.strip())
    except ValueError:
        number = None
    if number is None or number < minimum:
        raise ImproperlyConfigured(f"{name} must be a whole number of at least {minimum}; got {value!r}.")
    return number


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def development_secret_key() -> str:
    """A random key kept in var/ so sessions survive restarts of the development server."""
    key_file = VAR_DIR / "development-secret-key"
    if key_file.exists():
        return key_file.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = get_random_secret_key()
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not DEBUG:
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off Callboard needs a secret key "
            "from the environment (generate one with "
            "`python -c 'from django.core.management.utils import get_random_secret_key as k; print(k())'`)."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS is not set. With DJANGO_DEBUG off Callboard needs the "
            "comma-separated host names it serves, e.g. DJANGO_ALLOWED_HOSTS=news.example.com."
        )
else:
    SECRET_KEY = SECRET_KEY or development_secret_key()
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]", "testserver"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "cms",
    "images",
    "people",
    "articles",
    "search",
    "reader",
    "api",
    "webhooks",
]

MIDDLEWARE = [
    # First: load balancers probe by IP and over plain HTTP, which later layers would refuse.
    "cms.health.HealthCheckMiddleware",
    # Before anything else that answers: the API's CORS headers go on every answer it gives.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside everything that writes the body, inside WhiteNoise (static files come compressed).
    "cms.middleware.CompressTextMiddleware",
    "cms.middleware.SecurityHeadersMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "cms.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Reads of readers' pages from a caught-up standby, when DATABASE_REPLICA_URLS sets any.
    "cms.replicas.ReplicaReadsMiddleware",
    # Innermost, so it knows the user and the language; a hit skips the view and the database.
    "cms.pagecache.AnonymousPageCacheMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
ASGI_APPLICATION = "cms.asgi.application"

# Readers' pages are Jinja2 templates (templates/jinja2/, cms.templating); the admin keeps Django's.
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "cms.templating.environment"},
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Databases: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'callboard.sqlite3'}",
        # Persistent connections in production (health-checked before reuse); per request locally.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0" if DEBUG else "600")),
        conn_health_checks=True,
    )
}
# PostgreSQL: the queries compiled once per process (cms/prepared.py) are prepared on the server
# too, so it plans them once rather than on every run. Django binds values into the SQL on the
# client, and psycopg never prepares such statements, so nothing else is prepared. Behind a
# connection pooler that cannot keep prepared statements (PgBouncer before 1.21 in transaction
# mode), set DATABASE_PREPARED_STATEMENTS=0.
PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", default=True)
# PostgreSQL: no parallel workers for a query unless DATABASE_PARALLEL_WORKERS says how many. Every
# page reads a few rows through an index; starting workers for a plan the planner thinks large (a
# walk of the listing index over 100,000 articles that stops after twelve) costs milliseconds more
# than the walk itself. Management commands that aggregate the whole archive can set it higher.
PARALLEL_WORKERS = env_int("DATABASE_PARALLEL_WORKERS", 0)
SESSION_SETTINGS = f"-c max_parallel_workers_per_gather={PARALLEL_WORKERS}"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer gets a 503 in seconds, not after the system's two minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
    DATABASES["default"]["OPTIONS"].setdefault("options", SESSION_SETTINGS)
    if PREPARED_STATEMENTS:
        # psycopg's own default; Django turns preparing off by passing None.
        DATABASES["default"]["OPTIONS"].setdefault("prepare_threshold", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers carry on while a writer commits; the timeout makes a writer wait for
        # a lock instead of failing at once; IMMEDIATE takes the write lock at BEGIN so two
        # writers queue rather than deadlock on upgrade.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }

# Cache: Redis when REDIS_URL is set. Otherwise a table in the database (``callboard_cache``,
# created by migrate), shared by every process using that database: gunicorn's workers, the
# development server and management commands alike, so a publish from any of them reaches every
# worker's page cache and the login throttle counts attempts whichever worker answers. Its adds
# are atomic (a unique key), which is all the throttle and the page cache's generation need; a
# file-based cache's are not. CALLBOARD_CACHE=memory keeps a cache in each process instead,
# for the test suite, where no other process reads it.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_STORE = os.environ.get("CALLBOARD_CACHE", "").strip().lower() or "database"
if CACHE_STORE not in {"database", "memory"}:
    raise ImproperlyConfigured(f"CALLBOARD_CACHE must be database or memory; got {CACHE_STORE!r}.")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "callboard"),
            # A Redis that hangs must not hang readers: give up and serve from the database.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
elif CACHE_STORE == "database":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "callboard_cache",
            # Past this many rows the backend deletes the expired, then the lowest third of the
            # keys in sort order; pages sort before the login throttle's keys (cms.throttle).
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Read replicas: PostgreSQL standbys of the primary, comma-separated. Readers' public pages read
# from a standby once it has replayed the latest change (cms/replicas.py); everything else reads
# and writes on the primary. The replay check needs the page cache's shared store, so replicas
# require PostgreSQL and Redis.
DATABASE_REPLICAS = []
for number, replica_url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    alias = f"replica{number}"
    DATABASES[alias] = dj_database_url.parse(
        replica_url,
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    # A standby that does not answer must not hold readers up: give up on connecting quickly.
    DATABASES[alias].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
    DATABASES[alias]["OPTIONS"].setdefault("options", SESSION_SETTINGS)
    if PREPARED_STATEMENTS:
        DATABASES[alias]["OPTIONS"].setdefault("prepare_threshold", 5)
    # Under test a standby is the primary's mirror, as replication would make it.
    DATABASES[alias]["TEST"] = {"MIRROR": "default"}
    DATABASE_REPLICAS.append(alias)
if DATABASE_REPLICAS:
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql" or not REDIS_URL:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL and a REDIS_URL: replicas are "
            "PostgreSQL standbys, and the position they must reach is shared through Redis."
        )
    DATABASE_ROUTERS = ["cms.replicas.ReplicaRouter"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("CALLBOARD_TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Production serves hashed, compressed static files through WhiteNoise (after collectstatic);
# development and tests use the plain finder-based storage.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
if DEBUG:
    # Development serves static files from the apps' folders; WhiteNoise looks there too.
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

# Media in an S3-compatible bucket instead, for several app servers: CALLBOARD_S3_BUCKET turns it
# on. Readers' files (clean copies, renditions, quote cards) go under media/ and are public;
# originals, with their camera metadata, go under private/ (or to CALLBOARD_S3_PRIVATE_BUCKET),
# readable only through the image admin, which streams them to staff. Credentials come from the
# environment as boto3 reads them (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a role).
S3_BUCKET = os.environ.get("CALLBOARD_S3_BUCKET", "")
S3_CUSTOM_DOMAIN = os.environ.get("CALLBOARD_S3_CUSTOM_DOMAIN", "")
if "/" in S3_CUSTOM_DOMAIN:
    raise ImproperlyConfigured(
        f"CALLBOARD_S3_CUSTOM_DOMAIN is a host name such as media.example.com, without a scheme or "
        f"a path; got {S3_CUSTOM_DOMAIN!r}."
    )
# S3's canned ACLs; empty for none (a bucket with ACLs disabled, made public by its policy).
S3_CANNED_ACLS = {"private", "public-read", "public-read-write", "authenticated-read", "bucket-owner-read"}
S3_MEDIA_ACL = os.environ.get("CALLBOARD_S3_MEDIA_ACL", "public-read")
if S3_MEDIA_ACL and S3_MEDIA_ACL not in S3_CANNED_ACLS:
    raise ImproperlyConfigured(
        f"CALLBOARD_S3_MEDIA_ACL must be empty or one of {', '.join(sorted(S3_CANNED_ACLS))}; got {S3_MEDIA_ACL!r}."
    )
if S3_BUCKET:
    s3_options = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("CALLBOARD_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("CALLBOARD_S3_REGION") or None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **s3_options,
            "location": "media",
            "default_acl": S3_MEDIA_ACL or None,
            "querystring_auth": False,
            "custom_domain": S3_CUSTOM_DOMAIN or None,
            # A year: every public file's name changes with its content (cms.views.IMMUTABLE_MEDIA).
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    STORAGES["originals"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **s3_options,
            "bucket_name": os.environ.get("CALLBOARD_S3_PRIVATE_BUCKET") or S3_BUCKET,
            "location": "private",
            # No ACL: objects are private by default, and buckets with ACLs disabled refuse any.
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 300,
        },
    }
CALLBOARD_SERVE_MEDIA = env_bool("CALLBOARD_SERVE_MEDIA")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TAGGIT_CASE_INSENSITIVE = True

# The cookie holding a reader's spoiler progress: the page cache keys pages on it.
CALLBOARD_PROGRESS_COOKIE = "callboard_progress"

# Security: cookies and headers that hold with or without HTTPS in front.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    # Production sits behind HTTPS; CALLBOARD_HTTPS=0 is for a plain-HTTP rehearsal on loopback.
    HTTPS = env_bool("CALLBOARD_HTTPS", default=True)
    SESSION_COOKIE_SECURE = HTTPS
    CSRF_COOKIE_SECURE = HTTPS
    SECURE_SSL_REDIRECT = HTTPS and env_bool("CALLBOARD_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
    SECURE_HSTS_PRELOAD = HTTPS
    if env_bool("CALLBOARD_BEHIND_PROXY"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CALLBOARD_LOG_LEVEL", "INFO")},
}

# Upload limits; images are checked again, by content, in images.validators.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
CALLBOARD_IMAGE_MAX_BYTES = 20 * 1024 * 1024
CALLBOARD_IMAGE_MAX_PIXELS = 40_000_000

# Background work (django-tasks, the backport of Django 6's django.tasks; cms/tasks.py): a queue in
# the database, drained by `manage.py run_worker`, which `make run` and `make serve` start beside
# the site. CALLBOARD_TASKS=immediate runs each task in the process that asks for it instead.
TASK_STORE = os.environ.get("CALLBOARD_TASKS", "").strip().lower() or "database"
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASK_STORE not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"CALLBOARD_TASKS must be database or immediate; got {TASK_STORE!r}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASK_STORE]}}
# A task claimed longer ago than this is taken to have lost its worker and is queued again.
CALLBOARD_TASK_LEASE = int(os.environ.get("CALLBOARD_TASK_LEASE", "600"))

# Where the site is, for links written without a request to take the host from (webhook
# deliveries). Development: the runserver address; production: the first allowed host, over HTTPS.
CALLBOARD_SITE_URL = os.environ.get("CALLBOARD_SITE_URL", "").strip().rstrip("/") + "/"
if CALLBOARD_SITE_URL == "/":
    CALLBOARD_SITE_URL = (
        "http://127.0.0.1:8000/" if DEBUG else f"https://{ALLOWED_HOSTS[0] if ALLOWED_HOSTS else 'localhost'}/"
    )

# Webhooks (webhooks/, docs/webhooks.md): each delivery waits this many seconds for an answer,
# and a failed one is tried again after each of these delays in turn, then given up.
CALLBOARD_WEBHOOK_TIMEOUT = float(os.environ.get("CALLBOARD_WEBHOOK_TIMEOUT", "5"))
CALLBOARD_WEBHOOK_RETRY_DELAYS = [10, 60, 5 * 60, 30 * 60, 2 * 60 * 60, 6 * 60 * 60]
# Development (the default with DJANGO_DEBUG=1) lets endpoints be plain http:// and on this machine
# (loopback), to try a receiver locally; production takes https:// on public addresses only.
CALLBOARD_WEBHOOKS_ALLOW_LOOPBACK = env_bool("CALLBOARD_WEBHOOKS_ALLOW_LOOPBACK", default=DEBUG)

# The content API (api/): read-only and public, under /api/v1/ (docs/api.md).
# Requests per client address a minute (or /s, /h, /d); past it, 429 with Retry-After.
CALLBOARD_API_RATE = os.environ.get("CALLBOARD_API_RATE", "120/min")
if not re.fullmatch(r"[1-9]\d*/(s|sec|second|m|min|minute|h|hour|d|day)", CALLBOARD_API_RATE):
    raise ImproperlyConfigured(
        "CALLBOARD_API_RATE must be a number of requests per s, min, hour or day, such as 120/min; "
        f"got {CALLBOARD_API_RATE!r}."
    )
REST_FRAMEWORK = {
    # JSON only, chosen by the address and never by Accept: the page cache keys on the address.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.AddressNegotiation",
    "DEFAULT_PARSER_CLASSES": [],
    # Public and read-only: no sessions, so no CSRF, and nothing to sign in to.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    # CALLBOARD_API_RATE per client address, counted in the default cache every process shares.
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientRateThrottle"],
    # Behind a proxy the client is the address the proxy adds last to X-Forwarded-For; without
    # one, the connection's: a header a client writes itself never picks its own counter.
    "NUM_PROXIES": 1 if not DEBUG and env_bool("CALLBOARD_BEHIND_PROXY") else 0,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Callboard content API",
    "DESCRIPTION": (
        "Published articles, people, works, confirmed quotes and topic tags, read-only and spoiler-safe: "
        "bodies and quotes never show a spoiler unless `work` and `through` say the reader has seen that far. "
        "See docs/api.md."
    ),
    "VERSION": "1",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The reference page's scripts, styles and icon come from our own static files.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No validator badge: Swagger UI would send the schema to validator.swagger.io.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None, "defaultModelsExpandDepth": 0},
    "ENUM_NAME_OVERRIDES": {
        "ArticleKindEnum": "articles.models.Article.Kind",
        "WorkKindEnum": "people.models.Work.Kind",
    },
}
# Other sites' pages may read the API (GET, HEAD and the preflight before them), never write.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]
