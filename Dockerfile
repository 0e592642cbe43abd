# syntax=docker/dockerfile:1
# One image for both processes: `npm run start:api` (default) and `npm run start:worker`.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/scripts/register-paths.cjs ./scripts/register-paths.cjs
USER node
EXPOSE 3000
CMD ["npm", "run", "start:api"]
