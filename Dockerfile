# syntax=docker/dockerfile:1
# The gateway's image: Node 24, production dependencies only, the built server, a non-root user.
# Run it with a read-only root file system; only DATA_DIR (/data) is written (SQLite, when there is
# no DATABASE_URL). docs/deployment.md has the rest: probes, grace period, replicas, secrets.

# 1. Build: the whole toolchain, TypeScript compiled to dist/, the IDE bundled into dist/ide.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the `node` devDependency's runtime download is not needed (the image is Node 24)
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bench ./bench
COPY reference ./reference
COPY ide ./ide
RUN npx tsc -p tsconfig.build.json && node ide/build.mjs

# 2. Production dependencies alone, no compiler and no test tools.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. The runtime.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/reference ./dist/reference
# GraphiQL, served only where GRAPHQL_IDE=true in production
COPY --from=build /app/dist/ide ./dist/ide
COPY package.json ./
# the image's own non-root user (uid 1000); /data is the one place it writes
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4000
# liveness only: /readyz is for the orchestrator's readiness probe (docs/deployment.md)
HEALTHCHECK --interval=10s --timeout=2s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# node itself is PID 1's command (no npm, no shell between): SIGTERM reaches the server, which
# drains for SHUTDOWN_TIMEOUT_MS and exits 0
# MALLOC_ARENA_MAX: glibc malloc keeps one arena per thread by default; two hold the peak lower (docs/deployment.md)
ENV MALLOC_ARENA_MAX=2
# --no-maglev: V8 skips its middle compiler, whose compile memory lifted the peak by 15-25 MB (docs/deployment.md)
CMD ["node", "--max-semi-space-size=4", "--max-old-space-size=384", "--no-maglev", "dist/src/index.js"]
