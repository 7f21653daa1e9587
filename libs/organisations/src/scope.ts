/**
 * The part of the organisation tree a caller may see: an organisation and everything below it, or the whole tree.
 * Every read of the API is filtered through one (`pathPrefix` selects the subtree with an index range scan).
 */
export interface Scope {
  /** The organisation at the top of the subtree; null for the whole tree. */
  organisationId: string | null;
  /** Its materialised path ('/<root>/…/<self>/'); null for the whole tree. */
  pathPrefix: string | null;
}

export const WHOLE_TREE: Scope = Object.freeze({ organisationId: null, pathPrefix: null });

/** Whether a node with materialised path `path` lies in `scope`. */
export function pathInScope(path: string, scope: Scope): boolean {
  return scope.pathPrefix === null || path.startsWith(scope.pathPrefix);
}

/** The province at the root of a materialised path ('/<province>/…/'), or null for an empty path. */
export function provinceOfPath(path: string): string | null {
  return path.split('/').find((segment) => segment !== '') ?? null;
}
