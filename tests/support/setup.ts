// Each run gets its own database: PGlite in memory unless DATABASE_URL points at a PostgreSQL.
process.env.PGLITE_DIR ??= "memory://";
process.env.MAIL_TRANSPORT ??= "outbox";
process.env.SECURITY_HIBP_BASE_URL ??= "http://127.0.0.1:9";
