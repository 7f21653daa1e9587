import { BodyKind } from './bodies';

/**
 * Staff roles (api.md "Organisations and staff") and the kind of organisation each one sits at.
 *
 * - `cell_secretary`: the secretary (or cell committee) of a party cell (CH Art. 4(3); HD06 §3.5).
 * - `grassroots_officer`: the office of a grassroots party committee (HD38 I.1.1(c); HD06 §3.3b, §3.6c).
 * - `superior_officer`: the organisation board of the committee directly above grassroots organisations — since
 *   1 July 2025 usually the commune/ward committee — or of the province (QĐ294 §4.3; procedure doc §0.1).
 * - `inspector`: an inspection committee: reads and audits its subtree, records nothing.
 * - `admin`: manages the tree, the accounts and the calendar of its subtree, and may record any staff event in it
 *   (back-office data entry; the recorded actor shows the admin role).
 */
export const ROLES = ['cell_secretary', 'grassroots_officer', 'superior_officer', 'inspector', 'admin'] as const;
export type Role = (typeof ROLES)[number];


/** The kinds of organisation an account holding each role may belong to. */
export const ROLE_BODY_KINDS: Readonly<Record<Role, readonly BodyKind[]>> = {
  cell_secretary: ['cell'],
  grassroots_officer: ['grassroots'],
  superior_officer: ['commune', 'province'],
  inspector: ['province', 'commune', 'grassroots', 'cell'],
  admin: ['province', 'commune', 'grassroots', 'cell'],
};

/** The role through which a body of the given kind acts on a case: its secretary, its office or its board. */
export function actingRoleOf(kind: BodyKind): Role {
  switch (kind) {
    case 'cell':
      return 'cell_secretary';
    case 'grassroots':
      return 'grassroots_officer';
    case 'commune':
    case 'province':
      return 'superior_officer';
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown organisation kind ${String(unreachable)}`);
    }
  }
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Why `roles` cannot be held by an account of an organisation of `kind`, or null when they can. */
export function roleProblem(roles: readonly Role[], kind: BodyKind | null): string | null {
  if (roles.length === 0) return 'an account needs at least one role';
  for (const role of roles) {
    if (kind === null) {
      if (role !== 'admin' && role !== 'inspector') return `${role} belongs to an organisation; only admin and inspector may act over the whole tree`;
      continue;
    }
    if (!ROLE_BODY_KINDS[role].includes(kind)) {
      return `${role} sits at a ${ROLE_BODY_KINDS[role].join(' or ')}, not at a ${kind}`;
    }
  }
  return null;
}
