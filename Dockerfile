# Build and run image for the API (which serves the staff application) and the worker (docker-compose.yml uses it for both).
# It runs Node 22, the current LTS; the code also runs on Node 20 (package.json "engines").
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nest build api && npx nest build worker && npm run build:web

FROM node:22-bookworm-slim
ENV NODE_ENV=production
# V8's young generation as package.json "config.node_options" sets it for the npm start scripts (ADR 0031).
ENV NODE_OPTIONS=--max-semi-space-size=64
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY config ./config
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
