import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Where `vite build` writes the staff application (apps/web): relative to the working directory unless WEB_DIST_DIR says. */
export function staffAppDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.WEB_DIST_DIR ?? join('apps', 'web', 'dist'));
}

/** Paths that are never the staff application: the JSON API, its documentation, health and metrics. */
const NOT_THE_APP = /^\/(api|health|metrics)(\/|$)/;

interface Req {
  method: string;
  path: string;
}
interface Res {
  status(code: number): Res;
  redirect(status: number, url: string): void;
  setHeader(name: string, value: string): void;
  type(t: string): Res;
  send(body: string): void;
}

/**
 * Serves the built staff application from `dir` at `/`: its hashed files under `/assets/` (cached for a year), and
 * `index.html` (revalidated on every load) for every other GET path outside the API, so that a reloaded or shared
 * link such as `/cases/…` opens the page. `/console`, where an older page lived, sends the browser to `/`.
 */
export function serveStaffApplication(app: NestExpressApplication, dir: string): void {
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false, fallthrough: false });
  app.useStaticAssets(dir, { index: false, maxAge: 0, setHeaders: (res: { setHeader(name: string, value: string): void }) => res.setHeader('Cache-Control', 'no-cache') });
  const indexFile = join(dir, 'index.html');
  let indexHtml: string | null = null;
  app.use((req: Req, res: Res, next: () => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_APP.test(req.path)) return next();
    if (req.path === '/console' || req.path.startsWith('/console/')) return res.redirect(302, '/');
    indexHtml ??= existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
    res.setHeader('Cache-Control', 'no-cache');
    if (indexHtml === null) {
      res.status(503).type('text/plain; charset=utf-8').send('The staff application is not built: run `npm run build`.');
      return;
    }
    res.status(200).type('text/html; charset=utf-8').send(indexHtml);
  });
}
