# syntax=docker/dockerfile:1
# Gatehouse as a container: builds the standalone server (`npm run build`, scripts/standalone.mjs)
# and runs it as the unprivileged `node` user. The image holds no secrets: pass DATABASE_URL,
# AUTH_SECRET, APP_URL, RESEND_API_KEY (and the rest of .env.example) at run time.
#
#   docker build -t gatehouse .
#   docker run -p 3000:3000 -e DATABASE_URL=… -e AUTH_SECRET=… -e APP_URL=https://… -e RESEND_API_KEY=… gatehouse

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Dependencies, from the lockfile only (cached until package*.json change).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# patches/: npm ci's postinstall applies them (patch-package) to the installed dependencies.
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund

# 2. The build: .next/standalone is a folder with the server, its traced node_modules, the static
# assets, the SQL migrations and the server entry (server/start.mjs as server.js).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

# 3. What runs: only the standalone folder, owned by root and read-only to the app's user.
FROM ${NODE_IMAGE} AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000
COPY --from=build /app/.next/standalone ./
# PGlite (development only) would write its folder here; production uses DATABASE_URL.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Liveness only: /api/health answers while the process serves, even with the database away
# (orchestrators should route by /api/ready, which checks the database and migrations).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The entry finishes requests in flight on SIGTERM within SHUTDOWN_TIMEOUT_MS (8 s), inside
# Docker's default 10 s stop timeout, then closes the database pool.
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
