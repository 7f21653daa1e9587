import createClient, { type Middleware } from 'openapi-fetch';
import type { ApiErrorBody } from '../lib/errors';
import type { components, paths } from './schema';

/**
 * The typed client of the JSON API, generated from docs/openapi.json (`npm run client`): no request shape is written
 * by hand. The session travels in the HttpOnly cookie; writes add the session's CSRF token.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Headers of a request the page makes on its own (a refresh on a timer): the server does not renew the session for it. */
export const BACKGROUND = { 'X-Background-Request': 'true' } as const;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && WRITES.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};
api.use(csrf);

/** An answer of the API other than success: its status and error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message ?? `HTTP ${status}`);
  }
}

/** The data of an openapi-fetch answer, or an ApiError. */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  if (result.response.ok) return undefined as T;
  throw new ApiError(result.response.status, (result.error ?? {}));
}

export type Schemas = components['schemas'];
export type CaseView = Schemas['CaseDto'];
export type CaseEvent = Schemas['CaseEventDto'];
export type Desk = Schemas['CaseDeskDto'];
export type Session = Schemas['SessionDto'];
export type Me = Schemas['MeDto'];
