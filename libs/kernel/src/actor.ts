/** Who records an event: a staff user, or the engine itself (timed events, the worker). */
export interface Actor {
  kind: 'user' | 'system';
  userId: string | null;
  username: string;
  organisationId: string | null;
  roles: string[];
}

export const SYSTEM_ACTOR: Actor = Object.freeze({
  kind: 'system',
  userId: null,
  username: 'system',
  organisationId: null,
  roles: [],
});
